package org.casestream.routing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casestream.routing.decider.RoutingScenario.NOW;
import static org.casestream.routing.decider.RoutingScenario.aCase;
import static org.casestream.routing.decider.RoutingScenario.given;
import static org.casestream.routing.decider.RoutingScenario.offline;
import static org.casestream.routing.decider.RoutingScenario.online;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.decider.Cause.Breach;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.Escalate;
import org.casestream.routing.decider.RoutingDecision.RaisePriority;
import org.casestream.routing.decider.RoutingDecision.RecordBreach;
import org.casestream.routing.decider.Trigger.SlaTimerDue;
import org.junit.jupiter.api.Test;

/** An SLA timer comes due: breach, escalation, a raised priority and a lead. */
class EscalationTest {

    private static final Instant DUE = NOW.minus(Duration.ofSeconds(3));

    private final AgentState agent = online("agent", Map.of(Queue.ORDERS, 2), 5, 1);
    // a lead takes an escalation even when full: it must land somewhere
    private final AgentState lead = online("lead", Map.of(Queue.ORDERS, 5), 3, 3);
    private final AgentState leadAway = offline("lead-away", Map.of(Queue.ORDERS, 5), 3, 0);

    @Test
    void aBreachedTargetIsRecordedEscalatedRaisesThePriorityAndGoesToALead() {
        RoutedCase late = aCase("late").in(Queue.ORDERS).priority(Priority.MEDIUM).assignedTo(agent).build();
        String key = "sla:" + late.caseId() + ":first-response";
        Breach breach = new Breach(SlaTarget.FIRST_RESPONSE, DUE);

        List<RoutingDecision> decisions = given().theCase(late).agents(agent, lead, leadAway).when(due(late));

        assertThat(decisions).containsExactly(
                new RecordBreach(late.caseId(), breach, key + ":breach"),
                new Escalate(late.caseId(), breach, NOW, Priority.HIGH, lead.agentId(), key + ":escalate"),
                new RaisePriority(late.caseId(), Priority.HIGH, breach, key + ":priority"),
                new Assign(late.caseId(), lead.agentId(), AssignmentReason.ESCALATION, Plain.ESCALATED_TO_LEAD,
                        List.of(lead), key + ":lead"));
        assertThat(breach.text()).isEqualTo("SLA first-response breached (due " + DUE + ")");
        assertThat(((RaisePriority) decisions.get(2)).reason()).isEqualTo("escalation: " + breach.text());
    }

    @Test
    void aCriticalCaseStaysCriticalAndALeadWhoHasItAlreadyKeepsIt() {
        RoutedCase late = aCase("late").in(Queue.ORDERS).priority(Priority.CRITICAL).assignedTo(lead).build();

        assertThat(given().theCase(late).agents(agent, lead).when(due(late)))
                .extracting(decision -> decision.getClass().getSimpleName())
                .containsExactly("RecordBreach", "Escalate");
    }

    @Test
    void withNoLeadOnlineTheCaseIsEscalatedWhereItIs() {
        RoutedCase late = aCase("late").in(Queue.ORDERS).priority(Priority.LOW).assignedTo(agent).build();

        List<RoutingDecision> decisions = given().theCase(late).agents(agent, leadAway).when(due(late));

        assertThat(decisions).hasSize(3).noneMatch(Assign.class::isInstance);
        assertThat(decisions.get(1)).isInstanceOfSatisfying(Escalate.class, escalate -> {
            assertThat(escalate.lead()).isNull();
            assertThat(escalate.priority()).isEqualTo(Priority.MEDIUM);
        });
    }

    @Test
    void aTimerOnAClosedOrUnknownCaseDecidesNothing() {
        RoutedCase closed = aCase("closed").in(Queue.ORDERS).status(CaseStatus.DONE).build();

        assertThat(given().theCase(closed).agents(lead).when(due(closed))).isEmpty();
        assertThat(given().agents(lead).when(due(closed))).isEmpty();
    }

    private static SlaTimerDue due(RoutedCase routed) {
        return new SlaTimerDue(routed.caseId(), SlaTarget.FIRST_RESPONSE, DUE);
    }
}
