package org.casestream.routing.decider;

import java.time.Instant;
import java.util.Objects;

import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;

/**
 * Why routing looked at a case again: the {@code because} of an SLA or assignment decision. {@link #text()} is
 * what the decisions log and the command service have always been told, so its wording is part of the API.
 */
public sealed interface Cause {

    String text();

    /** The causes that need no detail. */
    enum Plain implements Cause {
        OPENED("opened"),
        REOPENED("reopened"),
        REQUEUED("re-queued"),
        CAPACITY_FREED("capacity freed"),
        AGENT_WENT_OFFLINE("agent went offline"),
        ESCALATED_TO_LEAD("escalated to a lead");

        private final String text;

        Plain(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }

    /** Someone other than routing took the case away from its agent. */
    record UnassignedBy(String actor) implements Cause {
        @Override
        public String text() {
            return "unassigned by " + actor;
        }
    }

    /** A person moved the case to a queue its agent does not know. */
    record RequeuedTo(Queue queue) implements Cause {
        public RequeuedTo {
            Objects.requireNonNull(queue, "queue");
        }

        @Override
        public String text() {
            return "re-queued to " + queue;
        }
    }

    /** The case's priority changed, and with it the SLA cell it falls in. */
    record PriorityChanged(Priority priority) implements Cause {
        public PriorityChanged {
            Objects.requireNonNull(priority, "priority");
        }

        @Override
        public String text() {
            return "priority changed to " + priority;
        }
    }

    /** An SLA target passed its due time with the case still open. */
    record Breach(SlaTarget target, Instant dueAt) implements Cause {
        public Breach {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        @Override
        public String text() {
            return "SLA " + target.wire() + " breached (due " + dueAt + ")";
        }
    }
}
