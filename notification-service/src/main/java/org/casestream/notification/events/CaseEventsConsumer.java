package org.casestream.notification.events;

import java.util.ArrayList;
import java.util.List;
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
 * Reads the case events topic as consumer group {@code spring.kafka.consumer.group-id} (notification-service),
 * a poll's worth of records at a time. The offsets are committed when this returns, that is only after
 * {@link EventRecorder#recordAll} has committed the batch's deliveries; if recording fails, the container's
 * error handler hands the same batch back (with backoff, without end), so nothing is skipped.
 */
@Component
public class CaseEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);

    private final EventRecorder recorder;

    public CaseEventsConsumer(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(id = "notification-case-events", idIsGroup = false, batch = "true",
            topics = "${casestream.notification.topic}")
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            read(record).ifPresent(envelopes::add);
        }
        if (envelopes.isEmpty()) {
            return;
        }
        try {
            recorder.recordAll(envelopes);
        } catch (RuntimeException e) {
            // by cause type only: database messages can quote the data
            log.warn("Could not record {} event(s) from {}-{}@{}, will retry ({})", envelopes.size(),
                    records.getFirst().topic(), records.getFirst().partition(), records.getFirst().offset(),
                    Redacted.causes(e));
            throw e;
        }
    }

    private static Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope> envelope;
        try {
            envelope = CloudEventsKafka.fromRecord(record);
        } catch (RuntimeException unreadable) {
            // a record no version of the catalogue can read will not become readable by retrying it
            log.error("Skipping unreadable record at {}-{}@{} ({})", record.topic(), record.partition(),
                    record.offset(), Redacted.causes(unreadable));
            return Optional.empty();
        }
        if (envelope.isEmpty()) {
            log.info("Skipping an event type this service does not know at {}-{}@{}", record.topic(),
                    record.partition(), record.offset());
        }
        return envelope;
    }
}
