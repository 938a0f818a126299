package org.casestream.notification.deliveries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.EventCatalogue;
import org.casestream.events.kafka.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every delivery and each of its attempts, in PostgreSQL. A delivery is a row before it is a message: recorded
 * with its event, claimed by a sender when due and first in its lane, and closed as sent, dead or cancelled.
 */
@Component
public class DeliveryLog {

    public static final String PENDING = "pending";
    public static final String RETRYING = "retrying";
    public static final String SENT = "sent";
    public static final String DEAD = "dead";

    private final JdbcClient jdbc;

    public DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event's deliveries; one already recorded for the same (event, channel, recipient) is kept. */
    public int record(EventEnvelope envelope, List<PlannedDelivery> planned) {
        String type = EventCatalogue.of(envelope.event()).name();
        UUID caseId = envelope.event() instanceof CaseEvent caseEvent ? caseEvent.caseId() : null;
        Timestamp now = Timestamp.from(Instant.now());
        int recorded = 0;
        for (PlannedDelivery delivery : planned) {
            recorded += jdbc.sql("""
                    INSERT INTO delivery (id, event_id, event_type, aggregate_id, case_id, event_sequence, channel,
                                          recipient, subscription_id, template, subject, body, status,
                                          next_attempt_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING""")
                    .params(UUID.randomUUID(), envelope.eventId(), type, envelope.subject(), caseId,
                            envelope.sequence(), delivery.channel().wire(), delivery.recipient(),
                            delivery.subscriptionId(), delivery.template(), delivery.subject(), delivery.body(),
                            now, now, now)
                    .update();
        }
        return recorded;
    }

    /**
     * Claims up to {@code limit} due deliveries that are first in their lane (same channel, recipient and case:
     * earlier ones still open hold later ones back, so a receiver gets one case's events in order), leasing them
     * so no other sender takes them meanwhile. Rows other senders hold are skipped, not waited for.
     */
    @Transactional
    public List<Delivery> claimDue(int limit, Duration lease) {
        List<Delivery> due = jdbc.sql("""
                SELECT d.id, d.event_id, d.event_type, d.case_id, d.channel, d.recipient, d.subscription_id,
                       d.subject, d.body, d.attempts, d.round_attempts, d.template
                FROM delivery d
                WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= now()
                  AND (d.claimed_until IS NULL OR d.claimed_until < now())
                  AND NOT EXISTS (SELECT 1 FROM delivery e
                                  WHERE e.channel = d.channel AND e.recipient = d.recipient
                                    AND e.aggregate_id = d.aggregate_id AND e.status IN ('pending', 'retrying')
                                    AND e.seq < d.seq)
                ORDER BY d.next_attempt_at, d.seq
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED""")
                .param(limit)
                .query(DeliveryLog::delivery)
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE delivery SET claimed_until = ? WHERE id = ANY(?)")
                    .params(Timestamp.from(Instant.now().plus(lease)),
                            due.stream().map(Delivery::id).toArray(UUID[]::new))
                    .update();
        }
        return due;
    }

    /**
     * Writes one attempt and the delivery's new state: sent, retrying at {@code nextAttempt}, or dead. A delivery
     * cancelled while its attempt was in flight stays cancelled (the attempt is still logged). Written again after a
     * commit whose outcome was lost (it did commit), it changes nothing.
     */
    @Transactional
    public void recordAttempt(Delivery delivery, SendOutcome outcome, String status, Instant nextAttempt) {
        int attempt = delivery.attempts() + 1;
        Timestamp now = Timestamp.from(Instant.now());
        int inserted = jdbc.sql("INSERT INTO delivery_attempt (delivery_id, attempt, at, outcome, response_code, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id, attempt) DO NOTHING")
                .params(delivery.id(), attempt, now, outcome.delivered() ? SENT : outcome.retryable() ? "failed"
                        : "refused", outcome.responseCode(), outcome.error())
                .update();
        if (inserted == 0) {
            // written already: a commit whose answer was lost (PostgreSQL restarting) did both writes
            return;
        }
        jdbc.sql("""
                UPDATE delivery SET status = ?, attempts = ?, round_attempts = round_attempts + 1,
                       next_attempt_at = ?, claimed_until = NULL, last_response_code = ?, last_error = ?,
                       updated_at = ?, delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END
                WHERE id = ? AND status IN ('pending', 'retrying')""")
                .params(status, attempt, Timestamp.from(nextAttempt), outcome.responseCode(), outcome.error(), now,
                        outcome.delivered(), now, delivery.id())
                .update();
    }

    /** Sends a dead (or already sent) delivery again, from a fresh round of retries. */
    public boolean redeliver(UUID id) {
        return jdbc.sql("UPDATE delivery SET status = 'pending', round_attempts = 0, next_attempt_at = now(), "
                        + "claimed_until = NULL, updated_at = now() WHERE id = ? AND status IN ('dead', 'sent')")
                .param(id).update() > 0;
    }

    public Optional<DeliveryView> find(UUID id) {
        return views("d.id = ?", id).stream().findFirst();
    }

    public List<DeliveryView> forCase(UUID caseId) {
        return views("d.case_id = ?", caseId);
    }

    public List<DeliveryView> forSubscription(UUID subscriptionId, String status) {
        return status == null ? views("d.subscription_id = ?", subscriptionId)
                : views("d.subscription_id = ? AND d.status = ?", subscriptionId, status);
    }

    public long count(String status) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE status = ?").param(status).query(Long.class).single();
    }

    private List<DeliveryView> views(String where, Object... params) {
        List<DeliveryView> rows = jdbc.sql("""
                SELECT d.id, d.case_id, d.event_id, d.event_type, d.channel, d.recipient, d.subscription_id,
                       d.template, d.status, d.attempts, d.created_at, d.updated_at, d.next_attempt_at,
                       d.delivered_at, d.last_response_code, d.last_error
                FROM delivery d WHERE """ + " " + where + " ORDER BY d.seq LIMIT 1000")
                .params(params)
                .query((rs, n) -> new DeliveryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), DeliveryChannel.of(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9), rs.getInt(10),
                        instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14),
                        (Integer) rs.getObject(15), rs.getString(16), List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<DeliveryAttempt>> attempts = jdbc.sql("""
                SELECT delivery_id, attempt, at, outcome, response_code, error FROM delivery_attempt
                WHERE delivery_id = ANY(?) ORDER BY delivery_id, attempt""")
                .param(rows.stream().map(DeliveryView::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new DeliveryAttempt(rs.getInt(2),
                        instant(rs, 3), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(row -> new DeliveryView(row.id(), row.caseId(), row.eventId(), row.eventType(),
                        row.channel(), row.recipient(), row.subscriptionId(), row.template(), row.status(),
                        row.attempts(), row.at(), row.updatedAt(), row.nextAttemptAt(), row.deliveredAt(),
                        row.lastResponseCode(), row.lastError(), attempts.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                DeliveryChannel.of(rs.getString(5)), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
                rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getString(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
