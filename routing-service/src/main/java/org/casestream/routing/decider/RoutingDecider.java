package org.casestream.routing.decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.AssignmentPolicy;
import org.casestream.routing.decider.Cause.Breach;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.Escalate;
import org.casestream.routing.decider.RoutingDecision.RaisePriority;
import org.casestream.routing.decider.RoutingDecision.RecordBreach;
import org.casestream.routing.decider.Trigger.AgentChanged;
import org.casestream.routing.decider.Trigger.CaseChanged;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.decider.Trigger.SlaTimerDue;

/**
 * Routing as a pure function: given what routing knows and a trigger, the decisions to carry out, in order.
 * No I/O and no clock: the shell ({@code process.RoutingProcess}) loads the state, passes the time in, sends
 * the commands and records the notes. What the shell must load for a trigger is said here too ({@link #reads},
 * {@link #takesDecisionLock}), so that knowledge stays next to the decisions that depend on it.
 */
public final class RoutingDecider {

    private RoutingDecider() {
    }

    /**
     * What deciding on a trigger reads besides its case, so the shell loads that and no more.
     *
     * @param agents        the online agents and their loads (with the agents named here, online or not)
     * @param agentWithRoom the agent who may have room now (freed, new, back online): the waiting line of their
     *                      queues is drained to them; null when none
     * @param agentGone     the agent who went offline, whose open cases are handed on; null when none
     * @param policies      the rules, SLA matrix and classifier
     */
    public record Reads(boolean agents, UUID agentWithRoom, UUID agentGone, boolean policies) {
    }

    public static List<RoutingDecision> decide(RoutingState state, Trigger trigger, Instant now) {
        Objects.requireNonNull(now, "now");
        return switch (trigger) {
            case CaseChanged changed -> CaseDecisions.decide(state, changed, now);
            case CaseTriaged triaged -> CaseDecisions.assignTriaged(state, triaged, now);
            case AgentChanged changed -> agentChanged(state, changed, now);
            case SlaTimerDue due -> escalate(state, due, now);
        };
    }

    /**
     * Whether the trigger can lead to an assignment, which plans on every agent's load: those decisions take the
     * decision lock first, so no other decision (here or in another instance) plans on the same loads meanwhile.
     * The rest (routing's own echoes, comments, tags) touch only their own case, which their partition's single
     * consumer owns, and run without it. A CaseOpened takes it only for its follow-up {@link CaseTriaged}: the
     * triage commands need no lock, and the case's row is not yet visible to anyone who could wait on it.
     */
    public static boolean takesDecisionLock(Trigger trigger) {
        return switch (trigger) {
            case CaseChanged changed -> switch (changed.event()) {
                case CaseClassified ignored -> !changed.byRouting();
                case CaseAssigned assigned -> assigned.previousAgentId() != null;
                case CaseUnassigned ignored -> true;
                case CaseStatusChanged statusChanged -> statusChanged.status() == CaseStatus.DONE;
                case CaseReopened ignored -> true;
                default -> false;
            };
            case CaseTriaged ignored -> true;
            case AgentChanged ignored -> true;
            case SlaTimerDue ignored -> true;
        };
    }

    /** {@code assigneeBefore}: the case's assignee before the trigger's event (null for agent triggers). */
    public static Reads reads(Trigger trigger, UUID assigneeBefore) {
        UUID withRoom = agentWithRoom(trigger, assigneeBefore);
        UUID gone = trigger instanceof AgentChanged(String ignored, AgentAvailabilityChanged changed)
                && changed.availability() == Availability.OFFLINE ? changed.agentId() : null;
        boolean policies = trigger instanceof CaseChanged changed
                && (changed.event() instanceof CaseOpened || changed.event() instanceof CasePriorityChanged);
        return new Reads(takesDecisionLock(trigger) || withRoom != null, withRoom, gone, policies);
    }

    private static UUID agentWithRoom(Trigger trigger, UUID assigneeBefore) {
        return switch (trigger) {
            case CaseChanged changed -> switch (changed.event()) {
                case CaseAssigned assigned -> {
                    // a v1 CaseAssigned did not name the previous agent: routing's own state does
                    UUID previous = assigned.previousAgentId() != null ? assigned.previousAgentId() : assigneeBefore;
                    yield previous == null || previous.equals(assigned.agentId()) ? null : previous;
                }
                case CaseUnassigned unassigned -> unassigned.previousAgentId();
                case CaseStatusChanged statusChanged ->
                        statusChanged.status() == CaseStatus.DONE ? assigneeBefore : null;
                default -> null;
            };
            case AgentChanged changed -> switch (changed.event()) {
                case AgentRegistered registered -> registered.agentId();
                case AgentSkillsChanged skillsChanged -> skillsChanged.agentId();
                case AgentAvailabilityChanged availability ->
                        availability.availability() == Availability.ONLINE ? availability.agentId() : null;
            };
            case CaseTriaged ignored -> null;
            case SlaTimerDue ignored -> null;
        };
    }

    /** A new or changed agent takes waiting cases; one who went offline hands theirs on (or back to the line). */
    private static List<RoutingDecision> agentChanged(RoutingState state, AgentChanged changed, Instant now) {
        Reads reads = reads(changed, null);
        Plan plan = new Plan(state, now);
        if (reads.agentGone() != null) {
            plan.reassignFrom(reads.agentGone(), changed.eventId());
        }
        if (reads.agentWithRoom() != null) {
            plan.drainFor(reads.agentWithRoom(), changed.eventId());
        }
        return plan.decisions();
    }

    /**
     * A target passed its due time on an open case: record the breach, escalate, raise the priority one step and
     * hand the case to an online lead of its queue (capacity is no bar: an escalation must land somewhere).
     */
    private static List<RoutingDecision> escalate(RoutingState state, SlaTimerDue due, Instant now) {
        RoutedCase routed = state.routedCase();
        if (routed == null || !routed.open()) {
            return List.of();
        }
        UUID caseId = routed.caseId();
        String key = due.key();
        Breach breach = new Breach(due.target(), due.dueAt());
        Priority raised = routed.priority().raised();
        Optional<AgentState> lead = AssignmentPolicy.chooseLead(routed.queue(), state.agents(),
                state.settings().leadLevel());
        List<RoutingDecision> decisions = new ArrayList<>();
        decisions.add(new RecordBreach(caseId, breach, key + ":breach"));
        decisions.add(new Escalate(caseId, breach, now, raised, lead.map(AgentState::agentId).orElse(null),
                key + ":escalate"));
        if (raised != routed.priority()) {
            decisions.add(new RaisePriority(caseId, raised, breach, key + ":priority"));
        }
        if (lead.isPresent() && !lead.get().agentId().equals(routed.assignee())) {
            decisions.add(new Assign(caseId, lead.get().agentId(), AssignmentReason.ESCALATION,
                    Cause.Plain.ESCALATED_TO_LEAD, List.of(lead.get()), key + ":lead"));
        }
        return List.copyOf(decisions);
    }
}
