package org.casestream.gateway.tokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Cache<String, Boolean> answers;

    public Revocations(JdbcClient jdbc, Clock clock, TokenProperties tokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.answers = Caffeine.newBuilder().expireAfterWrite(tokens.revocationCache()).maximumSize(100_000).build();
    }

    public void revokeAccessToken(String jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING")
                .params(jti, Timestamp.from(expiresAt)).update();
        forget();
    }

    /** A session or token was revoked through this gateway: no cached answer may outlive it. */
    public void forget() {
        answers.invalidateAll();
    }

    /** Whether the token is revoked; the answer is kept for {@code revocation-cache}, so most requests read nothing. */
    public boolean isRevoked(String jti, String sessionId) {
        return answers.get(jti + "|" + sessionId, key -> lookUp(jti, sessionId));
    }

    private boolean lookUp(String jti, String sessionId) {
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
