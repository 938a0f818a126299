package org.casestream.command.publishing;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.casestream.command.platform.AxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.casestream.events.DomainEvent;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, in event-store order, keyed by aggregate id. It runs in a tracking
 * processor whose token lives in PostgreSQL and waits for the broker's acknowledgement of each event: a failed
 * send propagates, the processor backs off and retries from its token, so nothing is skipped (at least once).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishingProperties properties;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, PublishingProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    @EventHandler
    void on(DomainEvent event, EventMessage<?> message) throws Exception {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(properties.topic(), new EventEnvelope(
                message.getIdentifier(), message.getTimestamp(), sequence,
                (String) message.getMetaData().get(AxonConfiguration.ACTOR),
                (String) message.getMetaData().get(AxonConfiguration.CORRELATION_ID), event));
        log.debug("Publishing {} #{} of {}", event.getClass().getSimpleName(), sequence, record.key());
        try {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new PublishFailed(record.key(), failed.getCause());
        } catch (TimeoutException slow) {
            throw new PublishFailed(record.key(), slow);
        }
    }

    /** A send the broker did not acknowledge; the processor retries from its last stored token. */
    static class PublishFailed extends RuntimeException {
        PublishFailed(String key, Throwable cause) {
            super("Kafka did not acknowledge the event of " + key, cause);
        }
    }
}
