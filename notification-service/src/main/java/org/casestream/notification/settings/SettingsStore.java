package org.casestream.notification.settings;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.casestream.events.Queue;
import org.casestream.notification.secrets.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The admin settings and the Slack webhooks, in PostgreSQL (the URLs encrypted). */
@Component
public class SettingsStore {

    public static final String DEFAULT_TEAM = "default";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public SettingsStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public NotificationSettings current() {
        return jdbc.sql("SELECT allow_private_targets, lead_emails FROM notification_settings WHERE id = 1")
                .query((rs, n) -> new NotificationSettings(rs.getBoolean(1), strings(rs.getArray(2)),
                        new LinkedHashSet<>(jdbc.sql("SELECT team FROM slack_webhook ORDER BY team")
                                .query(String.class).list())))
                .single();
    }

    public boolean allowPrivateTargets() {
        return jdbc.sql("SELECT allow_private_targets FROM notification_settings WHERE id = 1")
                .query(Boolean.class).single();
    }

    @Transactional
    public void update(boolean allowPrivateTargets, List<String> leadEmails) {
        jdbc.sql("UPDATE notification_settings SET allow_private_targets = ?, lead_emails = ?, updated_at = now() "
                        + "WHERE id = 1")
                .params(allowPrivateTargets, leadEmails.toArray(String[]::new))
                .update();
    }

    public void putSlackWebhook(String team, String url) {
        jdbc.sql("INSERT INTO slack_webhook (team, url_cipher) VALUES (?, ?) "
                        + "ON CONFLICT (team) DO UPDATE SET url_cipher = EXCLUDED.url_cipher, updated_at = now()")
                .params(team, cipher.encrypt(url))
                .update();
    }

    public boolean removeSlackWebhook(String team) {
        return jdbc.sql("DELETE FROM slack_webhook WHERE team = ?").param(team).update() > 0;
    }

    /** The Slack team for a case's queue: the queue's own webhook if there is one, else the default one. */
    public Optional<String> slackTeamFor(Queue queue) {
        List<String> teams = jdbc.sql("SELECT team FROM slack_webhook WHERE team IN (?, ?) "
                        + "ORDER BY team = ? DESC")
                .params(queue.wire(), DEFAULT_TEAM, queue.wire())
                .query(String.class).list();
        return teams.stream().findFirst();
    }

    public Optional<String> slackUrl(String team) {
        return jdbc.sql("SELECT url_cipher FROM slack_webhook WHERE team = ?").param(team)
                .query(byte[].class).optional().map(cipher::decrypt);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
