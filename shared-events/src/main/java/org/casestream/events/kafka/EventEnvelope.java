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

    /**
     * The actor of every event an import writes ({@code import:} and who imported): history that happened in
     * another help desk, so routing and notifications leave it alone (nobody is routed or told again).
     */
    public static final String IMPORT_ACTOR_PREFIX = "import:";

    public boolean imported() {
        return actor != null && actor.startsWith(IMPORT_ACTOR_PREFIX);
    }

    public String subject() {
        return event.aggregateId();
    }
}
