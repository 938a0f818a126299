package org.casestream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Logins seen from different client addresses: the test binds its sockets to other loopback addresses (127.0.0.x),
 * so the gateway sees several clients on one machine. Tests use max-failures 3; here an address may fail 12
 * logins (a gateway of its own: the other tests' failures from 127.0.0.1 do not count).
 */
@TestPropertySource(properties = "casestream.gateway.login.address-failures=12")
class LoginProtectionIntegrationTest extends GatewayIntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    private HttpResponse<String> loginFrom(String address, String username, String password, String forwardedFor)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", username, "password", password))));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAttackerLocksAnAccountOnlyForTheAddressItAttacksFrom() throws Exception {
        String victim = createUser(adminToken(), "Vic Victim", PASSWORD, "admin");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(loginFrom("127.0.0.21", victim, "guess-" + attempt, null).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> attacker = loginFrom("127.0.0.21", victim, PASSWORD, null);
        HttpResponse<String> owner = loginFrom("127.0.0.22", victim, PASSWORD, null);

        assertThat(attacker.statusCode()).as("locked for the attacking address, even with the right password")
                .isEqualTo(423);
        assertThat(attacker.headers().firstValue("Retry-After")).isPresent();
        assertThat(owner.statusCode()).as("the owner logs in from elsewhere").isEqualTo(200);
    }

    @Test
    void anAddressThatFailsAcrossManyAccountsMustWait() throws Exception {
        List<Integer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 13; attempt++) {
            answers.add(loginFrom("127.0.0.23", "spray-" + attempt, "Winter2026!", null).statusCode());
        }
        HttpResponse<String> realUserSameAddress = loginFrom("127.0.0.23", "admin", ADMIN_PASSWORD, null);

        assertThat(answers.subList(0, 12)).containsOnly(401);
        assertThat(answers.get(12)).isEqualTo(429);
        assertThat(realUserSameAddress.statusCode()).isEqualTo(429);
        assertThat(realUserSameAddress.headers().firstValue("Retry-After")).isPresent();
        assertThat(loginFrom("127.0.0.24", "admin", ADMIN_PASSWORD, null).statusCode()).isEqualTo(200);
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            loginFrom("127.0.0.25", "spoof-" + attempt, "nope", "203.0.113." + attempt);
        }
        // every attempt counted against the peer's own address, whatever it claimed
        assertThat(loginFrom("127.0.0.25", "admin", ADMIN_PASSWORD, "198.51.100.1").statusCode()).isEqualTo(429);
    }

    @Test
    void everyLoginFailureLockLogoutAndRefreshIsInTheAuditLogForAdmins() throws Exception {
        String user = createUser(adminToken(), "Aud Audited", PASSWORD, "agent");
        loginFrom("127.0.0.26", user, "guess-1", null);
        loginFrom("127.0.0.26", user, "guess-2", null);
        loginFrom("127.0.0.26", user, "guess-3", null);
        loginFrom("127.0.0.26", user, PASSWORD, null);
        JsonNode session = JSON.readTree(loginFrom("127.0.0.27", user, PASSWORD, null).body());
        Answer refreshed = call("POST", "/api/auth/refresh", Map.of(),
                Map.of("refreshToken", session.get("refreshToken").asText()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(call("POST", "/api/auth/logout", bearer(refreshed.json().get("accessToken").asText()), null).status())
                .isEqualTo(204);

        Answer log = get("/api/admin/auth-events?username=" + user, adminToken());
        assertThat(log.status()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        log.json().get("items").forEach(entry -> {
            events.add(entry.get("event").asText());
            addresses.add(entry.get("address").asText());
        });
        assertThat(events).containsExactly("logout", "token-refreshed", "login-succeeded", "login-refused",
                "login-locked", "login-failed", "login-failed");
        assertThat(addresses.subList(2, 7)).containsExactly("127.0.0.27", "127.0.0.26", "127.0.0.26", "127.0.0.26",
                "127.0.0.26");
        assertThat(log.body()).doesNotContain(PASSWORD).doesNotContain("guess-");

        String agent = tokenOf(user, PASSWORD);
        assertThat(get("/api/admin/auth-events", agent).status()).isEqualTo(403);
    }
}
