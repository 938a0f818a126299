package org.casestream.gateway.tokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Access tokens refused before they expire: by their own {@code jti} (logout) or because their login session
 * was revoked (logout, refresh-token reuse, a disabled account). Kept in PostgreSQL so every gateway instance
 * refuses them.
 */
@Component
public class Revocations {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Revocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void revokeAccessToken(String jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING")
                .params(jti, Timestamp.from(expiresAt)).update();
    }

    public boolean isRevoked(String jti, String sessionId) {
        UUID session = parse(sessionId);
        if (session == null) {
            return jdbc.sql("SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?)")
                    .param(jti == null ? "" : jti).query(Boolean.class).single();
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?)
                    OR EXISTS (SELECT 1 FROM sessions WHERE id = ? AND revoked_at IS NOT NULL)
                """).params(jti == null ? "" : jti, session).query(Boolean.class).single();
    }

    /** Rows of tokens that have expired anyway are no longer needed. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeExpired() {
        jdbc.sql("DELETE FROM revoked_access_tokens WHERE expires_at < ?")
                .param(Timestamp.from(clock.instant())).update();
    }

    private static UUID parse(String sessionId) {
        if (sessionId == null) {
            return null;
        }
        try {
            return UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
