package org.casestream.gateway.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The authentication audit log: written as things happen, read by admins newest first. */
@Repository
public class AuthAudit {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuthAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Kept even when the request that records it fails (a refused login is what most needs recording). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuthEvent.Kind event, String username, String address, String detail) {
        jdbc.sql("INSERT INTO auth_events (at, event, username, address, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), event.wire(), username, address, detail).update();
    }

    /** Entries before {@code before} (all when null), newest first, of one account when {@code username} is given. */
    public List<AuthEvent> page(Long before, int limit, String username) {
        return jdbc.sql("""
                        SELECT id, at, event, username, address, detail FROM auth_events
                        WHERE (CAST(:before AS BIGINT) IS NULL OR id < :before)
                          AND (CAST(:username AS TEXT) IS NULL OR username = :username)
                        ORDER BY id DESC LIMIT :limit""")
                .param("before", before).param("username", username).param("limit", limit)
                .query((rs, row) -> new AuthEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        AuthEvent.Kind.of(rs.getString("event")), rs.getString("username"), rs.getString("address"),
                        rs.getString("detail")))
                .list();
    }
}
