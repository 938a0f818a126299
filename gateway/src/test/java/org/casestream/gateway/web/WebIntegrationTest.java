package org.casestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WebIntegrationTest extends GatewayIntegrationTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        String token = adminToken();
        List<Answer> answers = List.of(
                get("/api/cases", token),                       // proxied
                get("/api/auth/me", token),                     // the gateway's own
                get("/api/cases", null),                        // refused
                get("/cases/abc", null),                        // the dashboard
                get("/.well-known/jwks.json", null),
                call("POST", "/api/auth/login", Map.of(), Map.of()));  // bad input
        for (Answer answer : answers) {
            assertThat(answer.headers().allValues("Content-Security-Policy")).containsExactly(CSP);
            assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(answer.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(answer.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        }
    }

    @Test
    void theDashboardIsServedForClientSideRoutesButNotForApiPaths() {
        Answer root = get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.body()).containsIgnoringCase("<html");

        Answer deepLink = get("/cases/4f1c2d", null);
        assertThat(deepLink.status()).isEqualTo(200);
        assertThat(deepLink.header("Content-Type")).startsWith("text/html");
        assertThat(deepLink.body()).contains("spa-test-index");

        assertProblem(get("/api/unknown", null), 401);
        assertProblem(get("/v3/unknown", null), 404);
        assertThat(get("/actuator/unknown", null).header("Content-Type")).doesNotContain("text/html");
        assertProblem(call("POST", "/cases/4f1c2d", Map.of(), Map.of()), 401);
    }

    /** The dashboard module's own index.html is the root page, and every file it names (WebJars too) loads. */
    @Test
    void theDashboardsIndexAndEveryFileItNamesAreServed() throws Exception {
        ClassPathResource index = new ClassPathResource("META-INF/resources/index.html");
        assertThat(index.exists()).as("the dashboard module's index.html is on the classpath").isTrue();
        String html = index.getContentAsString(StandardCharsets.UTF_8);
        assertThat(get("/", null).body()).isEqualTo(html);
        Matcher references = Pattern.compile("(?:src|href)=\"(/[^\"#]+)\"").matcher(html);
        List<String> files = new ArrayList<>();
        while (references.find()) {
            files.add(references.group(1));
        }
        assertThat(files).isNotEmpty();
        for (String file : files) {
            Answer answer = get(file, null);
            assertThat(answer.status()).as(file).isEqualTo(200);
            if (!file.equals("/")) {
                assertThat(answer.header("Content-Type")).as(file).doesNotStartWith("text/html");
            }
        }
    }

    @Test
    void healthIsOpenAndTheRestOfActuatorIsForOps() {
        Answer health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertProblem(get("/actuator/metrics", null), 401);
        assertThat(get("/actuator/metrics", adminToken()).status()).isEqualTo(200);
    }

    @Test
    void swaggerUiListsTheGatewayAndTheFourServices() {
        Answer ui = get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline'")
                .contains("script-src 'self';");
        assertThat(get("/swagger-ui.html", null).status()).isIn(200, 302);

        JsonNode config = get("/v3/api-docs/swagger-config", null).json();
        assertThat(config.get("urls").findValuesAsText("url")).containsExactlyInAnyOrder("/v3/api-docs",
                "/v3/api-docs/command", "/v3/api-docs/query", "/v3/api-docs/routing", "/v3/api-docs/notification");

        JsonNode own = get("/v3/api-docs", null).json();
        List<String> paths = new java.util.ArrayList<>();
        own.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/auth/me",
                "/api/admin/users", "/api/admin/users/{username}", "/api/admin/api-keys", "/api/admin/api-keys/{id}",
                "/.well-known/jwks.json");
    }

    @Test
    void beforeAuthenticationABodyIsHeldToTheSmallLimit() throws Exception {
        clearBackends();
        byte[] padded = ("{\"username\":\"admin\",\"password\":\"" + "x".repeat(20 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunkedLogin = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(unknownLength(padded)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/intake/tickets"))
                .header("Content-Type", "application/json").POST(unknownLength(padded)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(413);
        assertThat(login.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(chunkedLogin.statusCode()).isEqualTo(413);
        assertThat(anonymous.statusCode()).isEqualTo(413);
        assertThat(command.receivedNothing()).isTrue();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String token = adminToken();
        clearBackends();
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');

        HttpResponse<String> declared = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/intake/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(declared.headers().firstValue("Content-Security-Policy")).contains(CSP);

        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/intake/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(unknownLength(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(command.receivedNothing()).isTrue();

        byte[] small = Arrays.copyOf(big, 1024 * 1024);
        HttpResponse<String> chunkedSmall = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/intake/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(unknownLength(small)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedSmall.statusCode()).as(chunkedSmall.body()).isEqualTo(200);
        assertThat(command.next().body()).hasSize(small.length);
    }

    @Test
    void aFileUploadMayBeLargerThanOtherBodiesUpToItsOwnLimit() throws Exception {
        String token = adminToken();
        clearBackends();
        byte[] file = new byte[3 * 1024 * 1024];
        Arrays.fill(file, (byte) 'f');

        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as("a 3 MB upload reaches the command service").isEqualTo(200);
        assertThat(command.next().body()).hasSize(file.length);

        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/cases/c-1/comments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).as("the same body anywhere else").isEqualTo(413);

        byte[] huge = new byte[27 * 1024 * 1024];
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(command.receivedNothing()).isTrue();
    }

    @Test
    void corsIsOffUnlessOriginsAreConfigured() {
        Answer preflight = call("OPTIONS", "/api/cases", Map.of("Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Answer cross = call("GET", "/.well-known/jwks.json", Map.of("Origin", "https://elsewhere.example"), null);
        assertThat(cross.header("Access-Control-Allow-Origin")).isNull();
    }

    /** A body the client sends chunked, without Content-Length. */
    private static HttpRequest.BodyPublisher unknownLength(byte[] bytes) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
