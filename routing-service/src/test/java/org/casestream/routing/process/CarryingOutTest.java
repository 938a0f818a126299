package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.ClassificationSource;
import org.casestream.routing.classification.MatchKind;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.Classify;
import org.casestream.routing.decider.RoutingDecision.FollowUp;
import org.casestream.routing.decider.RoutingDecision.KeepPriority;
import org.casestream.routing.decider.RoutingDecision.SetSlaTargets;
import org.casestream.routing.decider.Trigger;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.priority.PriorityDecision;
import org.casestream.routing.sla.SlaDue;
import org.junit.jupiter.api.Test;

/** How the shell carries a trigger's decisions out when the command service turns one down. */
class CarryingOutTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();

    private final Classify classify = new Classify(CASE, new QueueDecision(Queue.LOGIN, ClassificationSource.RULE,
            new ClassificationRule(7, 40, Queue.LOGIN, MatchKind.KEYWORD, "password", false),
            SemanticClassifier.Prediction.nothing(0.55, 0)), "e:classify");
    private final KeepPriority keepPriority = new KeepPriority(CASE, new PriorityDecision(Priority.MEDIUM,
            Priority.MEDIUM, null, List.of()));
    private final SetSlaTargets sla = new SetSlaTargets(CASE, new SlaDue(null, Instant.EPOCH, "medium/standard"),
            Plain.OPENED, "e:sla");
    private final FollowUp followUp = new FollowUp(CASE, new CaseTriaged("e", CASE));
    private final Assign otherCase = new Assign(OTHER, AGENT, AssignmentReason.AUTO, Plain.CAPACITY_FREED, List.of(),
            "e:assign:" + OTHER);

    private final List<RoutingDecision> dispatched = new ArrayList<>();
    private final List<Trigger> decidedAgain = new ArrayList<>();

    @Test
    void everyDecisionGoesOutInOrderAndAFollowUpIsDecidedWhereItStands() {
        RoutingProcess.carryOut(List.of(classify, keepPriority, sla, followUp, otherCase), this::accept,
                decidedAgain::add);

        assertThat(dispatched).containsExactly(classify, keepPriority, sla, otherCase);
        assertThat(decidedAgain).containsExactly(followUp.trigger());
    }

    @Test
    void aRejectionDropsTheRestOfThatCasesDecisionsButNotAnotherCases() {
        RoutingProcess.carryOut(List.of(classify, keepPriority, sla, followUp, otherCase), this::rejectClassify,
                decidedAgain::add);

        assertThat(dispatched).containsExactly(classify, otherCase);
        assertThat(decidedAgain).isEmpty();
    }

    private boolean accept(RoutingDecision decision) {
        dispatched.add(decision);
        return true;
    }

    private boolean rejectClassify(RoutingDecision decision) {
        dispatched.add(decision);
        return !(decision instanceof Classify);
    }
}
