package org.casestream.routing.decider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.casestream.events.Queue;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.QueueClassifier;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision.Classify;
import org.casestream.routing.decider.RoutingDecision.FollowUp;
import org.casestream.routing.decider.RoutingDecision.KeepManualAssignment;
import org.casestream.routing.decider.RoutingDecision.KeepPriority;
import org.casestream.routing.decider.RoutingDecision.KeepQueue;
import org.casestream.routing.decider.RoutingDecision.Learn;
import org.casestream.routing.decider.RoutingDecision.Prioritise;
import org.casestream.routing.decider.RoutingDecision.SetSlaTargets;
import org.casestream.routing.decider.RoutingState.Policies;
import org.casestream.routing.decider.Trigger.CaseChanged;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.priority.PriorityDecision;
import org.casestream.routing.priority.PriorityPolicy;
import org.casestream.routing.sla.SlaPolicy;

/** Decisions on case events. The state's case is the case after the event: the shell remembered it first. */
final class CaseDecisions {

    private CaseDecisions() {
    }

    static List<RoutingDecision> decide(RoutingState state, CaseChanged changed, Instant now) {
        RoutedCase routed = state.routedCase();
        if (routed == null) {
            return List.of();
        }
        Plan plan = new Plan(state, now);
        String key = changed.eventId();
        switch (changed.event()) {
            case CaseOpened opened -> triage(plan, state, routed, opened, key);
            case CaseClassified classified -> classified(plan, routed, classified, changed.byRouting(), key);
            case CasePriorityChanged priorityChanged -> sla(routed, key, new Cause.PriorityChanged(
                    priorityChanged.priority()), state.requirePolicies().slaPolicy()).ifPresent(plan::add);
            case CaseAssigned assigned -> {
                if (RoutedCase.byPerson(assigned, changed.byRouting())) {
                    plan.add(new KeepManualAssignment(routed.caseId(), assigned.agentId(), assigned.reason()));
                }
            }
            case CaseUnassigned ignored -> {
                if (!changed.byRouting()) {
                    plan.assignOne(routed, key, new Cause.UnassignedBy(changed.actor()));
                }
            }
            case CaseReopened ignored -> plan.assignOne(routed, key, Plain.REOPENED);
            case CaseStatusChanged ignored -> { }
            case SlaTargetsSet ignored -> { }
            case FirstResponseRecorded ignored -> { }
            case SlaBreached ignored -> { }
            case CaseEscalated ignored -> { }
            case CommentAdded ignored -> { }
            case CaseTagged ignored -> { }
            case SatisfactionRated ignored -> { }
            case MacroApplied ignored -> { } // what a macro changed arrives as those changes' own events
            // a case keeps its queue, priority and SLA when its subject or customer is corrected
            case CaseSubjectChanged ignored -> { }
            case CaseCustomerChanged ignored -> { }
            case CaseMergedInto ignored -> { }
            case CaseMerged ignored -> { }
        }
        // last, so the cases assigned above are not offered again and their agents' loads count
        UUID agentWithRoom = RoutingDecider.reads(changed, state.assigneeBefore()).agentWithRoom();
        if (agentWithRoom != null) {
            plan.drainFor(agentWithRoom, key);
        }
        return plan.decisions();
    }

    /** The triage answered: the case goes to an agent now if one fits, on the queue it actually got. */
    static List<RoutingDecision> assignTriaged(RoutingState state, CaseTriaged triaged, Instant now) {
        Plan plan = new Plan(state, now);
        if (state.routedCase() != null) {
            plan.assignOne(state.routedCase(), triaged.eventId(), Plain.OPENED);
        }
        return plan.decisions();
    }

    /**
     * A new case: classify it (a decisive rule, else the classifier when sure, else a rule), raise its priority as the rules
     * and its channel's request say, set its SLA targets for that priority, then assign it in a follow-up.
     * A queue given at intake stands: routing only classifies what came in unclassified.
     */
    private static void triage(Plan plan, RoutingState state, RoutedCase fresh, CaseOpened opened, String key) {
        Policies policies = state.requirePolicies();
        CaseText text = fresh.text();
        QueueDecision queue = QueueClassifier.classify(text, policies.classificationRules(),
                policies.classifier().predict(text), policies.archivedQueues());
        if (Queue.UNCLASSIFIED.equals(opened.queue()) && !Queue.UNCLASSIFIED.equals(queue.queue())) {
            plan.add(new Classify(fresh.caseId(), queue, key + ":classify"));
        } else {
            plan.add(new KeepQueue(fresh.caseId(), opened.queue(), queue));
        }
        PriorityDecision priority = PriorityPolicy.decide(opened.priority(), opened.requestedPriority(), text,
                fresh.tier(), fresh.channel(), policies.priorityRules());
        plan.add(priority.raised()
                ? new Prioritise(fresh.caseId(), priority, key + ":priority")
                : new KeepPriority(fresh.caseId(), priority));
        sla(fresh.withPriority(priority.priority()), key, Plain.OPENED, policies.slaPolicy()).ifPresent(plan::add);
        plan.add(new FollowUp(fresh.caseId(), new CaseTriaged(key, fresh.caseId())));
    }

    /**
     * A person moved the case: the correction is a training example for the classifier, and a case routing
     * placed goes to someone who knows the new queue (or waits). A case a person assigned stays where it is.
     */
    private static void classified(Plan plan, RoutedCase moved, CaseClassified classified, boolean byRouting,
            String key) {
        if (byRouting || Queue.UNCLASSIFIED.equals(classified.queue())) {
            return;
        }
        plan.add(new Learn(moved.caseId(), classified.queue(), classified.source(), moved.text()));
        if (!moved.open() || moved.manual()) {
            return;
        }
        if (moved.assignee() == null) {
            plan.assignOne(moved, key, Plain.REQUEUED);
        } else {
            plan.requeue(moved, key);
        }
    }

    /** SLA targets from the policy matrix, when they differ from what the case has (and it is open). */
    private static Optional<SetSlaTargets> sla(RoutedCase routed, String key, Cause because, SlaPolicy policy) {
        if (!routed.open()) {
            return Optional.empty();
        }
        return policy.due(routed.openedAt(), routed.priority(), routed.tier())
                .filter(due -> !(Objects.equals(due.firstResponseDue(), routed.firstResponseDue())
                        && Objects.equals(due.resolutionDue(), routed.resolutionDue())))
                .map(due -> new SetSlaTargets(routed.caseId(), due, because, key + ":sla"));
    }
}
