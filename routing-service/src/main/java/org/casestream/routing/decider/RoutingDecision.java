package org.casestream.routing.decider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.decider.Cause.Breach;
import org.casestream.routing.priority.PriorityDecision;
import org.casestream.routing.sla.SlaDue;

/**
 * One thing routing decided about one case, with its reasons. The shell carries the decisions of a trigger out
 * in order: it sends the command (with {@code idempotencyKey}, derived from the trigger), keeps routing's state
 * in step once the command is accepted, and notes the decision in the decisions log. A command rejected for
 * good means the case moved on since the decision was planned, so the rest of that case's decisions for the same
 * trigger are dropped.
 */
public sealed interface RoutingDecision {

    UUID caseId();

    /** Put the case in the queue the rules or the classifier found; noted as {@code classified} either way. */
    record Classify(UUID caseId, QueueDecision why, String idempotencyKey) implements RoutingDecision {
        public Classify {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(why, "why");
        }
    }

    /** The case keeps the queue it came with (given at intake, or nothing matched); noted as {@code classified}. */
    record KeepQueue(UUID caseId, Queue kept, QueueDecision why) implements RoutingDecision {
        public KeepQueue {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(kept, "kept");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Raise the priority as the rules (or the channel's request) say; noted as {@code prioritised} either way. */
    record Prioritise(UUID caseId, PriorityDecision why, String idempotencyKey) implements RoutingDecision {
        public Prioritise {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(why, "why");
        }

        /** What the command service records as the reason of the change. */
        public String reason() {
            return "routing rules " + why.matchedRuleIds()
                    + (why.requested() == null ? "" : ", channel asked for " + why.requested().wire());
        }
    }

    /** Nothing raises the priority the case came with; noted as {@code prioritised}. */
    record KeepPriority(UUID caseId, PriorityDecision why) implements RoutingDecision {
        public KeepPriority {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Set the SLA targets of the policy matrix; noted as {@code sla-set} once accepted. */
    record SetSlaTargets(UUID caseId, SlaDue due, Cause because, String idempotencyKey) implements RoutingDecision {
        public SetSlaTargets {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(because, "because");
        }
    }

    /**
     * Give the case to an agent; noted as {@code assigned} with whether it was accepted, and the eligible agents
     * it was chosen from (best first, at most {@link #CANDIDATES_SHOWN}).
     */
    record Assign(UUID caseId, UUID agentId, AssignmentReason reason, Cause because, List<AgentState> candidates,
                  String idempotencyKey) implements RoutingDecision {

        public static final int CANDIDATES_SHOWN = 10;

        public Assign {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(because, "because");
            candidates = candidates.stream().limit(CANDIDATES_SHOWN).toList();
        }
    }

    /** Take the case from its agent: nobody who fits can have it, so it waits; noted as {@code unassigned}. */
    record Unassign(UUID caseId, AssignmentReason reason, Cause because, String idempotencyKey)
            implements RoutingDecision {
        public Unassign {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(because, "because");
        }
    }

    /** Nobody online fits the case now: it waits until capacity frees; noted as {@code waiting}. */
    record Wait(UUID caseId, Queue queue, Cause because) implements RoutingDecision {
        public Wait {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(because, "because");
        }
    }

    /** A person moved the case: that correction joins the classifier's training set; noted as {@code learnt}. */
    record Learn(UUID caseId, Queue queue, String source, CaseText text) implements RoutingDecision {
        public Learn {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A person assigned the case: the router leaves it with that agent from now on; noted as such. */
    record KeepManualAssignment(UUID caseId, UUID agentId, AssignmentReason reason) implements RoutingDecision {
        public KeepManualAssignment {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Record the breach on the case; when that is refused the case is done, and nothing else follows. */
    record RecordBreach(UUID caseId, Breach breach, String idempotencyKey) implements RoutingDecision {
        public RecordBreach {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(breach, "breach");
        }
    }

    /**
     * Escalate the case one level; noted as {@code escalated} with the priority it is raised to and the lead it
     * goes to ({@code lead} null: no lead of its queue is online).
     */
    record Escalate(UUID caseId, Breach breach, Instant firedAt, Priority priority, UUID lead, String idempotencyKey)
            implements RoutingDecision {
        public Escalate {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(breach, "breach");
            Objects.requireNonNull(firedAt, "firedAt");
            Objects.requireNonNull(priority, "priority");
        }
    }

    /** An escalation raises the priority one step; not noted on its own (the escalation says it). */
    record RaisePriority(UUID caseId, Priority priority, Breach because, String idempotencyKey)
            implements RoutingDecision {
        public RaisePriority {
            require(caseId, idempotencyKey);
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(because, "because");
        }

        /** What the command service records as the reason of the change. */
        public String reason() {
            return "escalation: " + because.text();
        }
    }

    /**
     * Decide again on {@code trigger} once the decisions before this one were answered: what it decides rests on
     * those answers (and may need the decision lock they did not).
     */
    record FollowUp(UUID caseId, Trigger trigger) implements RoutingDecision {
        public FollowUp {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    private static void require(UUID caseId, String idempotencyKey) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
