package org.casestream.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private static AgentState agent(String id, Availability availability, Map<Queue, Integer> skills, int capacity,
            int load, Instant lastAssigned) {
        return new AgentState(UUID.nameUUIDFromBytes(id.getBytes()), availability, skills, capacity, load, lastAssigned);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private OpenCase waiting(String id, Queue queue, Priority priority, Instant resolutionDue) {
        return new OpenCase(id(id), queue, priority, resolutionDue, clock.instant(), null, false);
    }

    @Test
    void onlyOnlineAgentsWithTheSkillAndSpareCapacityAreEligible() {
        List<AgentState> agents = List.of(
                agent("offline", Availability.OFFLINE, Map.of(Queue.LOGIN, 5), 5, 0, null),
                agent("away", Availability.AWAY, Map.of(Queue.LOGIN, 5), 5, 0, null),
                agent("other-skill", Availability.ONLINE, Map.of(Queue.ORDERS, 5), 5, 0, null),
                agent("full", Availability.ONLINE, Map.of(Queue.LOGIN, 5), 2, 2, null),
                agent("fits", Availability.ONLINE, Map.of(Queue.LOGIN, 1), 2, 1, null));

        assertThat(AssignmentPolicy.choose(Queue.LOGIN, agents)).map(AgentState::agentId).contains(id("fits"));
        assertThat(AssignmentPolicy.choose(Queue.PAYMENTS, agents)).isEmpty();
        assertThat(AssignmentPolicy.choose(Queue.UNCLASSIFIED, agents)).isEmpty();
    }

    @Test
    void highestSkillThenLowestLoadRatioThenLongestIdle() {
        Instant earlier = clock.instant().minus(Duration.ofHours(2));
        Instant later = clock.instant().minus(Duration.ofMinutes(5));
        AgentState expertBusy = agent("expert", Availability.ONLINE, Map.of(Queue.LOGIN, 5), 10, 8, later);
        AgentState novice = agent("novice", Availability.ONLINE, Map.of(Queue.LOGIN, 2), 10, 0, null);
        assertThat(AssignmentPolicy.choose(Queue.LOGIN, List.of(novice, expertBusy)))
                .map(AgentState::agentId).contains(expertBusy.agentId());

        AgentState halfLoaded = agent("half", Availability.ONLINE, Map.of(Queue.LOGIN, 3), 4, 2, null);
        AgentState quarterLoaded = agent("quarter", Availability.ONLINE, Map.of(Queue.LOGIN, 3), 8, 2, later);
        assertThat(AssignmentPolicy.choose(Queue.LOGIN, List.of(halfLoaded, quarterLoaded)))
                .map(AgentState::agentId).contains(quarterLoaded.agentId());

        AgentState recent = agent("recent", Availability.ONLINE, Map.of(Queue.LOGIN, 3), 4, 1, later);
        AgentState idle = agent("idle", Availability.ONLINE, Map.of(Queue.LOGIN, 3), 4, 1, earlier);
        assertThat(AssignmentPolicy.choose(Queue.LOGIN, List.of(recent, idle)))
                .map(AgentState::agentId).contains(idle.agentId());
    }

    @Test
    void waitingCasesGoInPriorityThenSlaOrderAsCapacityFrees() {
        Instant now = clock.instant();
        OpenCase lowSoon = waiting("low-soon", Queue.LOGIN, Priority.LOW, now.plusSeconds(60));
        OpenCase highLate = waiting("high-late", Queue.LOGIN, Priority.HIGH, now.plusSeconds(7200));
        OpenCase highSoon = waiting("high-soon", Queue.LOGIN, Priority.HIGH, now.plusSeconds(600));
        OpenCase critical = waiting("critical", Queue.LOGIN, Priority.CRITICAL, null);
        List<OpenCase> queue = List.of(lowSoon, highLate, highSoon, critical);

        assertThat(queue.stream().sorted(AssignmentPolicy.WAITING_ORDER).map(OpenCase::caseId))
                .containsExactly(critical.caseId(), highSoon.caseId(), highLate.caseId(), lowSoon.caseId());

        // nobody fits: everything waits
        Roster full = new Roster(List.of(agent("a", Availability.ONLINE, Map.of(Queue.LOGIN, 3), 2, 2, null)));
        assertThat(AssignmentPolicy.drain(queue, full, now)).isEmpty();

        // capacity for two frees: the two most urgent are assigned at once, in order
        Roster freed = new Roster(List.of(agent("a", Availability.ONLINE, Map.of(Queue.LOGIN, 3), 4, 2, null)));
        assertThat(AssignmentPolicy.drain(queue, freed, now))
                .containsExactly(new Move(critical.caseId(), id("a"), AssignmentReason.AUTO),
                        new Move(highSoon.caseId(), id("a"), AssignmentReason.AUTO));
        assertThat(freed.get(id("a")).orElseThrow().load()).isEqualTo(4);
    }

    @Test
    void anOfflineAgentsCasesGoToOthersOrBackToWaitingButManualAssignmentsStay() {
        Instant now = clock.instant();
        UUID gone = id("gone");
        Roster roster = new Roster(List.of(
                agent("gone", Availability.OFFLINE, Map.of(Queue.LOGIN, 5, Queue.ORDERS, 5), 5, 3, null),
                agent("login-peer", Availability.ONLINE, Map.of(Queue.LOGIN, 2), 1, 0, null)));
        OpenCase loginCase = new OpenCase(id("c1"), Queue.LOGIN, Priority.HIGH, null, now, gone, false);
        OpenCase ordersCase = new OpenCase(id("c2"), Queue.ORDERS, Priority.HIGH, null, now, gone, false);
        OpenCase manualCase = new OpenCase(id("c3"), Queue.LOGIN, Priority.CRITICAL, null, now, gone, true);

        List<Move> moves = AssignmentPolicy.reassignFrom(gone, List.of(loginCase, ordersCase, manualCase), roster, now);

        assertThat(moves).containsExactlyInAnyOrder(
                new Move(loginCase.caseId(), id("login-peer"), AssignmentReason.AGENT_OFFLINE),
                new Move(ordersCase.caseId(), null, AssignmentReason.AGENT_OFFLINE));
        assertThat(moves).extracting(Move::caseId).doesNotContain(manualCase.caseId());
    }

    @Test
    void escalationsGoToAnOnlineLeadOfTheQueueEvenWhenFull() {
        AgentState lead = agent("lead", Availability.ONLINE, Map.of(Queue.PAYMENTS, 5), 3, 3, null);
        AgentState offlineLead = agent("off", Availability.OFFLINE, Map.of(Queue.PAYMENTS, 5), 3, 0, null);
        AgentState junior = agent("junior", Availability.ONLINE, Map.of(Queue.PAYMENTS, 2), 3, 0, null);

        assertThat(AssignmentPolicy.chooseLead(Queue.PAYMENTS, List.of(lead, offlineLead, junior), 5))
                .map(AgentState::agentId).contains(lead.agentId());
        assertThat(AssignmentPolicy.chooseLead(Queue.LOGIN, List.of(lead, junior), 5)).isEmpty();
    }

    @Test
    void loadIsSharedFairlyOverAThousandCases() {
        // 10 equally skilled agents; cases arrive and some are closed at random in between
        Roster roster = new Roster(tenEqualAgents());
        Random random = new Random(42);
        Map<UUID, Integer> received = new HashMap<>();
        List<UUID> openAssignees = new ArrayList<>();
        Instant now = clock.instant();
        for (int n = 0; n < 1000; n++) {
            now = now.plusSeconds(1);
            List<Move> moves = AssignmentPolicy.drain(
                    List.of(waiting("case-" + n, Queue.ORDERS, Priority.MEDIUM, null)), roster, now);
            assertThat(moves).hasSize(1);
            UUID agentId = moves.getFirst().agentId();
            received.merge(agentId, 1, Integer::sum);
            openAssignees.add(agentId);
            // at every moment the open load differs by at most one case between equal agents
            IntSummaryStatistics loads = roster.agents().stream().mapToInt(AgentState::load).summaryStatistics();
            assertThat(loads.getMax() - loads.getMin()).isLessThanOrEqualTo(1);
            if (random.nextDouble() < 0.9) {
                roster.released(openAssignees.remove(random.nextInt(openAssignees.size())));
            }
        }
        assertThat(received).hasSize(10);
        // closures at random let some agents take a few more over the run, never many more
        assertThat(received.values()).allSatisfy(count -> assertThat(count).isBetween(80, 120));
    }

    @Test
    void withNothingClosedTheThousandCasesGoRoundRobin() {
        Roster roster = new Roster(tenEqualAgents());
        Map<UUID, Integer> received = new HashMap<>();
        Instant now = clock.instant();
        for (int n = 0; n < 1000; n++) {
            now = now.plusSeconds(1);
            AssignmentPolicy.drain(List.of(waiting("case-" + n, Queue.ORDERS, Priority.MEDIUM, null)), roster, now)
                    .forEach(move -> received.merge(move.agentId(), 1, Integer::sum));
        }
        assertThat(received.values()).hasSize(10).containsOnly(100);
    }

    private static List<AgentState> tenEqualAgents() {
        List<AgentState> agents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            agents.add(agent("agent-" + i, Availability.ONLINE, Map.of(Queue.ORDERS, 3), 200, 0, null));
        }
        return agents;
    }
}
