package org.casestream.routing.process;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.commands.CaseCommandClient;
import org.casestream.routing.commands.CommandRejected;
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
import org.casestream.routing.examples.TrainingSet;
import org.casestream.routing.similar.CaseVectors;
import org.springframework.stereotype.Component;

/**
 * Carries out one decision: sends its command to the command service, keeps routing's state in step once the
 * command is accepted, and notes the decision in the log. A command the service cannot take now
 * ({@link org.casestream.routing.commands.CommandServiceUnavailable}) is not caught: it rolls the whole trigger
 * back, to be decided again later with the same idempotency keys.
 */
@Component
class DecisionDispatcher {

    private final RoutingStore store;
    private final TrainingSet trainingSet;
    private final CaseVectors vectors;
    private final CaseCommandClient commands;
    private final MeterRegistry meters;

    DecisionDispatcher(RoutingStore store, TrainingSet trainingSet, CaseVectors vectors, CaseCommandClient commands,
                       MeterRegistry meters) {
        this.store = store;
        this.trainingSet = trainingSet;
        this.vectors = vectors;
        this.commands = commands;
        this.meters = meters;
    }

    /** False when the command service rejected the decision's command for good: the case moved on. */
    boolean carryOut(RoutingDecision decision, Instant now) {
        return switch (decision) {
            case Classify classify -> {
                boolean accepted = accepted(() -> commands.classify(classify.caseId(), classify.why().queue(),
                        classify.why().source().wire(), classify.idempotencyKey()));
                if (accepted) {
                    store.setQueue(classify.caseId(), classify.why().queue());
                }
                embedded(classify.caseId(), classify.why());
                yield noted(decision, accepted, now);
            }
            case Prioritise prioritise -> {
                boolean accepted = accepted(() -> commands.changePriority(prioritise.caseId(),
                        prioritise.why().priority(), prioritise.reason(), prioritise.idempotencyKey()));
                if (accepted) {
                    store.setPriority(prioritise.caseId(), prioritise.why().priority());
                }
                yield noted(decision, accepted, now);
            }
            case SetSlaTargets sla -> {
                boolean accepted = accepted(() -> commands.setSlaTargets(sla.caseId(), sla.due().firstResponseDue(),
                        sla.due().resolutionDue(), sla.due().policy(), sla.idempotencyKey()));
                if (accepted) {
                    store.setSla(sla.caseId(), sla.due().firstResponseDue(), sla.due().resolutionDue(),
                            sla.due().policy());
                    noted(decision, true, now);
                }
                yield accepted;
            }
            case Assign assign -> {
                boolean accepted = accepted(() -> commands.assign(assign.caseId(), assign.agentId(), assign.reason(),
                        assign.idempotencyKey()));
                if (accepted) {
                    store.setAssignee(assign.caseId(), assign.agentId(), false);
                    store.touchAssigned(assign.agentId(), now);
                }
                yield noted(decision, accepted, now);
            }
            case Unassign unassign -> {
                boolean accepted = accepted(() -> commands.assign(unassign.caseId(), null, unassign.reason(),
                        unassign.idempotencyKey()));
                if (accepted) {
                    store.setAssignee(unassign.caseId(), null, false);
                }
                yield noted(decision, accepted, now);
            }
            case Learn learn -> {
                trainingSet.add(learn.caseId(), learn.queue(), learn.text().raw(), now);
                yield noted(decision, true, now);
            }
            case KeepQueue keep -> {
                embedded(keep.caseId(), keep.why());
                yield noted(decision, true, now);
            }
            case KeepPriority ignored -> noted(decision, true, now);
            case Wait ignored -> noted(decision, true, now);
            case KeepManualAssignment ignored -> noted(decision, true, now);
            case RecordBreach breach -> {
                boolean accepted = accepted(() -> commands.recordBreach(breach.caseId(), breach.breach().target(),
                        breach.breach().dueAt(), breach.idempotencyKey()));
                if (accepted) {
                    // SLA breaches recorded, by target (first-response, resolution): the dashboard's breach rate
                    meters.counter("casestream.sla.breaches", "target", breach.breach().target().wire()).increment();
                }
                yield accepted;
            }
            case Escalate escalate -> noted(decision, accepted(() -> commands.escalate(escalate.caseId(),
                    escalate.breach().text(), escalate.idempotencyKey())), now);
            case RaisePriority raise -> {
                boolean accepted = accepted(() -> commands.changePriority(raise.caseId(), raise.priority(),
                        raise.reason(), raise.idempotencyKey()));
                if (accepted) {
                    store.setPriority(raise.caseId(), raise.priority());
                }
                yield accepted;
            }
            case FollowUp ignored -> throw new IllegalArgumentException("a follow-up is decided on, not carried out");
        };
    }

    /** Notes the decision (noted whatever the answer, so the log says what was tried) and passes the answer on. */
    /** The triaged case's embedding, kept for similar cases (none when there were no examples to compare with). */
    private void embedded(UUID caseId, QueueDecision why) {
        if (why.prediction().vector() != null) {
            vectors.embedded(caseId, why.prediction().vector());
        }
    }

    private boolean noted(RoutingDecision decision, boolean accepted, Instant now) {
        DecisionNotes.of(decision, accepted).ifPresent(note ->
                store.recordDecision(decision.caseId(), now, note.kind(), note.detail()));
        return accepted;
    }

    /** True when the command service accepted the command; false when it rejected it for good. */
    private static boolean accepted(Runnable command) {
        try {
            command.run();
            return true;
        } catch (CommandRejected rejected) {
            return false;
        }
    }
}
