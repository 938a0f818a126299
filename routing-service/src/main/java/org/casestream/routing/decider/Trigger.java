package org.casestream.routing.decider;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.SlaTarget;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.cases.CaseEvent;

/**
 * What routing decides on. The ids that travel with it ({@code eventId}) make the idempotency keys of the
 * commands a decision sends, so the same trigger decided again after a crash sends the same keys.
 */
public sealed interface Trigger {

    /** A case event; {@code byRouting}: routing's own command caused it (an echo of a decision already made). */
    record CaseChanged(String eventId, String actor, boolean byRouting, CaseEvent event) implements Trigger {
        public CaseChanged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * The triage of a newly opened case (classification, priority, SLA targets) was answered: now assign it, on
     * the queue it actually got and under the decision lock, which triage does not need. {@code eventId} is its
     * CaseOpened's.
     */
    record CaseTriaged(String eventId, UUID caseId) implements Trigger {
        public CaseTriaged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(caseId, "caseId");
        }
    }

    record AgentChanged(String eventId, AgentEvent event) implements Trigger {
        public AgentChanged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(event, "event");
        }
    }

    /** A durable SLA timer came due: its target is breached unless the case moved on. */
    record SlaTimerDue(UUID caseId, SlaTarget target, Instant dueAt) implements Trigger {
        public SlaTimerDue {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        /** Keys are made from the case and target, not an event: a timer fires once per target. */
        String key() {
            return "sla:" + caseId + ":" + target.wire();
        }
    }
}
