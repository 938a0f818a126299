package org.casestream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.casestream.gateway.support.Backend;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route of the contract reaches the service that owns it, with the path, query, body and token intact. */
class RoutesIntegrationTest extends GatewayIntegrationTest {

    private static String token;

    @BeforeEach
    void adminLoggedIn() {
        if (token == null) {
            token = adminToken();
        }
        clearBackends();
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                // the command service answers history and point-in-time reads
                Arguments.of("GET", "/api/cases/c-1?asOf=2026-01-01T00:00:00Z", "command"),
                Arguments.of("GET", "/api/cases/c-1/history", "command"),
                Arguments.of("GET", "/api/dashboard?asOf=2026-01-01T00:00:00Z", "command"),
                Arguments.of("GET", "/api/dashboard?asOf=", "command"),
                // the query service answers the other reads and the stream
                Arguments.of("GET", "/api/cases/c-1", "query"),
                Arguments.of("GET", "/api/cases", "query"),
                Arguments.of("GET", "/api/cases?status=open&page=2", "query"),
                Arguments.of("GET", "/api/cases/export", "query"),
                Arguments.of("GET", "/api/customers/cu-1/cases", "query"),
                Arguments.of("GET", "/api/customers", "query"),
                Arguments.of("GET", "/api/customers/cu-1", "query"),
                Arguments.of("POST", "/api/customers", "command"),
                Arguments.of("PUT", "/api/customers/cu-1/tier", "command"),
                Arguments.of("POST", "/api/customers/cu-1/merge", "command"),
                Arguments.of("POST", "/api/attachments", "command"),
                Arguments.of("GET", "/api/attachments/a-1", "command"),
                Arguments.of("GET", "/api/dashboard", "query"),
                Arguments.of("GET", "/api/sla", "query"),
                Arguments.of("GET", "/api/analytics", "query"),
                Arguments.of("GET", "/api/analytics/queues", "query"),
                Arguments.of("GET", "/api/saved-searches", "query"),
                Arguments.of("PUT", "/api/saved-searches/mine", "query"),
                Arguments.of("DELETE", "/api/saved-searches/mine", "query"),
                Arguments.of("GET", "/api/agents", "query"),
                Arguments.of("GET", "/api/me/team", "query"),
                Arguments.of("POST", "/api/ops/replays", "query"),
                Arguments.of("GET", "/api/ops/replays/job-1", "query"),
                Arguments.of("GET", "/api/ops/dead-letters?limit=10", "query"),
                Arguments.of("POST", "/api/ops/dead-letters/retry", "query"),
                Arguments.of("GET", "/api/cases/c-1/comments?before=51", "query"),
                // commands go to the command service
                Arguments.of("POST", "/api/cases", "command"),
                Arguments.of("POST", "/api/cases/bulk", "command"),
                Arguments.of("POST", "/api/cases/c-1/comments", "command"),
                Arguments.of("PUT", "/api/cases/c-1/status", "command"),
                Arguments.of("PATCH", "/api/cases/c-1/tags", "command"),
                Arguments.of("POST", "/api/intake/tickets", "command"),
                Arguments.of("POST", "/api/intake/replies", "command"),
                Arguments.of("POST", "/api/agents", "command"),
                Arguments.of("GET", "/api/agents/a-1", "command"),
                Arguments.of("PUT", "/api/agents/a-1/availability", "command"),
                Arguments.of("PUT", "/api/agents/a-1/skills", "command"),
                Arguments.of("GET", "/api/audit?caseId=c-1", "command"),
                // macros: kept, previewed and applied on the command side
                Arguments.of("GET", "/api/macros", "command"),
                Arguments.of("POST", "/api/macros", "command"),
                Arguments.of("GET", "/api/macros/m-1/preview?caseId=c-1", "command"),
                Arguments.of("PUT", "/api/macros/m-1", "command"),
                Arguments.of("DELETE", "/api/macros/m-1", "command"),
                Arguments.of("POST", "/api/cases/c-1/macros/m-1", "command"),
                // a customer's survey link (answered without a login; see below)
                Arguments.of("GET", "/api/surveys/t-1", "command"),
                Arguments.of("POST", "/api/surveys/t-1", "command"),
                // routing configuration
                Arguments.of("GET", "/api/routing/config/classification-rules", "routing"),
                Arguments.of("PUT", "/api/routing/config/sla-policies", "routing"),
                Arguments.of("GET", "/api/routing/decisions/c-1", "routing"),
                // notifications
                Arguments.of("GET", "/api/webhooks", "notification"),
                Arguments.of("POST", "/api/webhooks", "notification"),
                Arguments.of("DELETE", "/api/webhooks/w-1", "notification"),
                Arguments.of("GET", "/api/notifications?caseId=c-1", "notification"),
                Arguments.of("GET", "/api/notification-rules", "notification"),
                Arguments.of("PUT", "/api/notification-settings", "notification"),
                Arguments.of("POST", "/api/mail/inbound", "notification"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routes")
    void reachesTheServiceThatOwnsThePath(String method, String pathAndQuery, String expected) throws Exception {
        Map<String, String> headers = new HashMap<>(bearer(token));
        headers.put("X-Correlation-Id", "route-test-1");
        boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
        Answer answer = call(method, pathAndQuery, headers, hasBody ? Map.of("some", "body") : null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("backend").asText()).isEqualTo(expected);
        Backend backend = backends().stream().filter(b -> b.name().equals(expected)).findFirst().orElseThrow();
        Backend.Received received = backend.next();
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : null;
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.path()).isEqualTo(path);
        // the proxy may re-encode reserved characters (':' as %3A); the service decodes both alike
        assertThat(decoded(received.query())).isEqualTo(decoded(query));
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("X-Correlation-Id")).isEqualTo("route-test-1");
        assertThat(received.header("X-Forwarded-For")).isNotBlank();
        assertThat(received.header("X-Forwarded-Host")).isNotBlank();
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        if (hasBody) {
            assertThat(JSON.readTree(received.body()).get("some").asText()).isEqualTo("body");
        }
        assertThat(answer.headers().allValues("X-Correlation-Id")).containsExactly("route-test-1");
        backends().stream().filter(other -> other != backend)
                .forEach(other -> assertThat(other.receivedNothing()).as(other.name()).isTrue());
    }

    private static String decoded(String query) {
        return query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8);
    }

    @Test
    void withoutCredentialsNothingIsForwarded() {
        for (String path : new String[] {"/api/cases", "/api/intake/tickets", "/api/routing/config/sla-policies",
                "/api/webhooks", "/api/stream"}) {
            assertProblem(get(path, null), 401);
            assertProblem(get(path, "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"), 401);
        }
        backends().forEach(backend -> assertThat(backend.receivedNothing()).as(backend.name()).isTrue());
    }

    @Test
    void aSurveyLinkIsAnsweredWithoutCredentialsAndNothingElseOpensWithIt() throws Exception {
        Answer looked = get("/api/surveys/t-1", null);
        Answer answered = call("POST", "/api/surveys/t-1", Map.of(), Map.of("rating", 5));

        assertThat(looked.status()).as(looked.body()).isEqualTo(200);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        Backend.Received first = command.next();
        Backend.Received second = command.next();
        assertThat(first.path()).isEqualTo("/api/surveys/t-1");
        assertThat(first.header("Authorization")).isNull();
        assertThat(second.method()).isEqualTo("POST");
        assertThat(second.header("Authorization")).isNull();
        for (String[] other : new String[][] {{"PUT", "/api/surveys/t-1"}, {"DELETE", "/api/surveys/t-1"},
                {"GET", "/api/surveys/t-1/more"}, {"GET", "/api/surveys"}}) {
            assertProblem(call(other[0], other[1], Map.of(), other[0].equals("PUT") ? Map.of() : null), 401);
        }
        backends().forEach(backend -> assertThat(backend.receivedNothing()).as(backend.name()).isTrue());
    }

    @Test
    void aCorrelationIdIsMadeUpWhenTheCallerSentNone() throws Exception {
        Answer answer = get("/api/dashboard", token);
        String id = answer.header("X-Correlation-Id");
        assertThat(id).isNotBlank().isNotEqualTo("backend-own-id");
        assertThat(query.next().header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void eachServicesApiDocumentIsServedUnderItsNameWithTheGatewayAsItsServer() throws Exception {
        for (Backend backend : backends()) {
            Answer answer = get("/v3/api-docs/" + backend.name(), null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("info").get("title").asText()).isEqualTo(backend.name());
            assertThat(answer.json().get("servers").findValuesAsText("url")).containsExactly("http://localhost:8080");
            assertThat(backend.next().path()).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void anUnknownApiPathIsAProblemNotTheDashboard() {
        Answer answer = get("/api/no-such-thing", token);
        assertProblem(answer, 404);
        backends().forEach(backend -> assertThat(backend.receivedNothing()).as(backend.name()).isTrue());
    }

    @Test
    void aServiceThatIsDownIsAServiceUnavailableProblemWithRetryAfter() {
        routing.down();
        try {
            Answer answer = get("/api/routing/config/sla-policies", token);
            assertProblem(answer, 503);
            assertThat(answer.json().get("type").asText()).endsWith("/service-unavailable");
            assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
        } finally {
            routing.up();
        }
        assertThat(get("/api/routing/config/sla-policies", token).status()).isEqualTo(200);
    }

    @Test
    void aServiceThatAnswersTooLateIsAGatewayTimeoutProblemNotAWait() {
        // the tests' gateway waits 2 s for an answer (spring.http.client.read-timeout)
        routing.slow(Duration.ofSeconds(20));
        try {
            long start = System.nanoTime();
            Answer answer = get("/api/routing/config/sla-policies", token);
            assertProblem(answer, 504);
            assertThat(answer.json().get("type").asText()).endsWith("/service-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        } finally {
            routing.slow(Duration.ZERO);
        }
    }
}
