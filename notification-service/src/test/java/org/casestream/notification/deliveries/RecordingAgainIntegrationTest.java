package org.casestream.notification.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.casestream.notification.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A commit whose answer was lost (PostgreSQL restarting under it) did commit: the dispatcher writes the outcome
 * again, and that second write must change nothing rather than fail on the attempt already there until the lease
 * runs out (the drill saw one delivery's dispatcher thread do that for a minute).
 */
class RecordingAgainIntegrationTest extends IntegrationTest {

    @Autowired
    private DeliveryLog deliveries;

    @Test
    void anOutcomeWrittenAgainChangesNothing() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO delivery (id, event_id, event_type, aggregate_id, case_id, event_sequence, channel, recipient,
                                      template, subject, body, status, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, 'CaseOpened', ?, ?, 0, 'email', 'ana@example.com', 'case-opened', 'Hello', 'Body',
                        'pending', ?, ?, ?)""")
                .params(id, "event-" + id, UUID.randomUUID().toString(), UUID.randomUUID(), now, now, now).update();
        Delivery claimed = new Delivery(id, "event-" + id, "CaseOpened", null, DeliveryChannel.EMAIL, "ana@example.com",
                null, "Hello", "Body", 0, 0, "case-opened");
        Instant retryAt = Instant.now().plusSeconds(30);

        deliveries.recordAttempt(claimed, SendOutcome.failed(451, "try later"), DeliveryLog.RETRYING, retryAt);
        deliveries.recordAttempt(claimed, SendOutcome.failed(451, "try later"), DeliveryLog.RETRYING, retryAt);

        Map<String, Object> row = jdbc.sql("SELECT status, attempts, round_attempts FROM delivery WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("status", "retrying").containsEntry("attempts", 1).containsEntry("round_attempts", 1);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);
    }
}
