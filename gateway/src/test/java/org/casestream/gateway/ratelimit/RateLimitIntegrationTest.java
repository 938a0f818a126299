package org.casestream.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway of its own with tiny buckets (refilled once an hour) and one allowed browser origin.
 */
@TestPropertySource(properties = {
        "casestream.gateway.rate-limits.user.capacity=3",
        "casestream.gateway.rate-limits.user.refill-tokens=1",
        "casestream.gateway.rate-limits.user.refill-period=1h",
        "casestream.gateway.rate-limits.api-key.capacity=2",
        "casestream.gateway.rate-limits.api-key.refill-tokens=1",
        "casestream.gateway.rate-limits.api-key.refill-period=1h",
        "casestream.gateway.rate-limits.anonymous.capacity=2",
        "casestream.gateway.rate-limits.anonymous.refill-tokens=1",
        "casestream.gateway.rate-limits.anonymous.refill-period=1h",
        "casestream.gateway.web.cors-allowed-origins=https://dashboard.example"})
class RateLimitIntegrationTest extends GatewayIntegrationTest {

    @Test
    void eachPersonHasABucketAndAnEmptyOneIs429WithRetryAfter() {
        String first = tokenOf(createUserWithFreshAdmin(), "rate-limited-password");
        String second = tokenOf(createUserWithFreshAdmin(), "rate-limited-password");

        for (int request = 1; request <= 3; request++) {
            assertThat(get("/api/cases", first).status()).isEqualTo(200);
        }
        clearBackends();
        Answer limited = get("/api/cases", first);
        assertProblem(limited, 429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(query.receivedNothing()).isTrue();

        assertThat(get("/api/cases", second).status()).as("another person has a bucket of their own").isEqualTo(200);
    }

    @Test
    void eachApiKeyHasABucket() {
        String admin = adminToken();
        String key = call("POST", "/api/admin/api-keys", bearer(admin), Map.of("name", "Busy", "channel", "chat"))
                .json().get("key").asText();
        assertThat(call("POST", "/api/intake/tickets", Map.of("X-Api-Key", key), Map.of()).status()).isEqualTo(200);
        assertThat(call("POST", "/api/intake/tickets", Map.of("X-Api-Key", key), Map.of()).status()).isEqualTo(200);
        Answer limited = call("POST", "/api/intake/tickets", Map.of("X-Api-Key", key), Map.of());
        assertProblem(limited, 429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void eachAddressHasABucketForTheSurveyLinksAnsweredWithoutALogin() {
        Map<String, String> customer = Map.of("X-Forwarded-For", "203.0.113.7");
        assertThat(call("GET", "/api/surveys/t-1", customer, null).status()).isEqualTo(200);
        assertThat(call("POST", "/api/surveys/t-1", customer, Map.of("rating", 5)).status()).isEqualTo(200);
        clearBackends();
        Answer limited = call("POST", "/api/surveys/t-1", customer, Map.of("rating", 5));
        assertProblem(limited, 429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(command.receivedNothing()).isTrue();

        assertThat(call("GET", "/api/surveys/t-1", Map.of("X-Forwarded-For", "198.51.100.20"), null).status())
                .as("another address has a bucket of its own").isEqualTo(200);
    }

    @Test
    void configuredOriginsMayCallCrossOrigin() {
        Answer preflight = call("OPTIONS", "/api/cases", Map.of("Origin", "https://dashboard.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://dashboard.example");
        Answer other = call("OPTIONS", "/api/cases", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    /** Each admin token spends from the admin's bucket too, so every user here is made with a fresh login. */
    private String createUserWithFreshAdmin() {
        return createUser(adminToken(), "Rita Rate", "rate-limited-password", "agent");
    }
}
