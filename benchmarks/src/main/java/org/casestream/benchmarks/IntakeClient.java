package org.casestream.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes one ticket in through {@code POST /api/intake/tickets} per operation, as a channel does:
 * a bearer token with role {@code channel}, a fresh {@code Idempotency-Key} and {@code externalRef}
 * each time, so every request opens a new case. Success is 201.
 */
final class IntakeClient implements LoadClient {

    static final String PATH = "/api/intake/tickets";
    private static final String BODY_TEMPLATE = """
            {"customer":{"name":"Bench Customer","email":"bench@example.com","tier":"standard"},\
            "subject":"Cannot log in","description":"Password reset mail never arrives","externalRef":"%s"}""";

    private final HttpClient http;
    private final URI uri;
    private final String authorization;
    private final Duration timeout;
    private final String refPrefix;
    private final AtomicLong sequence;

    IntakeClient(HttpClient http, URI baseUrl, String bearerToken, Duration timeout, String refPrefix, AtomicLong sequence) {
        this.http = http;
        this.uri = baseUrl.resolve(PATH);
        this.authorization = "Bearer " + bearerToken;
        this.timeout = timeout;
        this.refPrefix = refPrefix;
        this.sequence = sequence;
    }

    static HttpClient newHttpClient() {
        // HTTP/1.1 with keep-alive, as channels and the gateway call the service; no h2c upgrade dance.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void execute() throws Exception {
        HttpResponse<String> response = send();
        if (response.statusCode() != 201) {
            throw new UnexpectedStatusException(response.statusCode(), excerpt(response.body()));
        }
    }

    /** One request; the caller decides what the answer means. */
    HttpResponse<String> send() throws Exception {
        String externalRef = refPrefix + "-" + sequence.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(BODY_TEMPLATE.formatted(externalRef)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
