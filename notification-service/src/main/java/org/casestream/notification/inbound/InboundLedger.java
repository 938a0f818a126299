package org.casestream.notification.inbound;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One row per Message-ID received (table {@code inbound_message}): inserting it is the claim, each statement its own
 * transaction, so of two instances (or two mailboxes, or a mailbox and the raw endpoint) that see the same message
 * exactly one goes on. The claim is leased: if its holder dies before it records the outcome, another takes the
 * message over when the lease has run out (the Idempotency-Key on the intake call makes that second call the same
 * case, not a new one).
 */
@Component
public class InboundLedger {

    public static final String PROCESSING = "processing";
    public static final String OPENED = "opened";
    public static final String REPLIED = "replied";
    public static final String IGNORED = "ignored";

    private final JdbcClient jdbc;

    public InboundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the claim found. */
    public sealed interface Claim {
    }

    /** This caller holds the message now. */
    public record Claimed() implements Claim {
    }

    /** Another holder's lease runs: leave the message to it. */
    public record Busy() implements Claim {
    }

    /** The message was handled before; its outcome. */
    public record Done(Entry entry) implements Claim {
    }

    /** A handled message's row, without its content. */
    public record Entry(String messageId, String source, String status, String reason, UUID caseId,
                        String caseNumber, int rawSize, Instant receivedAt) {
    }

    /** {@code raw} is kept only when it is at most {@code rawLimit} bytes; its size always. */
    public Claim claim(String messageId, String source, byte[] raw, int rawLimit, Duration lease) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp until = Timestamp.from(Instant.now().plus(lease));
        int inserted = jdbc.sql("""
                INSERT INTO inbound_message (message_id, source, status, raw, raw_size, attempts, claimed_until,
                                             received_at, updated_at)
                VALUES (?, ?, 'processing', ?, ?, 1, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""")
                .params(messageId, source, raw.length <= rawLimit ? raw : null, raw.length, until, now, now)
                .update();
        if (inserted == 1) {
            return new Claimed();
        }
        int takenOver = jdbc.sql("""
                UPDATE inbound_message SET claimed_until = ?, attempts = attempts + 1, updated_at = ?
                WHERE message_id = ? AND status = 'processing' AND claimed_until < now()""")
                .params(until, now, messageId)
                .update();
        if (takenOver == 1) {
            return new Claimed();
        }
        Optional<Entry> entry = find(messageId);
        if (entry.isEmpty()) {
            // pruned between the insert and the look-up: past its retention, so it is a new message
            return claim(messageId, source, raw, rawLimit, lease);
        }
        return PROCESSING.equals(entry.get().status()) ? new Busy() : new Done(entry.get());
    }

    public void finish(String messageId, String status, IgnoreReason reason, UUID caseId, String caseNumber,
            String attachments) {
        jdbc.sql("""
                UPDATE inbound_message SET status = ?, reason = ?, case_id = ?, case_number = ?, attachments = ?,
                       claimed_until = NULL, updated_at = ?
                WHERE message_id = ?""")
                .params(status, reason == null ? null : reason.wire(), caseId, caseNumber, attachments,
                        Timestamp.from(Instant.now()), messageId)
                .update();
    }

    /** Gives the claim up until {@code retryAt}: the command service was away; whoever reads it next tries again. */
    public void release(String messageId, Instant retryAt) {
        jdbc.sql("UPDATE inbound_message SET claimed_until = ?, updated_at = ? WHERE message_id = ? "
                        + "AND status = 'processing'")
                .params(Timestamp.from(retryAt), Timestamp.from(Instant.now()), messageId)
                .update();
    }

    public Optional<Entry> find(String messageId) {
        return jdbc.sql("""
                SELECT message_id, source, status, reason, case_id, case_number, raw_size, received_at
                FROM inbound_message WHERE message_id = ?""")
                .param(messageId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getInt(7),
                        rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** The messages of a case, oldest first. */
    public List<Entry> ofCase(UUID caseId) {
        return jdbc.sql("""
                SELECT message_id, source, status, reason, case_id, case_number, raw_size, received_at
                FROM inbound_message WHERE case_id = ? ORDER BY received_at""")
                .param(caseId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getInt(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
