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
import org.casestream.testkit.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway on a random port, on the real PostgreSQL of {@link TestInfrastructure} (a database of its own),
 * in front of four real local HTTP servers standing in for the services. Every test class shares them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the tests' failed logins all come from 127.0.0.1: plenty before that address must wait (a subclass may say less)
@TestPropertySource(properties = "casestream.gateway.login.address-failures=1000")
public abstract class GatewayIntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** The routing service's client secret in the tests' gateway. */
    public static final String ROUTING_SECRET = "routing-secret-for-tests";
    /** The notification service's client secret in the tests' gateway. */
    public static final String NOTIFICATION_SECRET = "notification-secret-for-tests";
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
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** What points a gateway at the test infrastructure and the stand-in services; for further instances too. */
    protected static Map<String, String> properties() {
        startOnce();
        Path jwt = Path.of(URI.create(TestInfrastructure.publicKeyLocation())).getParent();
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("spring.datasource.url", database);
        properties.put("spring.datasource.username", "postgres");
        properties.put("casestream.gateway.tokens.private-key", jwt.resolve("private.pem").toUri().toString());
        properties.put("casestream.gateway.tokens.public-key", TestInfrastructure.publicKeyLocation());
        properties.put("casestream.gateway.admin.password", ADMIN_PASSWORD);
        properties.put("casestream.gateway.admin.password-file", home.resolve("admin-password").toString());
        properties.put("casestream.gateway.backends.command", command.url());
        properties.put("casestream.gateway.backends.query", query.url());
        properties.put("casestream.gateway.backends.routing", routing.url());
        properties.put("casestream.gateway.backends.notification", notification.url());
        properties.put("casestream.gateway.login.delay-step", "10ms");
        properties.put("casestream.gateway.login.max-delay", "40ms");
        properties.put("casestream.gateway.login.max-failures", "3");
        properties.put("casestream.gateway.login.lock-duration", "PT10M");
        properties.put("casestream.gateway.web.spa-index", "classpath:/spa-test/index.html");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.http.client.read-timeout", "2s");
        properties.put("casestream.gateway.tokens.revocation-cache", "2s");
        properties.put("casestream.gateway.tokens.rotation.ring-directory", home.resolve("ring").toString());
        properties.put("casestream.gateway.service-clients.routing-service.secret", ROUTING_SECRET);
        properties.put("casestream.gateway.service-clients.notification-service.secret", NOTIFICATION_SECRET);
        return properties;
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
