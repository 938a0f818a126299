package org.casestream.routing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casestream.routing.decider.RoutingScenario.EVENT_ID;
import static org.casestream.routing.decider.RoutingScenario.NOW;
import static org.casestream.routing.decider.RoutingScenario.SOMEONE;
import static org.casestream.routing.decider.RoutingScenario.aCase;
import static org.casestream.routing.decider.RoutingScenario.agentEvent;
import static org.casestream.routing.decider.RoutingScenario.byPerson;
import static org.casestream.routing.decider.RoutingScenario.byRouting;
import static org.casestream.routing.decider.RoutingScenario.given;
import static org.casestream.routing.decider.RoutingScenario.offline;
import static org.casestream.routing.decider.RoutingScenario.online;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.KeepManualAssignment;
import org.casestream.routing.decider.RoutingDecision.Unassign;
import org.casestream.routing.decider.RoutingDecision.Wait;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.junit.jupiter.api.Test;

/** Who gets a case, when it waits, and how capacity that frees (or leaves) moves cases along. */
class AssignmentDecisionsTest {

    private final AgentState novice = online("novice", Map.of(Queue.PAYMENTS, 2), 5, 0);
    private final AgentState expert = online("expert", Map.of(Queue.PAYMENTS, 4, Queue.REFUNDS, 3), 5, 1);
    private final AgentState fullMaster = online("full", Map.of(Queue.PAYMENTS, 5), 2, 2);
    private final AgentState away = offline("away", Map.of(Queue.PAYMENTS, 5), 5, 0);

    @Test
    void aTriagedCaseGoesToTheMostSkilledAgentWithRoomAndTheNoteShowsWhoElseFitted() {
        RoutedCase payments = aCase("payments").in(Queue.PAYMENTS).build();

        assertThat(given().theCase(payments).agents(novice, expert, fullMaster, away)
                .when(new CaseTriaged(EVENT_ID, payments.caseId())))
                .containsExactly(new Assign(payments.caseId(), expert.agentId(), AssignmentReason.AUTO, Plain.OPENED,
                        List.of(expert, novice), "event-1:assign:" + payments.caseId()));
    }

    @Test
    void aCaseNobodyCanTakeWaitsAndSoDoesOneLeftUnclassified() {
        RoutedCase payments = aCase("payments").in(Queue.PAYMENTS).build();
        RoutedCase unclassified = aCase("unclassified").build();

        assertThat(given().theCase(payments).agents(fullMaster, away)
                .when(new CaseTriaged(EVENT_ID, payments.caseId())))
                .containsExactly(new Wait(payments.caseId(), Queue.PAYMENTS, Plain.OPENED));
        assertThat(given().theCase(unclassified).agents(novice, expert)
                .when(new CaseTriaged(EVENT_ID, unclassified.caseId())))
                .containsExactly(new Wait(unclassified.caseId(), Queue.UNCLASSIFIED, Plain.OPENED));
    }

    @Test
    void aCaseAPersonUnassignedIsAssignedAgainAndItsFormerAgentTakesTheNextInLine() {
        AgentState senior = online("senior", Map.of(Queue.LOGIN, 3), 2, 1);
        AgentState former = online("former", Map.of(Queue.LOGIN, 1), 1, 0);
        RoutedCase unassigned = aCase("unassigned").in(Queue.LOGIN).build();
        RoutedCase next = aCase("next").in(Queue.LOGIN).build();

        assertThat(given().theCase(unassigned).agents(senior, former).waiting(unassigned, next)
                .when(byPerson(new CaseUnassigned(unassigned.caseId(), former.agentId(), AssignmentReason.MANUAL))))
                .containsExactly(
                        new Assign(unassigned.caseId(), senior.agentId(), AssignmentReason.AUTO,
                                new Cause.UnassignedBy(SOMEONE), List.of(senior, former),
                                "event-1:assign:" + unassigned.caseId()),
                        // the senior is full now: the next case goes to the agent who has room
                        new Assign(next.caseId(), former.agentId(), AssignmentReason.AUTO, Plain.CAPACITY_FREED,
                                List.of(), "event-1:assign:" + next.caseId()));
    }

    @Test
    void routingsOwnUnassignOnlyFreesTheFormerAgent() {
        AgentState former = online("former", Map.of(Queue.LOGIN, 1), 1, 0);
        RoutedCase unassigned = aCase("unassigned").in(Queue.LOGIN).build();
        RoutedCase next = aCase("next").in(Queue.LOGIN).build();

        assertThat(given().theCase(unassigned).agents(former).waiting(next)
                .when(byRouting(new CaseUnassigned(unassigned.caseId(), former.agentId(), AssignmentReason.AUTO))))
                .containsExactly(new Assign(next.caseId(), former.agentId(), AssignmentReason.AUTO,
                        Plain.CAPACITY_FREED, List.of(), "event-1:assign:" + next.caseId()));
    }

    @Test
    void aClosedCaseFreesItsAgentForTheMostUrgentWaitingCaseAsFarAsCapacityGoes() {
        AgentState agent = online("agent", Map.of(Queue.ORDERS, 2), 1, 0);
        RoutedCase closed = aCase("closed").in(Queue.ORDERS).status(CaseStatus.DONE).assignedTo(agent).build();
        RoutedCase oldLow = aCase("old-low").in(Queue.ORDERS).priority(Priority.LOW)
                .openedAt(NOW.minus(Duration.ofDays(3))).build();
        RoutedCase newHigh = aCase("new-high").in(Queue.ORDERS).priority(Priority.HIGH).build();

        assertThat(given().theCase(closed).assigneeBefore(agent.agentId()).agents(agent).waiting(oldLow, newHigh)
                .when(byPerson(new CaseStatusChanged(closed.caseId(), CaseStatus.DONE, CaseStatus.IN_PROGRESS))))
                .containsExactly(new Assign(newHigh.caseId(), agent.agentId(), AssignmentReason.AUTO,
                        Plain.CAPACITY_FREED, List.of(), "event-1:assign:" + newHigh.caseId()));
    }

    @Test
    void aReopenedCaseWithoutAnAgentIsAssignedAgainOneWithAnAgentStaysWithThem() {
        AgentState agent = online("agent", Map.of(Queue.ORDERS, 2), 3, 0);
        RoutedCase reopened = aCase("reopened").in(Queue.ORDERS).status(CaseStatus.IN_PROGRESS).build();
        RoutedCase kept = aCase("kept").in(Queue.ORDERS).status(CaseStatus.IN_PROGRESS).assignedTo(agent).build();

        assertThat(given().theCase(reopened).agents(agent)
                .when(byPerson(new CaseReopened(reopened.caseId(), CaseStatus.IN_PROGRESS, null))))
                .containsExactly(new Assign(reopened.caseId(), agent.agentId(), AssignmentReason.AUTO, Plain.REOPENED,
                        List.of(agent), "event-1:assign:" + reopened.caseId()));
        assertThat(given().theCase(kept).agents(agent)
                .when(byPerson(new CaseReopened(kept.caseId(), CaseStatus.IN_PROGRESS, null)))).isEmpty();
    }

    @Test
    void anAgentComingOnlineTakesWaitingCasesOfTheirQueuesUpToTheirCapacity() {
        AgentState back = online("back", Map.of(Queue.DELIVERIES, 3), 2, 0);
        RoutedCase first = aCase("first").in(Queue.DELIVERIES).priority(Priority.HIGH).build();
        RoutedCase second = aCase("second").in(Queue.DELIVERIES).openedAt(NOW.minus(Duration.ofDays(1))).build();
        RoutedCase third = aCase("third").in(Queue.DELIVERIES).build();

        assertThat(given().agents(back).waiting(third, second, first)
                .when(agentEvent(new AgentAvailabilityChanged(back.agentId(), Availability.ONLINE, Availability.AWAY))))
                .containsExactly(
                        new Assign(first.caseId(), back.agentId(), AssignmentReason.AUTO, Plain.CAPACITY_FREED,
                                List.of(), "event-1:assign:" + first.caseId()),
                        new Assign(second.caseId(), back.agentId(), AssignmentReason.AUTO, Plain.CAPACITY_FREED,
                                List.of(), "event-1:assign:" + second.caseId()));
    }

    @Test
    void aNewAgentTakesWaitingCasesAndOneRegisteredOfflineTakesNone() {
        AgentState fresh = online("fresh", Map.of(Queue.LOGIN, 2), 5, 0);
        AgentState notYet = offline("not-yet", Map.of(Queue.LOGIN, 2), 5, 0);
        RoutedCase waiting = aCase("waiting").in(Queue.LOGIN).build();

        assertThat(given().agents(fresh).waiting(waiting).when(agentEvent(registered(fresh, Availability.ONLINE))))
                .containsExactly(new Assign(waiting.caseId(), fresh.agentId(), AssignmentReason.AUTO,
                        Plain.CAPACITY_FREED, List.of(), "event-1:assign:" + waiting.caseId()));
        assertThat(given().agents(notYet).when(agentEvent(registered(notYet, Availability.OFFLINE)))).isEmpty();
    }

    @Test
    void anAgentGoingOfflineHasTheCasesRoutingGaveThemMovedOnWhileAManualOneStays() {
        AgentState leaving = offline("leaving", Map.of(Queue.LOGIN, 4, Queue.ORDERS, 4), 5, 3);
        AgentState colleague = online("colleague", Map.of(Queue.LOGIN, 2), 5, 0);
        RoutedCase login = aCase("login").in(Queue.LOGIN).priority(Priority.HIGH).assignedTo(leaving).build();
        RoutedCase orders = aCase("orders").in(Queue.ORDERS).assignedTo(leaving).build();
        RoutedCase manual = aCase("manual").in(Queue.LOGIN).assignedTo(leaving).manual().build();

        assertThat(given().agents(leaving, colleague).held(orders, manual, login)
                .when(agentEvent(new AgentAvailabilityChanged(leaving.agentId(), Availability.OFFLINE,
                        Availability.ONLINE))))
                .containsExactly(
                        new Assign(login.caseId(), colleague.agentId(), AssignmentReason.AGENT_OFFLINE,
                                Plain.AGENT_WENT_OFFLINE, List.of(), "event-1:offline:" + login.caseId()),
                        new Unassign(orders.caseId(), AssignmentReason.AGENT_OFFLINE, Plain.AGENT_WENT_OFFLINE,
                                "event-1:offline:" + orders.caseId()));
    }

    @Test
    void aPersonsAssignmentIsKeptAndFreesTheAgentItCameFrom() {
        AgentState from = online("from", Map.of(Queue.LOGIN, 2), 2, 1);
        AgentState to = online("to", Map.of(Queue.LOGIN, 2), 2, 1);
        RoutedCase moved = aCase("moved").in(Queue.LOGIN).assignedTo(to).manual().build();
        RoutedCase next = aCase("next").in(Queue.LOGIN).build();

        assertThat(given().theCase(moved).assigneeBefore(from.agentId()).agents(from, to).waiting(next)
                .when(byPerson(new CaseAssigned(moved.caseId(), to.agentId(), from.agentId(),
                        AssignmentReason.TRANSFER))))
                .containsExactly(
                        new KeepManualAssignment(moved.caseId(), to.agentId(), AssignmentReason.TRANSFER),
                        new Assign(next.caseId(), from.agentId(), AssignmentReason.AUTO, Plain.CAPACITY_FREED,
                                List.of(), "event-1:assign:" + next.caseId()));
    }

    @Test
    void routingsOwnAssignmentIsNoPersonsAndAnOldEventWithoutItsPreviousAgentIsCompletedFromRoutingsState() {
        AgentState from = online("from", Map.of(Queue.LOGIN, 2), 2, 1);
        AgentState to = online("to", Map.of(Queue.LOGIN, 2), 2, 1);
        RoutedCase moved = aCase("moved").in(Queue.LOGIN).assignedTo(to).build();
        RoutedCase next = aCase("next").in(Queue.LOGIN).build();
        Assign nextToFrom = new Assign(next.caseId(), from.agentId(), AssignmentReason.AUTO, Plain.CAPACITY_FREED,
                List.of(), "event-1:assign:" + next.caseId());

        assertThat(given().theCase(moved).assigneeBefore(from.agentId()).agents(from, to).waiting(next)
                .when(byRouting(new CaseAssigned(moved.caseId(), to.agentId(), from.agentId(),
                        AssignmentReason.AUTO))))
                .containsExactly(nextToFrom);
        // CaseAssigned v1 did not say whom the case came from
        assertThat(given().theCase(moved).assigneeBefore(from.agentId()).agents(from, to).waiting(next)
                .when(byPerson(new CaseAssigned(moved.caseId(), to.agentId(), null, AssignmentReason.MANUAL))))
                .containsExactly(new KeepManualAssignment(moved.caseId(), to.agentId(), AssignmentReason.MANUAL),
                        nextToFrom);
    }

    @Test
    void aTagDecidesNothing() {
        RoutedCase routed = aCase("case").in(Queue.LOGIN).build();

        assertThat(given().theCase(routed).agents(online("agent", Map.of(Queue.LOGIN, 2), 2, 0))
                .when(byPerson(new CaseTagged(routed.caseId(), List.of("vip"), List.of())))).isEmpty();
    }

    private static AgentRegistered registered(AgentState agent, Availability availability) {
        return new AgentRegistered(agent.agentId(), "Grace", "grace@example.com",
                agent.skills().entrySet().stream().map(skill -> new Skill(skill.getKey(), skill.getValue())).toList(),
                agent.capacity(), availability);
    }
}
