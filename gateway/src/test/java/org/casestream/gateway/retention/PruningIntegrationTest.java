package org.casestream.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.casestream.support.pruning.PruningJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions and refresh tokens go some days (7 here, as in application.yml) after they ended, revoked access
 * tokens when they expire, the authentication audit log after a year; nothing that still refuses or admits a
 * token goes before that.
 */
class PruningIntegrationTest extends GatewayIntegrationTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String PAST_RETENTION = "8 days";

    @Autowired
    private PruningJob pruning;

    @Autowired
    private JdbcClient jdbc;

    private record Login(String username, UUID session, JsonNode tokens) {
    }

    private Login loggedIn(String admin) {
        String username = createUser(admin, "Pat Prune", PASSWORD, "agent");
        JsonNode tokens = login(username, PASSWORD).json();
        UUID session = jdbc.sql("SELECT id FROM sessions WHERE username = ?").param(username).query(UUID.class).single();
        return new Login(username, session, tokens);
    }

    private long sessions(Login login) {
        return jdbc.sql("SELECT count(*) FROM sessions WHERE id = ?").param(login.session()).query(Long.class).single();
    }

    private long refreshTokens(Login login) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE session_id = ?").param(login.session())
                .query(Long.class).single();
    }

    private void logout(Login login) {
        assertThat(call("POST", "/api/auth/logout", bearer(login.tokens().get("accessToken").asText()), null)
                .status()).isEqualTo(204);
    }

    private Answer refresh(String refreshToken) {
        return call("POST", "/api/auth/refresh", Map.of(), Map.of("refreshToken", refreshToken));
    }

    @Test
    void sessionsGoSomeDaysAfterTheyEndedWhileLiveAndJustRevokedOnesStay() {
        String admin = adminToken();
        Login revokedLongAgo = loggedIn(admin);
        logout(revokedLongAgo);
        jdbc.sql("UPDATE sessions SET revoked_at = now() - CAST(? AS interval) WHERE id = ?")
                .params(PAST_RETENTION, revokedLongAgo.session()).update();
        Login expiredLongAgo = loggedIn(admin);
        jdbc.sql("UPDATE sessions SET created_at = now() - interval '9 days' WHERE id = ?")
                .param(expiredLongAgo.session()).update();
        jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - CAST(? AS interval) WHERE session_id = ?")
                .params(PAST_RETENTION, expiredLongAgo.session()).update();
        Login live = loggedIn(admin);
        String liveToken = refresh(live.tokens().get("refreshToken").asText()).json().get("refreshToken").asText();
        jdbc.sql("UPDATE sessions SET created_at = now() - interval '30 days' WHERE id = ?").param(live.session())
                .update();
        jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - CAST(? AS interval) WHERE session_id = ? AND used_at IS NOT NULL")
                .params(PAST_RETENTION, live.session()).update();
        Login justRevoked = loggedIn(admin);
        logout(justRevoked);

        pruning.prune();

        assertThat(sessions(revokedLongAgo) + refreshTokens(revokedLongAgo)).as("revoked long ago").isZero();
        assertThat(sessions(expiredLongAgo) + refreshTokens(expiredLongAgo)).as("expired long ago").isZero();
        assertThat(sessions(live)).as("a session in use, however old").isEqualTo(1);
        assertThat(refreshTokens(live)).as("only its token that expired long ago went").isEqualTo(1);
        assertThat(refresh(liveToken).status()).isEqualTo(200);
        assertThat(sessions(justRevoked)).as("its access tokens may still be presented").isEqualTo(1);
        assertProblem(get("/api/auth/me", justRevoked.tokens().get("accessToken").asText()), 401);
        assertProblem(refresh(revokedLongAgo.tokens().get("refreshToken").asText()), 401);
    }

    @Test
    void aRevokedAccessTokenIsForgottenOnceItHasExpired() {
        String expired = "jti-" + UUID.randomUUID();
        String valid = "jti-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (?, now() - interval '1 minute'), "
                + "(?, now() + interval '10 minutes')").params(expired, valid).update();

        pruning.prune();

        assertThat(jdbc.sql("SELECT jti FROM revoked_access_tokens WHERE jti IN (?, ?)").params(expired, valid)
                .query(String.class).list()).containsExactly(valid);
    }

    @Test
    void theAuthenticationAuditLogIsKeptForAYear() {
        String detail = "pruning-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO auth_events (at, event, username, address, detail)
                        VALUES (now() - interval '366 days', 'login-succeeded', NULL, '127.0.0.1', ?),
                               (now() - interval '200 days', 'login-succeeded', NULL, '127.0.0.1', ?)""")
                .params(detail + "-old", detail + "-kept").update();

        pruning.prune();

        assertThat(jdbc.sql("SELECT detail FROM auth_events WHERE detail LIKE ?").param(detail + "%")
                .query(String.class).list()).containsExactly(detail + "-kept");
    }
}
