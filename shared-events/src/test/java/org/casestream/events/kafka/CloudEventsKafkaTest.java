package org.casestream.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.casestream.events.AssignmentReason;
import org.casestream.events.DomainEvent;
import org.casestream.events.Topics;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseOpened;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class CloudEventsKafkaTest {

    private static final UUID CASE = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");

    @Test
    void writesBinaryModeHeadersKeyedByAggregate() {
        var event = new CaseAssigned(CASE, UUID.randomUUID(), null, AssignmentReason.AUTO);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.CASE_EVENTS,
                new EventEnvelope("evt-1", AT, 3, "routing-service", "corr-9", event));

        assertThat(record.topic()).isEqualTo("casestream.case-events");
        assertThat(record.key()).isEqualTo(CASE.toString());
        assertThat(header(record.headers().lastHeader("ce_id"))).isEqualTo("evt-1");
        assertThat(header(record.headers().lastHeader("ce_specversion"))).isEqualTo("1.0");
        assertThat(header(record.headers().lastHeader("ce_type"))).isEqualTo("org.casestream.case.CaseAssigned");
        assertThat(header(record.headers().lastHeader("ce_subject"))).isEqualTo(CASE.toString());
        assertThat(header(record.headers().lastHeader("ce_source"))).isEqualTo("/casestream/case-command-service");
        assertThat(header(record.headers().lastHeader("ce_time"))).startsWith("2026-11-21T10:15:30");
        assertThat(header(record.headers().lastHeader("ce_dataversion"))).isEqualTo("2");
        assertThat(header(record.headers().lastHeader("ce_actor"))).isEqualTo("routing-service");
        assertThat(header(record.headers().lastHeader("content-type"))).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"reason\":\"auto\"");
    }

    @Test
    void roundTripsEveryEvent() {
        for (DomainEvent event : org.casestream.events.CatalogueSamples.all()) {
            var envelope = new EventEnvelope(UUID.randomUUID().toString(), AT, 7, "agent-1", "corr-1", event);
            ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.CASE_EVENTS, envelope);
            String aggregateId = event.aggregateId();
            assertThat(record.key()).as("key of " + event.getClass().getSimpleName()).isEqualTo(aggregateId);
            assertThat(header(record.headers().lastHeader("ce_subject"))).isEqualTo(aggregateId);
            assertThat(CloudEventsKafka.fromRecord(consumed(record))).contains(envelope);
        }
    }

    @Test
    void upcastsV1RecordsFromTheTopic() {
        var v2 = CloudEventsKafka.toRecord(Topics.CASE_EVENTS, new EventEnvelope("evt-2", AT, 1, null, null,
                new CaseAssigned(CASE, UUID.randomUUID(), null, AssignmentReason.AUTO)));
        var headers = new RecordHeaders(v2.headers().toArray());
        headers.remove("ce_dataversion");
        headers.add("ce_dataversion", "1".getBytes(StandardCharsets.UTF_8));
        var v1 = new ProducerRecord<>(v2.topic(), null, v2.key(),
                "{\"caseId\":\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"agentId\":\"1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d\"}"
                        .getBytes(StandardCharsets.UTF_8), headers);

        CaseAssigned event = (CaseAssigned) CloudEventsKafka.fromRecord(consumed(v1)).orElseThrow().event();

        assertThat(event.reason()).isEqualTo(AssignmentReason.MANUAL);
    }

    @Test
    void skipsUnknownEventTypes() {
        var record = CloudEventsKafka.toRecord(Topics.CASE_EVENTS, new EventEnvelope("evt-3", AT, 0, null, null,
                org.casestream.events.CatalogueSamples.all().stream().filter(CaseOpened.class::isInstance)
                        .findFirst().orElseThrow()));
        var headers = new RecordHeaders(record.headers().toArray());
        headers.remove("ce_type");
        headers.add("ce_type", "org.casestream.case.CaseTeleported".getBytes(StandardCharsets.UTF_8));
        var unknown = new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);

        assertThat(CloudEventsKafka.fromRecord(consumed(unknown))).isEmpty();
        assertThat(CloudEventsKafka.typeOf(consumed(unknown))).isEqualTo("org.casestream.case.CaseTeleported");
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
