package org.casestream.gateway.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserAccounts {

    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = ?").param(username).query(UserAccounts::map).optional();
    }

    public List<UserAccount> all() {
        return jdbc.sql("SELECT * FROM users ORDER BY username").query(UserAccounts::map).list();
    }

    /** False when the username is taken. */
    public boolean insert(String username, String displayName, String passwordHash, List<String> roles, UUID agentId,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO users (username, display_name, password_hash, roles, agent_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING
                """).params(username, displayName, passwordHash, String.join(",", roles), agentId, Timestamp.from(now),
                Timestamp.from(now)).update() == 1;
    }

    public void update(UserAccount account, Instant now) {
        jdbc.sql("""
                UPDATE users SET display_name = ?, password_hash = ?, roles = ?, disabled = ?, agent_id = ?, updated_at = ?
                WHERE username = ?
                """).params(account.displayName(), account.passwordHash(), String.join(",", account.roles()),
                account.disabled(), account.agentId(), Timestamp.from(now), account.username()).update();
    }

    public boolean anyEnabledAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE NOT disabled AND ',' || roles || ',' LIKE '%,admin,%')")
                .query(Boolean.class).single();
    }

    public long enabledAdminsOtherThan(String username) {
        return jdbc.sql("""
                SELECT count(*) FROM users WHERE NOT disabled AND ',' || roles || ',' LIKE '%,admin,%' AND username <> ?
                """).param(username).query(Long.class).single();
    }

    /** One more failed login in a row (from anywhere): each makes the account's next check wait longer. */
    public void recordFailure(String username) {
        jdbc.sql("UPDATE users SET failed_logins = failed_logins + 1 WHERE username = ?").param(username).update();
    }

    /** After a success: the count starts again. */
    public void clearFailures(String username) {
        jdbc.sql("UPDATE users SET failed_logins = 0 WHERE username = ?").param(username).update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                Arrays.stream(rs.getString("roles").split(",")).filter(role -> !role.isBlank()).toList(),
                rs.getBoolean("disabled"), rs.getInt("failed_logins"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("agent_id", UUID.class));
    }
}
