package org.casestream.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Queue;

/**
 * Who gets a case. Eligible: online, skilled in the case's queue, with spare capacity. Among them: the highest
 * skill level, then the lowest load ratio, then the longest idle (never assigned counts as idle longest), then
 * the agent id so the choice is deterministic. Cases that find nobody wait, most urgent priority first, then the
 * earliest resolution due time, then the oldest.
 */
public final class AssignmentPolicy {

    public static final Comparator<OpenCase> WAITING_ORDER = Comparator
            .comparing(OpenCase::priority)
            .thenComparing(OpenCase::resolutionDue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenCase::openedAt)
            .thenComparing(OpenCase::caseId);

    private static Comparator<AgentState> preference(Queue queue) {
        return Comparator.<AgentState>comparingInt(agent -> -agent.level(queue))
                .thenComparingDouble(AgentState::loadRatio)
                .thenComparing(AgentState::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(AgentState::agentId);
    }

    private AssignmentPolicy() {
    }

    public static List<AgentState> eligible(Queue queue, Collection<AgentState> agents) {
        return agents.stream()
                .filter(AgentState::online)
                .filter(agent -> agent.level(queue) > 0)
                .filter(AgentState::hasSpareCapacity)
                .sorted(preference(queue))
                .toList();
    }

    public static Optional<AgentState> choose(Queue queue, Collection<AgentState> agents) {
        if (Queue.UNCLASSIFIED.equals(queue)) {
            // nobody holds an "Unclassified" skill: such cases wait for classification
            return Optional.empty();
        }
        return eligible(queue, agents).stream().findFirst();
    }

    /**
     * The lead an escalated case goes to: online, skilled in the queue at {@code leadLevel} or above. Capacity is
     * not a bar here (an escalation must land somewhere), but among leads the least loaded goes first.
     */
    public static Optional<AgentState> chooseLead(Queue queue, Collection<AgentState> agents, int leadLevel) {
        return agents.stream()
                .filter(AgentState::online)
                .filter(agent -> agent.level(queue) >= leadLevel)
                .min(preference(queue));
    }

    /** Assigns waiting cases, in waiting order, as long as someone fits; updates the roster as it goes. */
    public static List<Move> drain(List<OpenCase> waiting, Roster roster, Instant now) {
        List<Move> moves = new ArrayList<>();
        for (OpenCase waitingCase : waiting.stream().sorted(WAITING_ORDER).toList()) {
            if (waitingCase.assignee() != null) {
                continue;
            }
            choose(waitingCase.queue(), roster.agents()).ifPresent(agent -> {
                roster.took(agent.agentId(), now);
                moves.add(new Move(waitingCase.caseId(), agent.agentId(), AssignmentReason.AUTO));
            });
        }
        return moves;
    }

    /**
     * An agent went offline: each of their open cases goes to someone else who fits, or back to waiting. Cases a
     * person assigned stay where they are: the router never undoes a manual assignment.
     */
    public static List<Move> reassignFrom(UUID agentId, List<OpenCase> theirCases, Roster roster, Instant now) {
        List<Move> moves = new ArrayList<>();
        for (OpenCase openCase : theirCases.stream().sorted(WAITING_ORDER).toList()) {
            if (openCase.manual() || !agentId.equals(openCase.assignee())) {
                continue;
            }
            Optional<AgentState> other = choose(openCase.queue(),
                    roster.agents().stream().filter(agent -> !agent.agentId().equals(agentId)).toList());
            roster.released(agentId);
            if (other.isPresent()) {
                roster.took(other.get().agentId(), now);
                moves.add(new Move(openCase.caseId(), other.get().agentId(), AssignmentReason.AGENT_OFFLINE));
            } else {
                moves.add(new Move(openCase.caseId(), null, AssignmentReason.AGENT_OFFLINE));
            }
        }
        return moves;
    }
}
