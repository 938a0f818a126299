package org.casestream.command.publishing;

import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * {@code casestream.publisher.lag}: how many events the Kafka publisher is behind the head of the event store
 * (an upper bound: gaps in the global index count as events).
 */
@Component
public class PublisherLag {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    public PublisherLag(EventStore eventStore, EventProcessingConfiguration processing, MeterRegistry registry) {
        this.eventStore = eventStore;
        this.processing = processing;
        Gauge.builder("casestream.publisher.lag", this, PublisherLag::events)
                .description("Events stored but not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
    }

    public double events() {
        long head = position(eventStore.createHeadToken());
        return publishedPosition().map(published -> (double) Math.max(0, head - published)).orElse(Double.NaN);
    }

    /** The store's global index up to which every event was published (-1 before the first); empty without a publisher. */
    public Optional<Long> publishedPosition() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1L))
                        .min().orElse(-1L));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
