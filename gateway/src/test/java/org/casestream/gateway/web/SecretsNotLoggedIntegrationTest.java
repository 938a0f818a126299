package org.casestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Passwords, tokens and API keys never reach the log, on success or on failure. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIntegrationTest extends GatewayIntegrationTest {

    @Test
    void noSecretAppearsInTheLog(CapturedOutput output) {
        String password = "secret-password-" + System.nanoTime();
        String wrongPassword = "wrong-password-" + System.nanoTime();
        String admin = adminToken();
        String username = createUser(admin, "Sam Secret", password, "agent");
        login(username, wrongPassword);
        login("someone-unknown", wrongPassword);
        JsonNode tokens = login(username, password).json();
        String access = tokens.get("accessToken").asText();
        String refresh = tokens.get("refreshToken").asText();
        call("POST", "/api/auth/refresh", Map.of(), Map.of("refreshToken", refresh));
        call("POST", "/api/auth/refresh", Map.of(), Map.of("refreshToken", refresh));  // reuse: logged as a warning
        String key = call("POST", "/api/admin/api-keys", bearer(admin), Map.of("name", "Logged?", "channel", "email"))
                .json().get("key").asText();
        call("POST", "/api/intake/tickets", Map.of("X-Api-Key", key), Map.of("subject", "hello"));
        call("GET", "/api/cases", Map.of("X-Api-Key", key + "x"), null);
        call("POST", "/api/auth/logout", bearer(access), null);
        get("/api/cases", access);

        String log = output.getAll();
        assertThat(log).contains(username);  // the log does say what happened, to whom
        for (String secret : List.of(password, wrongPassword, access, refresh, key, ADMIN_PASSWORD, admin)) {
            assertThat(log).doesNotContain(secret);
        }
    }
}
