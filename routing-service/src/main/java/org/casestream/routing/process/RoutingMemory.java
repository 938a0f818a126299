package org.casestream.routing.process;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.Skill;
import org.casestream.events.SlaTarget;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseEvent;
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
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.routing.decider.RoutedCase;
import org.casestream.routing.similar.CaseVectors;
import org.springframework.stereotype.Component;

/**
 * What routing remembers of each event in its own tables, before it decides on it: the decider then reads the
 * case and the agents' loads as the event left them. Kafka delivers at least once, so an event whose sequence
 * was already applied is not applied (nor decided on) again.
 */
@Component
class RoutingMemory {

    private final RoutingStore store;
    private final CaseVectors vectors;

    RoutingMemory(RoutingStore store, CaseVectors vectors) {
        this.store = store;
        this.vectors = vectors;
    }

    /**
     * False when there is nothing to decide on: the event was applied already, or its case was opened before
     * routing's history starts (or its CaseOpened is still to come). {@code known}: the case before the event.
     */
    boolean remember(EventEnvelope envelope, CaseEvent event, Optional<RoutedCase> known, boolean byRouting,
            Instant now) {
        if (event instanceof CaseOpened opened) {
            if (known.isPresent()) {
                return false;
            }
            store.insertCase(RoutedCase.opened(opened, Math.max(envelope.sequence(), 0)));
            vectors.opened(opened.caseId(), opened.customer().customerId(), opened.openedAt());
            return true;
        }
        if (known.isEmpty() || alreadyApplied(envelope, known.get().lastSequence())) {
            return false;
        }
        RoutedCase before = known.get();
        UUID caseId = before.caseId();
        switch (event) {
            case CaseOpened ignored -> { }
            case CaseClassified classified -> store.setQueue(caseId, classified.queue());
            case CasePriorityChanged changed -> store.setPriority(caseId, changed.priority());
            case SlaTargetsSet targets -> store.setSla(caseId, targets.firstResponseDue(), targets.resolutionDue(),
                    targets.policy());
            case CaseAssigned assigned -> store.setAssignee(caseId, assigned.agentId(),
                    before.manualAfter(assigned, byRouting));
            case CaseUnassigned ignored -> store.setAssignee(caseId, null, false);
            case CaseStatusChanged changed -> store.setStatus(caseId, changed.status());
            case CaseReopened reopened -> store.setStatus(caseId, reopened.status());
            case FirstResponseRecorded ignored -> store.cancelTimer(caseId, SlaTarget.FIRST_RESPONSE);
            case SlaBreached breached -> store.markFired(caseId, breached.target(), now);
            case CaseEscalated escalated -> store.setEscalationLevel(caseId, escalated.level());
            case CommentAdded ignored -> { }
            case CaseTagged ignored -> { }
            case SatisfactionRated ignored -> { }
            case MacroApplied ignored -> { }
            case CaseSubjectChanged changed -> store.setSubject(caseId, changed.subject());
            case CaseCustomerChanged changed -> {
                store.setTier(caseId, changed.customer().tier());
                vectors.customerChanged(caseId, changed.customer().customerId());
            }
            // a duplicate's closing is the CaseStatusChanged to done that comes with it
            case CaseMergedInto ignored -> { }
            case CaseMerged ignored -> { }
        }
        store.setSequence(caseId, envelope.sequence());
        return true;
    }

    /** False when the event was applied already. */
    boolean remember(EventEnvelope envelope, AgentEvent event) {
        UUID agentId = event.agentId();
        if (alreadyApplied(envelope, store.agentSequence(agentId))) {
            return false;
        }
        long sequence = envelope.sequence();
        switch (event) {
            case AgentRegistered registered -> store.upsertAgent(agentId, registered.availability(),
                    registered.capacity(), registered.skills(), sequence);
            case AgentSkillsChanged changed -> store.upsertAgent(agentId, null, changed.capacity(), changed.skills(),
                    sequence);
            case AgentAvailabilityChanged changed -> {
                if (store.agentSequence(agentId) < 0 && store.agent(agentId).isEmpty()) {
                    // its AgentRegistered is not here (yet): an agent with no skills, until it is
                    store.upsertAgent(agentId, Availability.OFFLINE, 0, List.<Skill>of(), sequence);
                }
                store.setAvailability(agentId, changed.availability(), sequence);
            }
        }
        return true;
    }

    private static boolean alreadyApplied(EventEnvelope envelope, long lastSequence) {
        return envelope.sequence() >= 0 && envelope.sequence() <= lastSequence;
    }
}
