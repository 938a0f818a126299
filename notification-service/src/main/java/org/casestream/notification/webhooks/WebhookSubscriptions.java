package org.casestream.notification.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casestream.notification.secrets.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions in PostgreSQL, secrets encrypted. A deleted one is kept (its deliveries refer to it). */
@Component
public class WebhookSubscriptions {

    public static final String ALL_EVENTS = "*";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public WebhookSubscriptions(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public WebhookSubscription create(String url, List<String> events, String secret, String by) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO webhook_subscription (id, url, event_types, secret_cipher, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, url, events.toArray(String[]::new), cipher.encrypt(secret), Timestamp.from(now), by)
                .update();
        return new WebhookSubscription(id, url, List.copyOf(events), now, by);
    }

    public List<WebhookSubscription> active() {
        return jdbc.sql("SELECT id, url, event_types, created_at, created_by FROM webhook_subscription "
                        + "WHERE deleted_at IS NULL ORDER BY created_at")
                .query((rs, n) -> new WebhookSubscription(rs.getObject(1, UUID.class), rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    public Optional<WebhookSubscription> find(UUID id) {
        return jdbc.sql("SELECT id, url, event_types, created_at, created_by FROM webhook_subscription WHERE id = ?")
                .param(id)
                .query((rs, n) -> new WebhookSubscription(rs.getObject(1, UUID.class), rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .optional();
    }

    /** What a sender needs: the URL and the secret in clear, only for an active subscription. */
    public Optional<Target> target(UUID id) {
        return jdbc.sql("SELECT url, secret_cipher FROM webhook_subscription WHERE id = ? AND deleted_at IS NULL")
                .param(id)
                .query((rs, n) -> new Target(rs.getString(1), cipher.decrypt(rs.getBytes(2))))
                .optional();
    }

    public record Target(String url, String secret) {

        @Override
        public String toString() {
            return "Target[" + url + "]";
        }
    }

    /** Ends the subscription; what it had not delivered yet is cancelled, what it delivered stays in the log. */
    @Transactional
    public boolean delete(UUID id) {
        int ended = jdbc.sql("UPDATE webhook_subscription SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL")
                .param(id).update();
        jdbc.sql("UPDATE delivery SET status = 'cancelled', updated_at = now() "
                        + "WHERE subscription_id = ? AND status IN ('pending', 'retrying')")
                .param(id).update();
        return ended > 0;
    }
}
