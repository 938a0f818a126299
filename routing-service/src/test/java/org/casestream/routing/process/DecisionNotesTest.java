package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.ClassificationSource;
import org.casestream.routing.classification.Example;
import org.casestream.routing.classification.MatchKind;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.decider.Cause;
import org.casestream.routing.decider.Cause.Breach;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision;
import org.casestream.routing.decider.RoutingDecision.Assign;
import org.casestream.routing.decider.RoutingDecision.Classify;
import org.casestream.routing.decider.RoutingDecision.Escalate;
import org.casestream.routing.decider.RoutingDecision.FollowUp;
import org.casestream.routing.decider.RoutingDecision.KeepManualAssignment;
import org.casestream.routing.decider.RoutingDecision.KeepPriority;
import org.casestream.routing.decider.RoutingDecision.KeepQueue;
import org.casestream.routing.decider.RoutingDecision.Learn;
import org.casestream.routing.decider.RoutingDecision.Prioritise;
import org.casestream.routing.decider.RoutingDecision.RaisePriority;
import org.casestream.routing.decider.RoutingDecision.RecordBreach;
import org.casestream.routing.decider.RoutingDecision.SetSlaTargets;
import org.casestream.routing.decider.RoutingDecision.Unassign;
import org.casestream.routing.decider.RoutingDecision.Wait;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.priority.PriorityDecision;
import org.casestream.routing.sla.SlaDue;
import org.junit.jupiter.api.Test;

/**
 * The decisions log is an API: each typed decision is written with the kinds and fields the log has always had
 * (they were maps built in place before the decider), so stored rows and what reads them stay as they are.
 */
class DecisionNotesTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID AGENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void classificationSaysWhereWhyAndWhatTheClassifierThought() {
        Example shipped = new Example("12", Queue.REFUNDS, Example.Source.SHIPPED, "I want my money back");
        Example learnt = new Example("00000000-0000-0000-0000-0000000000ee", Queue.PAYMENTS, Example.Source.LEARNT,
                "a customer's own words");
        SemanticClassifier.Prediction unsure = new SemanticClassifier.Prediction(Queue.UNCLASSIFIED, Queue.REFUNDS,
                0.41234, List.of(new SemanticClassifier.QueueScore(Queue.REFUNDS, 0.41234),
                        new SemanticClassifier.QueueScore(Queue.PAYMENTS, 0.35)),
                List.of(new SemanticClassifier.Neighbour(shipped, 0.71234),
                        new SemanticClassifier.Neighbour(learnt, 0.7)), 0.55, 25, new float[] {1f});
        QueueDecision byRule = new QueueDecision(Queue.PAYMENTS, ClassificationSource.RULE,
                new ClassificationRule(4, 20, Queue.PAYMENTS, MatchKind.PHRASE, "charged twice", false), unsure);
        QueueDecision none = new QueueDecision(Queue.UNCLASSIFIED, ClassificationSource.NONE, null,
                SemanticClassifier.Prediction.nothing(0.55, 0));

        assertThat(note(new Classify(CASE, byRule, "k"), true)).isEqualTo(new DecisionNotes.Note("classified",
                fields("queue", "Payments", "source", "rule", "ruleId", 4L, "rulePattern", "charged twice",
                        "ruleDecisive", false, "classifierQueue", "Refunds", "classifierScore", 0.412,
                        "classifierThreshold", 0.55, "classifierExamples", 25,
                        "runnersUp", List.of(fields("queue", "Payments", "score", 0.35)),
                        "neighbours", List.of(
                                fields("queue", "Refunds", "similarity", 0.712, "source", "shipped", "exampleId", "12",
                                        "text", "I want my money back"),
                                // a learnt example is a customer's text: its case is named, its words are not
                                fields("queue", "Payments", "similarity", 0.7, "source", "learnt",
                                        "exampleId", "00000000-0000-0000-0000-0000000000ee", "text", null)))));
        assertThat(note(new KeepQueue(CASE, Queue.LOGIN, none), true)).isEqualTo(new DecisionNotes.Note("classified",
                fields("queue", "Unclassified", "source", "none", "ruleId", null, "rulePattern", null,
                        "ruleDecisive", null, "classifierQueue", null, "classifierScore", null,
                        "classifierThreshold", 0.55, "classifierExamples", 0, "runnersUp", List.of(),
                        "neighbours", List.of(), "kept", "Login")));
    }

    @Test
    void prioritySaysTheResultWhatWasGivenAskedForAndTheRulesThatMatched() {
        PriorityDecision why = new PriorityDecision(Priority.HIGH, Priority.LOW, Priority.CRITICAL, List.of(10L, 50L));
        DecisionNotes.Note expected = new DecisionNotes.Note("prioritised", fields("priority", "high", "given", "low",
                "requested", "critical", "matchedRules", List.of(10L, 50L)));

        assertThat(note(new Prioritise(CASE, why, "k"), true)).isEqualTo(expected);
        assertThat(note(new KeepPriority(CASE, why), true)).isEqualTo(expected);
    }

    @Test
    void slaTargetsAreIsoInstantsWithThePolicyAndWhy() {
        SlaDue due = new SlaDue(null, AT.plusSeconds(3600), "high/gold");

        assertThat(note(new SetSlaTargets(CASE, due, new Cause.PriorityChanged(Priority.HIGH), "k"), true))
                .isEqualTo(new DecisionNotes.Note("sla-set", fields("policy", "high/gold", "firstResponseDue", null,
                        "resolutionDue", "2026-11-23T10:00:00Z", "because", "priority changed to high")));
    }

    @Test
    void anAssignmentShowsTheAnswerAndTheCandidatesAnUnassignmentNone() {
        AgentState candidate = new AgentState(AGENT, Availability.ONLINE, Map.of(Queue.LOGIN, 3), 5, 2, AT);

        assertThat(note(new Assign(CASE, AGENT, AssignmentReason.AUTO, new Cause.UnassignedBy("lead-lisa"),
                List.of(candidate), "k"), false)).isEqualTo(new DecisionNotes.Note("assigned", fields(
                "agentId", AGENT.toString(), "reason", "auto", "because", "unassigned by lead-lisa", "accepted", false,
                "candidates", List.of(fields("agentId", AGENT.toString(), "skills", Map.of(Queue.LOGIN, 3),
                        "load", 2, "capacity", 5, "lastAssignedAt", "2026-11-23T09:00:00Z")))));
        assertThat(note(new Unassign(CASE, AssignmentReason.AGENT_OFFLINE, Plain.AGENT_WENT_OFFLINE, "k"), true))
                .isEqualTo(new DecisionNotes.Note("unassigned", fields("agentId", null, "reason", "agent-offline",
                        "because", "agent went offline", "accepted", true, "candidates", List.of())));
    }

    @Test
    void waitingLearningAndAPersonsAssignmentAreNotedInTheirFewWords() {
        assertThat(note(new Wait(CASE, Queue.ORDERS, Plain.REOPENED), true)).isEqualTo(new DecisionNotes.Note(
                "waiting", fields("queue", "Orders", "because", "reopened", "candidates", List.of())));
        assertThat(note(new Learn(CASE, Queue.REFUNDS, "manual", CaseText.of("Jacket", "reimburse me")), true))
                .isEqualTo(new DecisionNotes.Note("learnt", fields("queue", "Refunds", "source", "manual")));
        assertThat(note(new KeepManualAssignment(CASE, AGENT, AssignmentReason.TRANSFER), true))
                .isEqualTo(new DecisionNotes.Note("manual-assignment", fields("agentId", AGENT.toString(),
                        "reason", "transfer")));
    }

    @Test
    void anEscalationSaysWhichTargetWhenTheNewPriorityAndTheLeadWhileItsCommandsAreNotNotedApart() {
        Breach breach = new Breach(SlaTarget.FIRST_RESPONSE, AT.minusSeconds(60));

        assertThat(note(new Escalate(CASE, breach, AT, Priority.HIGH, null, "k"), true)).isEqualTo(
                new DecisionNotes.Note("escalated", fields("target", "first-response", "dueAt", "2026-11-23T08:59:00Z",
                        "firedAt", "2026-11-23T09:00:00Z", "priority", "high", "lead", null)));
        for (RoutingDecision untold : List.of(new RecordBreach(CASE, breach, "k"),
                new RaisePriority(CASE, Priority.HIGH, breach, "k"),
                new FollowUp(CASE, new CaseTriaged("e", CASE)))) {
            assertThat(DecisionNotes.of(untold, true)).as(untold.toString()).isEmpty();
        }
    }

    private static DecisionNotes.Note note(RoutingDecision decision, boolean accepted) {
        return DecisionNotes.of(decision, accepted).orElseThrow();
    }

    /** Names and values in turn, nulls allowed (Map.of takes none). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        assertThat(namesAndValues.length % 2).as(Arrays.toString(namesAndValues)).isZero();
        return fields;
    }
}
