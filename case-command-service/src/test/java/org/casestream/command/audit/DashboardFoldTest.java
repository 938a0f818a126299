package org.casestream.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.casestream.events.Tier;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.junit.jupiter.api.Test;

/** Given a log's events, when the dashboard is asked for at an instant, then its figures are those of that instant. */
class DashboardFoldTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private final DashboardFold fold = new DashboardFold();

    private UUID opened(String number, Instant at) {
        UUID caseId = UUID.randomUUID();
        fold.apply(new CaseOpened(caseId, number, new Customer("c", "Ada", "ada@example.com", Tier.STANDARD), "Help",
                "", Channel.EMAIL, null, Queue.UNCLASSIFIED, Priority.MEDIUM, List.of(), at), at);
        return caseId;
    }

    @Test
    void slaStatesAreThoseOfTheInstantAsked() {
        UUID dueSoon = opened("CS-1", T.minusSeconds(600));
        fold.apply(new SlaTargetsSet(dueSoon, T.plusSeconds(1800), T.plusSeconds(86_400), "p"), T);
        UUID answered = opened("CS-2", T.minusSeconds(600));
        fold.apply(new SlaTargetsSet(answered, T.minusSeconds(60), T.plusSeconds(86_400), "p"), T);
        fold.apply(new FirstResponseRecorded(answered, T.minusSeconds(120), "a"), T);
        UUID recorded = opened("CS-3", T.minusSeconds(600));
        fold.apply(new SlaTargetsSet(recorded, null, T.plusSeconds(86_400), "p"), T);
        fold.apply(new SlaBreached(recorded, SlaTarget.RESOLUTION, T), T);
        UUID overdue = opened("CS-4", T.minusSeconds(600));
        fold.apply(new SlaTargetsSet(overdue, null, T.minusSeconds(1), "p"), T);

        DashboardAsOf.SlaFigures sla = fold.view(T, HOUR, T).sla();

        // due soon: at risk; answered before its first-response due: its resolution is a day off, ok;
        // a breach recorded, and a resolution overdue: breached
        assertThat(sla.atRisk()).isEqualTo(1);
        assertThat(sla.breached()).isEqualTo(2);
        DashboardAsOf.SlaFigures hourBefore = fold.view(T.minusSeconds(3600), HOUR, T).sla();
        assertThat(hourBefore.atRisk()).as("an hour before, the overdue one was due within the hour").isEqualTo(1);
        assertThat(hourBefore.breached()).as("only the recorded breach").isEqualTo(1);
    }

    @Test
    void countsByStatusPriorityQueueAndTheAgentsLoadAndResolvedThatDay() {
        UUID agent = UUID.randomUUID();
        fold.apply(new AgentRegistered(agent, "Asa", "asa@example.com", List.of(), 3, null), T.minusSeconds(9000));
        fold.apply(new AgentAvailabilityChanged(agent, Availability.ONLINE, Availability.OFFLINE), T.minusSeconds(8000));
        UUID critical = opened("CS-10", T.minusSeconds(7200));
        fold.apply(new CaseClassified(critical, Queue.REFUNDS, Queue.UNCLASSIFIED, "rule"), T.minusSeconds(7100));
        fold.apply(new CasePriorityChanged(critical, Priority.CRITICAL, Priority.MEDIUM, null), T.minusSeconds(7000));
        fold.apply(new CaseAssigned(critical, agent, null, AssignmentReason.AUTO), T.minusSeconds(6900));
        UUID resolved = opened("CS-11", T.minusSeconds(7200));
        fold.apply(new CaseAssigned(resolved, agent, null, AssignmentReason.AUTO), T.minusSeconds(6000));
        fold.apply(new CaseStatusChanged(resolved, CaseStatus.DONE, CaseStatus.NEW), T.minusSeconds(5000));
        UUID reopened = opened("CS-12", T.minusSeconds(7200));
        fold.apply(new CaseStatusChanged(reopened, CaseStatus.DONE, CaseStatus.NEW), T.minusSeconds(4000));
        fold.apply(CaseReopened.agentReopened(reopened, "not fixed"), T.minusSeconds(3000));

        DashboardAsOf.View view = fold.view(T, HOUR, T);

        assertThat(view.byStatus()).containsEntry("new", 1L).containsEntry("inprogress", 1L).containsEntry("done", 1L);
        assertThat(view.openByPriority()).containsEntry("critical", 1L).containsEntry("medium", 1L);
        assertThat(view.byQueueAndStatus().get("Refunds")).containsEntry("new", 1L);
        assertThat(view.criticalOpen().count()).isEqualTo(1);
        assertThat(view.criticalOpen().cases()).extracting(DashboardAsOf.CriticalCase::caseId).containsExactly(critical);
        assertThat(view.agents()).singleElement().satisfies(row -> {
            assertThat(row.availability()).isEqualTo(Availability.ONLINE);
            assertThat(row.load()).isEqualTo(1);
            assertThat(row.resolvedToday()).isEqualTo(1);
        });
        assertThat(view.volume()).hasSize(DashboardFold.VOLUME_DAYS);
        assertThat(view.volume().getLast().opened()).isEqualTo(3);
        assertThat(view.volume().getLast().resolved()).as("the reopened case is not resolved").isEqualTo(1);
        assertThat(view.asOf()).isEqualTo(T);
    }
}
