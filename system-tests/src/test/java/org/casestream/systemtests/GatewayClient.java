package org.casestream.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Plain HTTP to the gateway, the way a channel, a script or the browser calls it. */
public final class GatewayClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** How a call authenticates. */
    public sealed interface Credentials permits Bearer, ApiKey, Anonymous {
    }

    public record Bearer(String token) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }

    public record ApiKey(String key) implements Credentials {
        @Override
        public String toString() {
            return "ApiKey[…]";
        }
    }

    public enum Anonymous implements Credentials {
        NONE
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        /** This response, if its status is {@code expected}; else an error that shows what came instead. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        /** This response, if its status is 2xx. */
        public Response success() {
            if (status < 200 || status > 299) {
                throw new AssertionError("Expected a 2xx answer but got " + status + ": " + body);
            }
            return this;
        }
    }

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public GatewayClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    public URI baseUri() {
        return baseUri;
    }

    public HttpClient http() {
        return http;
    }

    public Response get(String path, Credentials credentials) {
        return call("GET", path, credentials, null, Map.of());
    }

    public Response post(String path, Credentials credentials, Object body) {
        return call("POST", path, credentials, body, Map.of());
    }

    public Response post(String path, Credentials credentials, Object body, Map<String, String> headers) {
        return call("POST", path, credentials, body, headers);
    }

    public Response put(String path, Credentials credentials, Object body) {
        return call("PUT", path, credentials, body, Map.of());
    }

    /** Logs in with {@code POST /api/auth/login}; the access token. */
    public String login(String username, String password) {
        Response response = post("/api/auth/login", Anonymous.NONE, Map.of("username", username, "password", password));
        return response.expect(200).json().path("accessToken").asText();
    }

    public HttpRequest.Builder request(String path, Credentials credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
        switch (credentials) {
            case Bearer bearer -> builder.header("Authorization", "Bearer " + bearer.token());
            case ApiKey key -> builder.header("X-Api-Key", key.key());
            case Anonymous ignored -> {
            }
        }
        return builder;
    }

    /** One call; {@code body} null sends none, a String is sent as it is, anything else as JSON. */
    public Response call(String method, String path, Credentials credentials, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, credentials);
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body)));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Only the status (and headers) of a call whose body may never end, such as the event stream. */
    public int statusOnly(String method, String path, Credentials credentials) {
        HttpRequest.Builder builder = request(path, credentials).method(method, HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<java.io.InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
