package org.casestream.gateway.apikeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.casestream.gateway.tokens.TokenProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_keys} table: keys are found by their SHA-256 only. An active key found is kept for
 * {@code revocation-cache} (as a token's "not revoked" is), so a channel's requests do not each read the database;
 * a revocation through this gateway counts at once, through another within that time.
 */
@Repository
public class ApiKeys {

    private final JdbcClient jdbc;
    private final Cache<String, ApiKey> active;

    public ApiKeys(JdbcClient jdbc, TokenProperties tokens, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.active = Caffeine.newBuilder().expireAfterWrite(tokens.revocationCache()).maximumSize(10_000)
                .recordStats().build();
        // cache_gets_total{cache="api-keys",result="hit|miss"}, cache_size, cache_evictions_total
        CaffeineCacheMetrics.monitor(meters, active, "api-keys");
    }

    public void insert(ApiKey key, String keyHash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, name, channel, key_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """).params(key.id(), key.name(), key.channel(), keyHash, key.createdBy(),
                Timestamp.from(key.createdAt())).update();
    }

    public List<ApiKey> all() {
        return jdbc.sql("SELECT * FROM api_keys ORDER BY created_at, id").query(ApiKeys::map).list();
    }

    /** The key with this hash, unless revoked. Unknown hashes are not kept: guessing fills no cache. */
    public Optional<ApiKey> findActiveByHash(String keyHash) {
        ApiKey known = active.getIfPresent(keyHash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApiKey> found = jdbc.sql("SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .param(keyHash).query(ApiKeys::map).optional();
        found.ifPresent(key -> active.put(keyHash, key));
        return found;
    }

    /** False when there is no such key; revoking a revoked key again changes nothing. */
    public boolean revoke(UUID id, Instant now) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_keys WHERE id = ?)").param(id).query(Boolean.class).single()) {
            jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                    .params(Timestamp.from(now), id).update();
            active.invalidateAll();
            return true;
        }
        return false;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("channel"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
