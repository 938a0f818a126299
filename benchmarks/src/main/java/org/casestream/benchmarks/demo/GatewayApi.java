package org.casestream.benchmarks.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's public API, as any client calls it: a Bearer token from {@code /api/auth/login} or a channel's
 * {@code X-Api-Key}. Answers 429 (rate limit) and 502/503 (a service still starting), and no answer at all, are
 * retried after the {@code Retry-After} the gateway names until {@code keepTrying} has passed; every write the
 * loader sends carries an {@code Idempotency-Key}, so a retry never does anything twice. Every answer, retried
 * or not, is told to the {@code seen} listener (0 when none came), so a drill can count them.
 */
public final class GatewayApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEMO_PATIENCE = Duration.ofSeconds(60);

    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Bearer token or API key; toString never shows either. */
    public record Credentials(String header, String value) {
        public static Credentials bearer(String token) {
            return new Credentials("Authorization", "Bearer " + token);
        }

        public static Credentials apiKey(String key) {
            return new Credentials("X-Api-Key", key);
        }

        @Override
        public String toString() {
            return header + "[…]";
        }
    }

    private final URI base;
    private final Duration keepTrying;
    private final IntConsumer seen;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    GatewayApi(URI base) {
        this(base, DEMO_PATIENCE, status -> { });
    }

    public GatewayApi(URI base, Duration keepTrying, IntConsumer seen) {
        this.base = base;
        this.keepTrying = keepTrying;
        this.seen = seen;
    }

    public String login(String username, String password) {
        Answer answer = call("POST", "/api/auth/login", null, Map.of("username", username, "password", password), null);
        if (answer.status() != 200) {
            throw new DemoFailure("Login as " + username + " failed with HTTP " + answer.status()
                    + (answer.status() == 401 ? " (wrong password?)" : ""));
        }
        return answer.body().path("accessToken").asText();
    }

    public Answer call(String method, String path, Credentials credentials, Object body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            builder.header(credentials.header(), credentials.value());
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + keepTrying.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                seen.accept(status);
                boolean retryable = status == 429 || status == 502 || status == 503;
                if (!retryable || System.nanoTime() > deadline) {
                    return new Answer(status, read(response.body()));
                }
                long wait = response.headers().firstValue("Retry-After").map(GatewayApi::seconds).orElse(1L);
                Thread.sleep(backOff(Math.min(Math.max(wait, 1), 30), attempt));
            } catch (IOException e) {
                seen.accept(0);
                if (System.nanoTime() > deadline) {
                    throw new DemoFailure(method + " " + path + " failed: " + e.getClass().getSimpleName());
                }
                sleep(backOff(1, attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted");
            }
        }
    }

    /**
     * At least what the server asked for, plus a random share of a window that doubles with each attempt (up to
     * 30 s): callers that failed together do not all come back in the same second.
     */
    private static Duration backOff(long retryAfterSeconds, int attempt) {
        long window = Math.min(30_000, 1000L << Math.min(attempt - 1, 5));
        return Duration.ofMillis(retryAfterSeconds * 1000 + ThreadLocalRandom.current().nextLong(window));
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The loader cannot go on; the message never holds a password, token or key. */
    public static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }
}
