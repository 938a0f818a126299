package org.casestream.gateway.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Login sessions and their refresh tokens (stored as SHA-256 only). */
@Repository
public class Sessions {

    private final JdbcClient jdbc;
    private final Revocations revocations;

    public Sessions(JdbcClient jdbc, Revocations revocations) {
        this.jdbc = jdbc;
        this.revocations = revocations;
    }

    /** A stored refresh token and the state of its session. */
    public record RefreshToken(UUID sessionId, String username, Instant expiresAt, Instant usedAt,
            Instant sessionRevokedAt) {
    }

    public UUID open(String username, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO sessions (id, username, created_at) VALUES (?, ?, ?)")
                .params(id, username, Timestamp.from(now)).update();
        return id;
    }

    public void addRefreshToken(UUID sessionId, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, sessionId, Timestamp.from(now), Timestamp.from(expiresAt)).update();
    }

    public Optional<RefreshToken> findRefreshToken(String tokenHash) {
        return jdbc.sql("""
                SELECT r.session_id, s.username, r.expires_at, r.used_at, s.revoked_at
                FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ?
                """).param(tokenHash).query((rs, row) -> new RefreshToken(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .optional();
    }

    /** True for exactly one caller per token: whoever rotates it first. */
    public boolean markUsed(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(Timestamp.from(now), tokenHash).update() == 1;
    }

    public void revoke(UUID sessionId, Instant now) {
        jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), sessionId).update();
        revocations.forget();
    }

    public void revokeAllOf(String username, Instant now) {
        jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), username).update();
        revocations.forget();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
