package org.casestream.query.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.DomainEvent;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.Topics;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.events.CaseEventRecord;

/**
 * One aggregate's events as the command service publishes them: CloudEvents records with increasing sequences,
 * made by the catalogue's own {@link CloudEventsKafka#toRecord}.
 */
public final class CaseScript {

    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    private long sequence;
    private Instant clock;

    public CaseScript(Instant start) {
        this.clock = start;
    }

    /** The next event of this aggregate, a minute after the previous one. */
    public ProducerRecord<String, byte[]> then(DomainEvent event) {
        clock = clock.plusSeconds(60);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.CASE_EVENTS,
                new EventEnvelope(UUID.randomUUID().toString(), clock, sequence++, "agent:test", "corr-test", event));
        records.add(record);
        return record;
    }

    /** The next event of this aggregate, at {@code when}. */
    public ProducerRecord<String, byte[]> thenAt(Instant when, DomainEvent event) {
        clock = when.minusSeconds(60);
        return then(event);
    }

    /**
     * A case opened at {@code start} in {@code queue} and assigned to {@code assignee}, with an SLA due at
     * {@code due} (none when null), done when asked; its records are {@link #records()}.
     */
    public static CaseScript assignedCase(UUID caseId, Queue queue, UUID assignee, Instant start, Instant due,
            boolean done) {
        CaseScript script = new CaseScript(start);
        script.then(new CaseOpened(caseId, "CS-" + Math.abs(caseId.getMostSignificantBits() % 1_000_000),
                new Customer("cust-" + caseId, "Cora", "cora@example.com", Tier.STANDARD), "Cannot get going",
                "It stopped working this morning", Channel.EMAIL, null, queue, Priority.MEDIUM, List.of(),
                script.clock()));
        if (due != null) {
            script.then(new SlaTargetsSet(caseId, due, due.plus(1, ChronoUnit.DAYS), "p"));
        }
        script.then(new CaseAssigned(caseId, assignee, null, AssignmentReason.AUTO));
        if (done) {
            script.then(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.NEW));
        }
        return script;
    }

    public Instant clock() {
        return clock;
    }

    public List<ProducerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** What a consumer would read for {@code record} at this partition and offset. */
    public static CaseEventRecord consumed(ProducerRecord<String, byte[]> record, int partition, long offset) {
        ConsumerRecord<String, byte[]> read = new ConsumerRecord<>(record.topic(), partition, offset, 0L,
                TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()), java.util.Optional.empty());
        return new CaseEventRecord(CloudEventsKafka.fromRecord(read).orElseThrow(), record.topic(), partition, offset);
    }
}
