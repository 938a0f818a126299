package org.casestream.command.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casestream.command.platform.OccurredAt;
import org.casestream.command.platform.AxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.casestream.events.DomainEvent;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.observability.TraceContexts;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, in event-store order, keyed by aggregate id. It runs in a tracking
 * processor whose token lives in PostgreSQL. The events of one processor batch are sent without waiting for each
 * other (the producer is idempotent, so the broker keeps them in order per partition and refuses any that would
 * follow a lost one); the batch's unit of work then waits for every acknowledgement before it commits the token. A
 * failed or unacknowledged send fails the commit, the token stays where it was and the processor retries the
 * batch from there, so nothing is skipped (at least once).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private static final Propagator.Getter<MetaData> METADATA =
            (metaData, key) -> metaData.get(key) instanceof String value ? value : null;
    private static final Propagator.Setter<Headers> HEADERS =
            (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8));

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishingProperties properties;
    private final TraceContexts traces;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, PublishingProperties properties,
                               TraceContexts traces) {
        this.kafka = kafka;
        this.properties = properties;
        this.traces = traces;
    }

    /** A send on its way, and whose event it carries. */
    private record PendingSend(String key, CompletableFuture<?> acknowledged) {
    }

    @EventHandler
    void on(DomainEvent event, EventMessage<?> message) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        String correlationId = (String) message.getMetaData().get(AxonConfiguration.CORRELATION_ID);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(properties.topic(), new EventEnvelope(
                message.getIdentifier(), OccurredAt.of(message, message.getTimestamp()), sequence,
                (String) message.getMetaData().get(AxonConfiguration.ACTOR), correlationId, event));
        // the trace of the request that stored the event (EventTraceContext) goes on in a span of its own here and,
        // through the record's traceparent header, in every consumer
        PendingSend send = traces.continued(properties.topic() + " publish", Span.Kind.PRODUCER, message.getMetaData(),
                METADATA, correlationId, () -> {
                    traces.inject(record.headers(), HEADERS);
                    log.debug("Publishing {} #{} of {}", event.getClass().getSimpleName(), sequence, record.key());
                    return new PendingSend(record.key(), kafka.send(record));
                });
        if (!CurrentUnitOfWork.isStarted()) {
            awaitAcknowledgements(List.of(send));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        batch.<List<PendingSend>>getOrComputeResource(PENDING, key -> {
            List<PendingSend> sends = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAcknowledgements(sends));
            return sends;
        }).add(send);
    }

    private void awaitAcknowledgements(List<PendingSend> sends) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (PendingSend send : sends) {
            try {
                send.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException failed) {
                throw new PublishFailed(send.key(), failed.getCause());
            } catch (TimeoutException slow) {
                throw new PublishFailed(send.key(), slow);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new PublishFailed(send.key(), interrupted);
            }
        }
    }

    /** A send the broker did not acknowledge; the processor retries from its last stored token. */
    static class PublishFailed extends RuntimeException {
        PublishFailed(String key, Throwable cause) {
            super("Kafka did not acknowledge the event of " + key, cause);
        }
    }
}
