package org.casestream.routing.process;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.events.Topics;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Routing's consumer of {@code casestream.case-events} (consumer group {@code casestream.routing.consumer-group},
 * default {@code routing-service}: reset it and truncate routing's state tables to rebuild). The offset is
 * acknowledged only after the event's decision committed, i.e. after its commands were accepted; a failure
 * leaves the record to the error handler, which seeks back and retries it with backoff until it goes through.
 * Partitions belong to one instance of the group at a time.
 */
@Component
public class CaseEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(CaseEventConsumer.class);

    private final RoutingProcess process;

    public CaseEventConsumer(RoutingProcess process) {
        this.process = process;
    }

    @KafkaListener(id = "routing", topics = Topics.CASE_EVENTS,
            groupId = "${casestream.routing.consumer-group:routing-service}")
    public void onRecord(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        Optional<EventEnvelope> envelope;
        try {
            envelope = CloudEventsKafka.fromRecord(record);
        } catch (RuntimeException undecodable) {
            // a record no retry can fix would stop its partition for good: log where it is and move on
            log.error("Skipping an undecodable record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), Redacted.causes(undecodable));
            acknowledgment.acknowledge();
            return;
        }
        if (envelope.isEmpty()) {
            log.info("Skipping an event type this catalogue does not know: {} at {}-{}@{}",
                    CloudEventsKafka.typeOf(record), record.topic(), record.partition(), record.offset());
        } else {
            process.handle(envelope.get());
        }
        acknowledgment.acknowledge();
    }
}
