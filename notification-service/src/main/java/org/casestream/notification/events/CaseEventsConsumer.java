package org.casestream.notification.events;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the case events topic as consumer group {@code spring.kafka.consumer.group-id} (notification-service).
 * With ack mode RECORD the offset is committed only after {@link EventRecorder#record} has committed its
 * transaction; a failure there is retried by the container's error handler, never skipped.
 */
@Component
public class CaseEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);

    private final EventRecorder recorder;

    public CaseEventsConsumer(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(id = "notification-case-events", idIsGroup = false, topics = "${casestream.notification.topic}")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope> envelope;
        try {
            envelope = CloudEventsKafka.fromRecord(record);
        } catch (RuntimeException unreadable) {
            // a record no version of the catalogue can read will not become readable by retrying it
            log.error("Skipping unreadable record at {}-{}@{} ({})", record.topic(), record.partition(),
                    record.offset(), Redacted.causes(unreadable));
            return;
        }
        if (envelope.isEmpty()) {
            log.info("Skipping an event type this service does not know at {}-{}@{}", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        int recorded;
        try {
            recorded = recorder.record(envelope.get());
        } catch (RuntimeException e) {
            // the container's error handler tries the record again (its offset stays uncommitted); say so here,
            // by cause type only: database messages can quote the data
            log.warn("Could not record event {} at {}-{}@{}, will retry ({})", envelope.get().eventId(),
                    record.topic(), record.partition(), record.offset(), Redacted.causes(e));
            throw e;
        }
        if (recorded < 0) {
            log.debug("Event {} was processed before: nothing to do", envelope.get().eventId());
        }
    }
}
