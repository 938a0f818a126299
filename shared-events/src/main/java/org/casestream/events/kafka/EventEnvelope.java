package org.casestream.events.kafka;

import java.time.Instant;
import java.util.Objects;

import org.casestream.events.DomainEvent;

/**
 * An event with what travels beside it: its id, when it happened, its place in its aggregate's stream
 * ({@code sequence}, from 0, so consumers can skip what they already applied), who did it and the
 * correlation id of the request that caused it.
 */
public record EventEnvelope(String eventId, Instant time, long sequence, String actor, String correlationId,
                            DomainEvent event) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
    }

    public String subject() {
        return event.aggregateId();
    }
}
