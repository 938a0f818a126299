package org.casestream.support.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code max-concurrent} API requests are worked on at once; one more waits up to {@code queue-wait} for
 * a place and is otherwise answered 503 problem+json with {@code Retry-After} at once. Without it, a herd of
 * retries meeting a service that has just started (cold, on shared cores) queues in the server's threads until
 * every request is slower than the gateway's read timeout, and all of them fail as 504s; with it, those that
 * get in finish in time and the rest are told when to come back. Counted in {@code casestream.http.shed}.
 */
public class LoadShedding extends OncePerRequestFilter {

    private final Semaphore places;
    private final Duration queueWait;
    private final ObjectMapper mapper;
    private final Counter shed;

    public LoadShedding(Settings settings, ObjectMapper mapper, MeterRegistry meters) {
        this.places = new Semaphore(settings.maxConcurrent(), true);
        this.queueWait = settings.queueWait();
        this.mapper = mapper;
        this.shed = Counter.builder("casestream.http.shed").description("API requests turned away while the service was full")
                .register(meters);
    }

    /** Limits for the API's concurrent requests: {@code casestream.web.load-shedding.*}. */
    @Validated
    @ConfigurationProperties("casestream.web.load-shedding")
    public record Settings(@Min(1) int maxConcurrent, @NotNull Duration queueWait) {

        public Settings {
            maxConcurrent = maxConcurrent == 0 ? 16 : maxConcurrent;
            queueWait = queueWait == null ? Duration.ofSeconds(2) : queueWait;
        }
    }

    /** Only API calls; not a live stream either, which holds its request open for as long as the dashboard is. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/api/stream")
                || accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            shed.increment();
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(request, response, Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Service busy", "The service is working on as many requests as it can", Duration.ofSeconds(2)), mapper);
    }
}
