package org.casestream.events.kafka;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.casestream.events.EventCatalogue;
import org.casestream.events.EventCatalogue.EventType;
import org.casestream.events.json.EventJson;
import org.casestream.events.versioning.EventVersions;

/**
 * The Kafka form of an event: CloudEvents 1.0 in binary mode, so the attributes are {@code ce_*} headers
 * (id = event id, type, source, subject = aggregate id, time) and the value is the event's JSON.
 * Extensions: {@code dataversion} (the event's shape version), {@code sequence}, {@code actor},
 * {@code correlationid}. The record key is the aggregate id, so one case's events stay in one partition.
 */
public final class CloudEventsKafka {

    public static final URI SOURCE = URI.create("/casestream/case-command-service");
    public static final String DATA_VERSION = "dataversion";
    public static final String SEQUENCE = "sequence";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationid";

    private CloudEventsKafka() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope) {
        CloudEventBuilder builder = cloudEvent(envelope, EventJson.write(envelope.event()));
        if (envelope.actor() != null) {
            builder.withExtension(ACTOR, envelope.actor());
        }
        return KafkaMessageFactory.createWriter(topic, envelope.subject()).writeBinary(builder.build());
    }

    /**
     * The event as a CloudEvent with {@code data} (its JSON, or less of it) and every attribute but the actor:
     * id, type, source, subject, time, content type, data version, sequence and correlation id.
     */
    public static CloudEventBuilder cloudEvent(EventEnvelope envelope, byte[] data) {
        EventType type = EventCatalogue.of(envelope.event());
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.eventId())
                .withType(type.cloudEventType())
                .withSource(SOURCE)
                .withSubject(envelope.subject())
                .withTime(OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .withExtension(DATA_VERSION, type.version())
                .withExtension(SEQUENCE, envelope.sequence());
        if (envelope.correlationId() != null) {
            builder.withExtension(CORRELATION_ID, envelope.correlationId());
        }
        return builder;
    }

    /**
     * Reads a record back. Empty when its type is not in this catalogue (a newer producer's event):
     * the caller skips and logs it. Older shapes are upcast to the current record.
     */
    public static Optional<EventEnvelope> fromRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        Optional<EventType> type = EventCatalogue.byCloudEventType(event.getType());
        if (type.isEmpty() || event.getData() == null) {
            return Optional.empty();
        }
        int version = intExtension(event, DATA_VERSION, 1);
        return EventVersions.decode(type.get().name(), version, event.getData().toBytes())
                .map(decoded -> new EventEnvelope(
                        event.getId(),
                        event.getTime() == null ? null : event.getTime().toInstant(),
                        longExtension(event, SEQUENCE, -1),
                        stringExtension(event, ACTOR),
                        stringExtension(event, CORRELATION_ID),
                        decoded));
    }

    /** The CloudEvents type of a record, for logging records that {@link #fromRecord} skipped. */
    public static String typeOf(ConsumerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record).toEvent().getType();
    }

    private static String stringExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static int intExtension(CloudEvent event, String name, int fallback) {
        return (int) longExtension(event, name, fallback);
    }

    private static long longExtension(CloudEvent event, String name, long fallback) {
        Object value = event.getExtension(name);
        return value == null ? fallback : Long.parseLong(value.toString());
    }
}
