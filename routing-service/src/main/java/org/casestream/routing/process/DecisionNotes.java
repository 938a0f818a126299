package org.casestream.routing.process;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Queue;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.decider.Cause;
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
import org.casestream.routing.priority.PriorityDecision;

/**
 * How a decision reads in the decisions log: a kind and a JSON object, stored in {@code routing.decisions} and
 * returned as is by {@code GET /api/routing/decisions/{caseId}}. Those fields are an API (people and dashboards
 * read them, rows written before stay in the table), so the typed reasons are written out field by field here,
 * in the log's own words: wire names, ISO instants, ids as strings.
 */
final class DecisionNotes {

    /** One row of the log. */
    record Note(String kind, Map<String, Object> detail) {
    }

    private DecisionNotes() {
    }

    /**
     * The note a decision leaves, given whether its command was accepted (shown on assignments); empty for the
     * decisions that are told through another one's note.
     */
    static Optional<Note> of(RoutingDecision decision, boolean accepted) {
        return Optional.ofNullable(switch (decision) {
            case Classify classify -> classified(classify.why(), null);
            case KeepQueue keep -> classified(keep.why(), keep.kept());
            case Prioritise prioritise -> prioritised(prioritise.why());
            case KeepPriority keep -> prioritised(keep.why());
            case SetSlaTargets sla -> new Detail()
                    .with("policy", sla.due().policy())
                    .with("firstResponseDue", text(sla.due().firstResponseDue()))
                    .with("resolutionDue", text(sla.due().resolutionDue()))
                    .with("because", sla.because().text())
                    .as("sla-set");
            case Assign assign -> assignment(assign.agentId(), assign.reason(), assign.because(), accepted,
                    assign.candidates()).as("assigned");
            case Unassign unassign -> assignment(null, unassign.reason(), unassign.because(), accepted, List.of())
                    .as("unassigned");
            case Wait wait -> new Detail()
                    .with("queue", wait.queue().wire())
                    .with("because", wait.because().text())
                    .with("candidates", List.of())
                    .as("waiting");
            case Learn learn -> new Detail()
                    .with("queue", learn.queue().wire())
                    .with("source", learn.source())
                    .as("learnt");
            case KeepManualAssignment manual -> new Detail()
                    .with("agentId", manual.agentId().toString())
                    .with("reason", manual.reason().wire())
                    .as("manual-assignment");
            case Escalate escalate -> new Detail()
                    .with("target", escalate.breach().target().wire())
                    .with("dueAt", text(escalate.breach().dueAt()))
                    .with("firedAt", text(escalate.firedAt()))
                    .with("priority", escalate.priority().wire())
                    .with("lead", escalate.lead() == null ? null : escalate.lead().toString())
                    .as("escalated");
            case RecordBreach ignored -> null;
            case RaisePriority ignored -> null;
            case FollowUp ignored -> null;
        });
    }

    /**
     * Why the queue: the rule that matched (and whether it is decisive), the classifier's best queue and
     * confidence against its threshold, the runners-up, and the nearest examples with their similarity (a learnt
     * example shows its case, not the customer's words).
     */
    private static Note classified(QueueDecision why, Queue kept) {
        SemanticClassifier.Prediction prediction = why.prediction();
        Detail detail = new Detail()
                .with("queue", why.queue().wire())
                .with("source", why.source().wire())
                .with("ruleId", why.rule() == null ? null : why.rule().id())
                .with("rulePattern", why.rule() == null ? null : why.rule().pattern())
                .with("ruleDecisive", why.rule() == null ? null : why.rule().decisive())
                .with("classifierQueue", prediction.examples() == 0 ? null : prediction.best().wire())
                .with("classifierScore", prediction.examples() == 0 ? null : rounded(prediction.confidence()))
                .with("classifierThreshold", prediction.threshold())
                .with("classifierExamples", prediction.examples())
                .with("runnersUp", prediction.scores().stream().skip(1)
                        .map(score -> new Detail().with("queue", score.queue().wire())
                                .with("score", rounded(score.score())).fields)
                        .toList())
                .with("neighbours", prediction.neighbours().stream()
                        .map(neighbour -> new Detail()
                                .with("queue", neighbour.example().queue().wire())
                                .with("similarity", rounded(neighbour.similarity()))
                                .with("source", neighbour.example().source().wire())
                                .with("exampleId", neighbour.example().id())
                                .with("text", neighbour.example().shownText()).fields)
                        .toList());
        if (kept != null) {
            detail.with("kept", kept.wire());
        }
        return detail.as("classified");
    }

    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Note prioritised(PriorityDecision why) {
        return new Detail()
                .with("priority", why.priority().wire())
                .with("given", why.given().wire())
                .with("requested", why.requested() == null ? null : why.requested().wire())
                .with("matchedRules", why.matchedRuleIds())
                .as("prioritised");
    }

    private static Detail assignment(UUID agentId, AssignmentReason reason, Cause because, boolean accepted,
            List<AgentState> candidates) {
        return new Detail()
                .with("agentId", agentId == null ? null : agentId.toString())
                .with("reason", reason.wire())
                .with("because", because.text())
                .with("accepted", accepted)
                .with("candidates", candidates.stream().map(DecisionNotes::candidate).toList());
    }

    private static Map<String, Object> candidate(AgentState agent) {
        return new Detail()
                .with("agentId", agent.agentId().toString())
                .with("skills", agent.skills())
                .with("load", agent.load())
                .with("capacity", agent.capacity())
                .with("lastAssignedAt", text(agent.lastAssignedAt()))
                .fields;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A JSON object in the making; null values stay (the log has always shown them as null). */
    private static final class Detail {

        private final Map<String, Object> fields = new LinkedHashMap<>();

        Detail with(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        Note as(String kind) {
            return new Note(kind, fields);
        }
    }
}
