package org.casestream.gateway.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Access tokens refused before they expire: by their own {@code jti} (logout) or because their login session
 * was revoked (logout, refresh-token reuse, a disabled account). Kept in PostgreSQL so every gateway instance
 * refuses them. Rows of tokens that have expired anyway are pruned (the gateway's retention rules).
 */
@Component
public class Revocations {

    private final JdbcClient jdbc;
    private final Cache<String, Boolean> answers;

    public Revocations(JdbcClient jdbc, TokenProperties tokens, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.answers = Caffeine.newBuilder().expireAfterWrite(tokens.revocationCache()).maximumSize(100_000)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(meters, answers, "revocations");
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
