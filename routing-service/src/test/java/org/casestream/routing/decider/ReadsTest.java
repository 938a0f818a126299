package org.casestream.routing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casestream.routing.decider.RoutingScenario.EVENT_ID;
import static org.casestream.routing.decider.RoutingScenario.NOW;
import static org.casestream.routing.decider.RoutingScenario.agentEvent;
import static org.casestream.routing.decider.RoutingScenario.byPerson;
import static org.casestream.routing.decider.RoutingScenario.byRouting;
import static org.casestream.routing.decider.RoutingScenario.id;

import java.util.List;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.routing.decider.RoutingDecider.Reads;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.decider.Trigger.SlaTimerDue;
import org.junit.jupiter.api.Test;

/** What the shell loads and locks for a trigger: exactly what its decisions read, no more. */
class ReadsTest {

    private static final UUID CASE = id("case");
    private static final UUID AGENT = id("agent");
    private static final UUID FORMER = id("former");

    @Test
    void aNewCaseIsTriagedOnTheRulesWithoutTheLockAndAssignedUnderItInItsFollowUp() {
        CaseOpened opened = new CaseOpened(CASE, "CS-1", new Customer("c", "Ada", "ada@example.com", null), "Hi",
                "", Channel.WEB, null, null, null, List.of(), NOW);

        assertThat(RoutingDecider.takesDecisionLock(byPerson(opened))).isFalse();
        assertThat(RoutingDecider.reads(byPerson(opened), null)).isEqualTo(new Reads(false, null, null, true));
        assertThat(RoutingDecider.takesDecisionLock(new CaseTriaged(EVENT_ID, CASE))).isTrue();
        assertThat(RoutingDecider.reads(new CaseTriaged(EVENT_ID, CASE), null))
                .isEqualTo(new Reads(true, null, null, false));
    }

    @Test
    void whatTouchesOnlyItsOwnCaseTakesNoLockAndReadsNoAgents() {
        for (Trigger trigger : List.of(byPerson(new CaseTagged(CASE, List.of("vip"), List.of())),
                byRouting(new CaseClassified(CASE, Queue.LOGIN, Queue.UNCLASSIFIED, "rule")),
                byPerson(new CaseStatusChanged(CASE, CaseStatus.IN_PROGRESS, CaseStatus.NEW)))) {
            assertThat(RoutingDecider.takesDecisionLock(trigger)).as(trigger.toString()).isFalse();
            assertThat(RoutingDecider.reads(trigger, AGENT)).as(trigger.toString())
                    .isEqualTo(new Reads(false, null, null, false));
        }
        assertThat(RoutingDecider.reads(byPerson(new CasePriorityChanged(CASE, Priority.HIGH, Priority.LOW, "x")),
                AGENT)).isEqualTo(new Reads(false, null, null, true));
    }

    @Test
    void whatMayAssignTakesTheLockAndReadsTheAgentsAndTheLineOfWhoeverHasRoom() {
        Trigger reassigned = byPerson(new CaseAssigned(CASE, AGENT, FORMER, AssignmentReason.MANUAL));
        Trigger closed = byPerson(new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.IN_PROGRESS));
        Trigger requeued = byPerson(new CaseClassified(CASE, Queue.LOGIN, Queue.UNCLASSIFIED, "manual"));

        assertThat(RoutingDecider.takesDecisionLock(reassigned)).isTrue();
        assertThat(RoutingDecider.reads(reassigned, FORMER)).isEqualTo(new Reads(true, FORMER, null, false));
        assertThat(RoutingDecider.reads(closed, AGENT)).isEqualTo(new Reads(true, AGENT, null, false));
        assertThat(RoutingDecider.reads(requeued, AGENT)).isEqualTo(new Reads(true, null, null, false));
        assertThat(RoutingDecider.takesDecisionLock(new SlaTimerDue(CASE, SlaTarget.RESOLUTION, NOW))).isTrue();
    }

    @Test
    void anOldAssignmentWithoutItsPreviousAgentReadsTheAgentsButTakesNoLockAsBefore() {
        Trigger v1 = byPerson(new CaseAssigned(CASE, AGENT, null, AssignmentReason.MANUAL));

        assertThat(RoutingDecider.takesDecisionLock(v1)).isFalse();
        assertThat(RoutingDecider.reads(v1, FORMER)).isEqualTo(new Reads(true, FORMER, null, false));
        assertThat(RoutingDecider.reads(v1, AGENT)).isEqualTo(new Reads(false, null, null, false));
    }

    @Test
    void anAgentComingOnlineHasRoomAndOneGoingOfflineIsGone() {
        Trigger back = agentEvent(new AgentAvailabilityChanged(AGENT, Availability.ONLINE, Availability.OFFLINE));
        Trigger gone = agentEvent(new AgentAvailabilityChanged(AGENT, Availability.OFFLINE, Availability.ONLINE));
        Trigger away = agentEvent(new AgentAvailabilityChanged(AGENT, Availability.AWAY, Availability.ONLINE));

        assertThat(RoutingDecider.reads(back, null)).isEqualTo(new Reads(true, AGENT, null, false));
        assertThat(RoutingDecider.reads(gone, null)).isEqualTo(new Reads(true, null, AGENT, false));
        assertThat(RoutingDecider.reads(away, null)).isEqualTo(new Reads(true, null, null, false));
    }
}
