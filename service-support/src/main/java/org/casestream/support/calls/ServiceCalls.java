package org.casestream.support.calls;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls from one service to another: a {@link RestClient} with connect and read timeouts, and each call wrapped in
 * retries with exponential backoff and jitter outside a circuit breaker. Only a {@link Transient} failure (the
 * other service away, slow, failing, or losing a race it may win next time) is retried and counted by the breaker;
 * anything else (a refusal) goes straight back to the caller. While the breaker is open, calls fail at once with
 * {@link CallNotPermittedException}, and the caller (a Kafka listener, a timer, a mailbox reader) tries later.
 */
public final class ServiceCalls {

    /** How to reach the other service and how hard to try. */
    public record Settings(String baseUrl, Duration connectTimeout, Duration readTimeout, int maxAttempts,
                           Duration initialBackoff, Duration circuitOpenFor) {
    }

    /** A failure worth retrying; recorded by the circuit breaker. */
    public static final class Transient extends RuntimeException {
        public Transient(String message) {
            super(message);
        }
    }

    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public ServiceCalls(String name, Settings settings) {
        this(name, settings, RestClient.builder(), null);
    }

    /**
     * With Spring Boot's {@link RestClient.Builder} (whose observation puts each call in the caller's trace and in
     * {@code http.client.requests}) and the breaker's and retries' meters ({@code resilience4j.circuitbreaker.*},
     * {@code resilience4j.retry.*}, tagged with {@code name}) in {@code meters} (none when null).
     */
    public ServiceCalls(String name, Settings settings, RestClient.Builder builder, MeterRegistry meters) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.baseUrl() == null ? "" : settings.baseUrl())
                .requestFactory(factory).build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(Transient.class)
                .build());
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5))
                .retryExceptions(Transient.class)
                .build());
        this.breaker = breakers.circuitBreaker(name);
        this.retry = retries.retry(name);
        if (meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        }
    }

    public RestClient http() {
        return http;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /**
     * The call, retried while it fails transiently. Throws {@link Transient} when every attempt failed so, and
     * {@link CallNotPermittedException} while the breaker is open; anything else the call throws, at once.
     */
    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    /** Whether a 409 problem says the write lost its races against concurrent ones: the next attempt may win. */
    public static boolean lostRaces(byte[] problem) {
        return new String(problem, StandardCharsets.UTF_8).contains("/problems/concurrent-update\"");
    }
}
