package org.casestream.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.localstack.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port, on the real PostgreSQL of {@link TestInfrastructure} (a database of its own),
 * in front of four real local HTTP servers standing in for the services. Every test class shares them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static Backend command;
    protected static Backend query;
    protected static Backend routing;
    protected static Backend notification;
    private static String database;
    protected static Path home;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        startOnce();
        Path jwt = Path.of(URI.create(TestInfrastructure.publicKeyLocation())).getParent();
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("casestream.gateway.tokens.private-key", () -> jwt.resolve("private.pem").toUri().toString());
        registry.add("casestream.gateway.tokens.public-key", TestInfrastructure::publicKeyLocation);
        registry.add("casestream.gateway.admin.password", () -> ADMIN_PASSWORD);
        registry.add("casestream.gateway.admin.password-file", () -> home.resolve("admin-password").toString());
        registry.add("casestream.gateway.backends.command", command::url);
        registry.add("casestream.gateway.backends.query", query::url);
        registry.add("casestream.gateway.backends.routing", routing::url);
        registry.add("casestream.gateway.backends.notification", notification::url);
        registry.add("casestream.gateway.login.delay-step", () -> "10ms");
        registry.add("casestream.gateway.login.max-delay", () -> "40ms");
        registry.add("casestream.gateway.login.max-failures", () -> "3");
        registry.add("casestream.gateway.login.lock-duration", () -> "PT10M");
        registry.add("casestream.gateway.web.spa-index", () -> "classpath:/spa-test/index.html");
        registry.add("spring.jmx.enabled", () -> "false");
    }

    private static synchronized void startOnce() {
        if (database != null) {
            return;
        }
        TestInfrastructure.start();
        database = TestInfrastructure.createDatabase("gateway_it");
        command = Backend.start("command");
        query = Backend.start("query");
        routing = Backend.start("routing");
        notification = Backend.start("notification");
        try {
            home = Files.createTempDirectory("gateway-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<Backend> backends() {
        return List.of(command, query, routing, notification);
    }

    protected static void clearBackends() {
        backends().forEach(Backend::clear);
    }

    // ---- HTTP

    /** An answer: status, headers and body (parsed as JSON when it is). */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> errorFields() {
            return json().get("errors").findValuesAsText("field");
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected Answer call(String method, String path, Map<String, String> headers, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : body instanceof String text ? HttpRequest.BodyPublishers.ofString(text)
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .timeout(Duration.ofSeconds(20)).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Answer get(String path, String token) {
        return call("GET", path, bearer(token), null);
    }

    protected static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    protected Answer login(String username, String password) {
        return call("POST", "/api/auth/login", Map.of(), Map.of("username", username, "password", password));
    }

    protected String adminToken() {
        Answer answer = login("admin", ADMIN_PASSWORD);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("accessToken").asText();
    }

    /** Creates a user with these roles (through the admin API) and returns its username. */
    protected String createUser(String adminToken, String displayName, String password, String... roles) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = call("POST", "/api/admin/users", bearer(adminToken), Map.of("username", username,
                "displayName", displayName, "password", password, "roles", List.of(roles)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    protected String tokenOf(String username, String password) {
        Answer answer = login(username, password);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("accessToken").asText();
    }

    protected static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    }
}
