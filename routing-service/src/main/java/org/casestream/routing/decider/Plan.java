package org.casestream.routing.decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.AssignmentPolicy;
import org.casestream.routing.assignment.Move;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.assignment.Roster;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.Unassign;
import org.casestream.routing.decider.RoutingDecision.Wait;

/**
 * The decisions of one trigger, in order, and the agents' loads as those decisions leave them: a later
 * assignment of the same trigger plans on the loads the earlier ones made, as if they were already accepted.
 */
final class Plan {

    private final RoutingState state;
    private final Instant now;
    private final Roster roster;
    private final List<RoutingDecision> decisions = new ArrayList<>();
    private final Set<UUID> assigned = new HashSet<>();

    Plan(RoutingState state, Instant now) {
        this.state = state;
        this.now = now;
        this.roster = new Roster(state.agents());
    }

    void add(RoutingDecision decision) {
        decisions.add(decision);
    }

    List<RoutingDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** Assigns an open, unassigned case to the best agent who fits; when nobody does, it waits. */
    void assignOne(RoutedCase routed, String key, Cause because) {
        if (!routed.open() || routed.assignee() != null) {
            return;
        }
        List<AgentState> candidates = AssignmentPolicy.eligible(routed.queue(), roster.agents());
        Optional<AgentState> chosen = AssignmentPolicy.choose(routed.queue(), roster.agents());
        if (chosen.isEmpty()) {
            add(new Wait(routed.caseId(), routed.queue(), because));
            return;
        }
        assign(new Assign(routed.caseId(), chosen.get().agentId(), AssignmentReason.AUTO, because, candidates,
                key + ":assign:" + routed.caseId()));
    }

    /** An agent has room (freed, new, back online): waiting cases of their queues go out, most urgent first. */
    void drainFor(UUID agentId, String key) {
        Optional<AgentState> agent = roster.get(agentId);
        if (agent.isEmpty() || !agent.get().online()) {
            return;
        }
        List<OpenCase> waiting = state.waiting().stream().filter(open -> !assigned.contains(open.caseId())).toList();
        // drain() takes each case into the roster itself
        for (Move move : AssignmentPolicy.drain(waiting, roster, now)) {
            decisions.add(new Assign(move.caseId(), move.agentId(), move.reason(), Plain.CAPACITY_FREED, List.of(),
                    key + ":assign:" + move.caseId()));
            assigned.add(move.caseId());
        }
    }

    /** An agent went offline: each case routing gave them goes to someone else who fits, or back to waiting. */
    void reassignFrom(UUID agentId, String key) {
        for (Move move : AssignmentPolicy.reassignFrom(agentId, state.held(), roster, now)) {
            String moveKey = key + ":offline:" + move.caseId();
            decisions.add(move.agentId() == null
                    ? new Unassign(move.caseId(), move.reason(), Plain.AGENT_WENT_OFFLINE, moveKey)
                    : new Assign(move.caseId(), move.agentId(), move.reason(), Plain.AGENT_WENT_OFFLINE, List.of(),
                            moveKey));
        }
    }

    /**
     * A person moved a case routing had placed to a queue its agent does not know: hand it to someone who does,
     * or let it wait. An agent who knows the new queue keeps it.
     */
    void requeue(RoutedCase moved, String key) {
        boolean assigneeFits = roster.get(moved.assignee()).map(agent -> agent.level(moved.queue()) > 0).orElse(false);
        if (assigneeFits) {
            return;
        }
        roster.released(moved.assignee());
        Optional<AgentState> other = AssignmentPolicy.choose(moved.queue(), roster.agents());
        Cause because = new Cause.RequeuedTo(moved.queue());
        String requeueKey = key + ":requeue:" + moved.caseId();
        if (other.isPresent()) {
            assign(new Assign(moved.caseId(), other.get().agentId(), AssignmentReason.AUTO, because,
                    List.of(other.get()), requeueKey));
        } else {
            add(new Unassign(moved.caseId(), AssignmentReason.AUTO, because, requeueKey));
        }
    }

    private void assign(Assign assign) {
        decisions.add(assign);
        roster.took(assign.agentId(), now);
        assigned.add(assign.caseId());
    }
}
