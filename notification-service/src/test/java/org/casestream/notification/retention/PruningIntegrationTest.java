package org.casestream.notification.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Priority;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.casestream.support.pruning.PruningJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Processed events are forgotten after 30 days and finished deliveries (sent, dead, cancelled) with their attempts
 * after 90 (as in application.yml); a delivery still to be sent is never pruned, however old.
 */
class PruningIntegrationTest extends IntegrationTest {

    @Autowired
    private PruningJob pruning;

    private UUID delivery(String status, String updatedAgo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO delivery (id, event_id, event_type, aggregate_id, case_id, event_sequence, channel,
                                              recipient, body, status, next_attempt_at, created_at, updated_at)
                        VALUES (?, ?, 'CaseOpened', ?, ?, 0, 'email', 'someone@example.com', 'Hello', ?,
                                now() + interval '1 day', now() - CAST(? AS interval), now() - CAST(? AS interval))""")
                .params(id, UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID(), status,
                        updatedAgo, updatedAgo)
                .update();
        return id;
    }

    private long deliveries(UUID id) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE id = ?").param(id).query(Long.class).single();
    }

    private long processed(EventEnvelope envelope) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(envelope.eventId())
                .query(Long.class).single();
    }

    @Test
    void finishedDeliveriesGoAfterTheirRetentionWithTheirAttemptsButOnesStillToBeSentNever() {
        CaseScript script = new CaseScript();
        publish(script.opened(Priority.LOW));
        awaitMails(script.customerEmail, 1);
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM delivery_attempt a JOIN delivery d "
                + "ON d.id = a.delivery_id WHERE d.case_id = ? AND d.status = 'sent'").param(script.caseId)
                .query(Long.class).single() > 0);
        List<UUID> sentLongAgo = jdbc.sql("UPDATE delivery SET updated_at = now() - interval '91 days' "
                + "WHERE case_id = ? RETURNING id").param(script.caseId).query(UUID.class).list();
        UUID deadLongAgo = delivery("dead", "91 days");
        UUID cancelledLongAgo = delivery("cancelled", "91 days");
        UUID sentLately = delivery("sent", "89 days");
        UUID pending = delivery("pending", "400 days");
        UUID retrying = delivery("retrying", "400 days");

        pruning.prune();

        assertThat(notificationsOf(script.caseId)).as("sent long ago, with its attempts").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_attempt WHERE delivery_id = ANY (?)")
                .param(sentLongAgo.toArray(UUID[]::new)).query(Long.class).single()).isZero();
        assertThat(deliveries(deadLongAgo) + deliveries(cancelledLongAgo)).isZero();
        assertThat(deliveries(sentLately)).isEqualTo(1);
        assertThat(deliveries(pending) + deliveries(retrying)).as("still to be sent").isEqualTo(2);
    }

    @Test
    void aRedeliveredEventWhoseProcessedMarkWasPrunedStillSendsNothingTwiceWhileItsDeliveriesAreKept() {
        CaseScript script = new CaseScript();
        EventEnvelope opened = script.opened(Priority.LOW);
        EventEnvelope lately = new CaseScript().opened(Priority.LOW);
        publish(opened, lately);
        awaitMails(script.customerEmail, 1);
        await().atMost(WAIT).until(() -> processed(lately) == 1);
        jdbc.sql("UPDATE processed_event SET processed_at = now() - interval '31 days' WHERE event_id = ?")
                .param(opened.eventId()).update();

        pruning.prune();

        assertThat(processed(opened)).as("past its retention").isZero();
        assertThat(processed(lately)).as("within it").isEqualTo(1);

        publish(opened);
        await().atMost(WAIT).until(() -> processed(opened) == 1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> mailsTo(script.customerEmail).size() == 1);
    }
}
