package org.casestream.routing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casestream.routing.decider.RoutingScenario.aCase;
import static org.casestream.routing.decider.RoutingScenario.byPerson;
import static org.casestream.routing.decider.RoutingScenario.byRouting;
import static org.casestream.routing.decider.RoutingScenario.given;
import static org.casestream.routing.decider.RoutingScenario.online;

import java.util.List;
import java.util.Map;

import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.Queue;
import org.casestream.events.cases.CaseClassified;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.Learn;
import org.casestream.routing.decider.RoutingDecision.Unassign;
import org.junit.jupiter.api.Test;

/** A person moves a case to another queue: routing learns from it and the case follows its new queue. */
class RequeueTest {

    private static final String TEXT = "I would like to be reimbursed for the jacket";

    private final AgentState refunds = online("refunds", Map.of(Queue.REFUNDS, 5), 10, 2);
    private final AgentState login = online("login", Map.of(Queue.LOGIN, 3), 10, 2);

    @Test
    void aWaitingCaseMovedByAPersonTeachesTheClassifierAndIsAssignedInItsNewQueue() {
        RoutedCase moved = aCase("moved").in(Queue.REFUNDS).text("Jacket", TEXT).build();

        List<RoutingDecision> decisions = given().theCase(moved).agents(refunds, login).when(requeued(moved));

        assertThat(decisions).containsExactly(
                new Learn(moved.caseId(), Queue.REFUNDS, "manual", moved.text()),
                new Assign(moved.caseId(), refunds.agentId(), AssignmentReason.AUTO, Plain.REQUEUED, List.of(refunds),
                        "event-1:assign:" + moved.caseId()));
        assertThat(((Learn) decisions.getFirst()).text().raw()).isEqualTo("Jacket\n" + TEXT);
    }

    @Test
    void aCaseRoutingGaveToAnAgentWhoDoesNotKnowTheNewQueueIsHandedOnOrLeftToWait() {
        RoutedCase moved = aCase("moved").in(Queue.REFUNDS).text("Jacket", TEXT).assignedTo(login).build();
        Learn learn = new Learn(moved.caseId(), Queue.REFUNDS, "manual", moved.text());
        Cause because = new Cause.RequeuedTo(Queue.REFUNDS);

        assertThat(given().theCase(moved).agents(refunds, login).when(requeued(moved))).containsExactly(learn,
                new Assign(moved.caseId(), refunds.agentId(), AssignmentReason.AUTO, because, List.of(refunds),
                        "event-1:requeue:" + moved.caseId()));
        assertThat(given().theCase(moved).agents(login).when(requeued(moved))).containsExactly(learn,
                new Unassign(moved.caseId(), AssignmentReason.AUTO, because, "event-1:requeue:" + moved.caseId()));
        assertThat(because.text()).isEqualTo("re-queued to Refunds");
    }

    @Test
    void anAgentWhoKnowsTheNewQueueKeepsTheCaseAndSoDoesOneAPersonChose() {
        AgentState both = online("both", Map.of(Queue.REFUNDS, 1, Queue.LOGIN, 3), 10, 2);
        RoutedCase knows = aCase("knows").in(Queue.REFUNDS).assignedTo(both).build();
        RoutedCase chosen = aCase("chosen").in(Queue.REFUNDS).assignedTo(login).manual().build();
        RoutedCase closed = aCase("closed").in(Queue.REFUNDS).status(CaseStatus.DONE).build();

        for (RoutedCase moved : List.of(knows, chosen, closed)) {
            assertThat(given().theCase(moved).agents(refunds, login, both).when(requeued(moved)))
                    .as(moved.toString())
                    .containsExactly(new Learn(moved.caseId(), Queue.REFUNDS, "manual", moved.text()));
        }
    }

    @Test
    void routingsOwnClassificationAndAMoveBackToUnclassifiedTeachNothing() {
        RoutedCase moved = aCase("moved").in(Queue.REFUNDS).build();
        RoutedCase unclassified = aCase("unclassified").build();

        assertThat(given().theCase(moved).agents(refunds).when(byRouting(new CaseClassified(moved.caseId(),
                Queue.REFUNDS, Queue.UNCLASSIFIED, "rule")))).isEmpty();
        assertThat(given().theCase(unclassified).agents(refunds).when(byPerson(new CaseClassified(
                unclassified.caseId(), Queue.UNCLASSIFIED, Queue.REFUNDS, "manual")))).isEmpty();
    }

    private static Trigger requeued(RoutedCase moved) {
        return byPerson(new CaseClassified(moved.caseId(), moved.queue(), Queue.UNCLASSIFIED, "manual"));
    }
}
