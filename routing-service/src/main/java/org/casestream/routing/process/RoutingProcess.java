package org.casestream.routing.process;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.DomainEvent;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.SlaTarget;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.routing.RoutingProperties;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.AssignmentPolicy;
import org.casestream.routing.assignment.Move;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.assignment.Roster;
import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.QueueClassifier;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.commands.CaseCommandClient;
import org.casestream.routing.commands.CommandRejected;
import org.casestream.routing.commands.CommandsProperties;
import org.casestream.routing.config.RoutingConfigStore;
import org.casestream.routing.priority.PriorityDecision;
import org.casestream.routing.priority.PriorityPolicy;
import org.casestream.routing.sla.SlaDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing's process manager: each event updates routing's state and may lead to decisions, which are sent as
 * commands. One event is one transaction under the decision lock; the state change commits only after every
 * command of the decision was accepted (or rejected for good), and the caller acknowledges the Kafka record
 * only after that commit. A failure rolls everything back and the event is handled again later: commands carry
 * idempotency keys made from the event id, so what was already applied is not applied twice.
 */
@Service
public class RoutingProcess {

    private static final Logger log = LoggerFactory.getLogger(RoutingProcess.class);

    private final RoutingStore store;
    private final RoutingConfigStore config;
    private final ClassifierModel model;
    private final CaseCommandClient commands;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RoutingProperties properties;
    private final String self;

    public RoutingProcess(RoutingStore store, RoutingConfigStore config, ClassifierModel model,
            CaseCommandClient commands, TransactionTemplate transaction, Clock clock, RoutingProperties properties,
            CommandsProperties commandsProperties) {
        this.store = store;
        this.config = config;
        this.model = model;
        this.commands = commands;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
        this.self = commandsProperties.user();
    }

    public void handle(EventEnvelope envelope) {
        transaction.executeWithoutResult(status -> {
            DomainEvent event = envelope.event();
            if (mayAssign(event, self.equals(envelope.actor()))) {
                store.lockDecisions();
            }
            switch (event) {
                case CaseEvent caseEvent -> onCaseEvent(envelope, caseEvent);
                case AgentEvent agentEvent -> onAgentEvent(envelope, agentEvent);
                default -> log.debug("Not routing's concern: {}", event.getClass().getSimpleName());
            }
        });
    }

    /**
     * Whether the event can lead to an assignment, which plans on every agent's load: those decisions take the
     * decision lock first, so no other decision (here or in another instance) plans on the same loads meanwhile.
     * The rest (routing's own echoes, comments, tags) touch only their own case, which their partition's single
     * consumer owns, and run without it. CaseOpened takes it just before assigning (its row is not yet visible to
     * anyone else, so nothing can wait on it while it waits for the lock).
     */
    private static boolean mayAssign(DomainEvent event, boolean byRouting) {
        return switch (event) {
            case AgentEvent ignored -> true;
            case CaseClassified ignored -> !byRouting;
            case CaseAssigned assigned -> assigned.previousAgentId() != null;
            case CaseUnassigned ignored -> true;
            case CaseStatusChanged changed -> changed.status() == CaseStatus.DONE;
            case CaseReopened ignored -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- cases

    private void onCaseEvent(EventEnvelope envelope, CaseEvent event) {
        Optional<CaseRecord> known = store.findCase(event.caseId());
        if (event instanceof CaseOpened opened) {
            if (known.isEmpty()) {
                opened(envelope, opened);
            }
            return;
        }
        if (known.isEmpty()) {
            // opened before routing's history starts (or its CaseOpened is still to come): nothing to decide on
            return;
        }
        CaseRecord current = known.get();
        if (envelope.sequence() >= 0 && envelope.sequence() <= current.lastSequence()) {
            return; // already applied: Kafka delivers at least once
        }
        boolean byRouting = self.equals(envelope.actor());
        String key = envelope.eventId();
        switch (event) {
            case CaseOpened ignored -> { }
            case CaseClassified classified -> classified(current, classified, byRouting, key);
            case CasePriorityChanged changed -> {
                store.setPriority(current.caseId(), changed.priority());
                setSla(reload(current), key, "priority changed to " + changed.priority());
            }
            case SlaTargetsSet targets -> store.setSla(current.caseId(), targets.firstResponseDue(),
                    targets.resolutionDue(), targets.policy());
            case CaseAssigned assigned -> assigned(current, assigned, byRouting, key);
            case CaseUnassigned unassigned -> {
                store.setAssignee(current.caseId(), null, false);
                if (!byRouting) {
                    assignOne(reload(current), key, "unassigned by " + envelope.actor());
                }
                drainFor(unassigned.previousAgentId(), key);
            }
            case CaseStatusChanged changed -> {
                store.setStatus(current.caseId(), changed.status());
                if (changed.status() == CaseStatus.DONE && current.assignee() != null) {
                    drainFor(current.assignee(), key);
                }
            }
            case CaseReopened reopened -> {
                store.setStatus(current.caseId(), reopened.status());
                if (current.assignee() == null) {
                    assignOne(reload(current), key, "reopened");
                }
            }
            case FirstResponseRecorded ignored -> store.cancelTimer(current.caseId(), SlaTarget.FIRST_RESPONSE);
            case SlaBreached breached -> store.markFired(current.caseId(), breached.target(), clock.instant());
            case CaseEscalated escalated -> store.setEscalationLevel(current.caseId(), escalated.level());
            case CommentAdded ignored -> { }
            case CaseTagged ignored -> { }
            case SatisfactionRated ignored -> { }
        }
        store.setSequence(current.caseId(), envelope.sequence());
    }

    private void opened(EventEnvelope envelope, CaseOpened opened) {
        String key = envelope.eventId();
        CaseRecord fresh = new CaseRecord(opened.caseId(), opened.caseNumber(), opened.queue(), opened.priority(),
                opened.customer().tier(), opened.channel(), opened.subject(), opened.description(), CaseStatus.NEW,
                null, false, opened.openedAt(), null, null, null, 0, Math.max(envelope.sequence(), 0));
        store.insertCase(fresh);
        CaseText text = fresh.text();

        QueueDecision queue = new QueueClassifier(properties.ruleConfidence(), properties.classifierMinExamples())
                .classify(text, config.classificationRules(), model.current());
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("queue", queue.queue().wire());
        why.put("source", queue.source());
        why.put("ruleId", queue.ruleId());
        why.put("rulePattern", queue.rulePattern());
        why.put("classifierQueue", queue.classifierQueue() == null ? null : queue.classifierQueue().wire());
        why.put("classifierScore", queue.classifierScore());
        why.put("classifierExamples", queue.classifierExamples());
        if (opened.queue() == Queue.UNCLASSIFIED && queue.queue() != Queue.UNCLASSIFIED) {
            if (accepted(() -> commands.classify(fresh.caseId(), queue.queue(), queue.source(), key + ":classify"))) {
                store.setQueue(fresh.caseId(), queue.queue());
            }
        } else {
            why.put("kept", opened.queue().wire());
        }
        store.recordDecision(fresh.caseId(), clock.instant(), "classified", why);

        PriorityDecision priority = PriorityPolicy.decide(opened.priority(), opened.requestedPriority(), text,
                opened.customer().tier(), opened.channel(), config.priorityRules());
        if (priority.raised()) {
            String reason = "routing rules " + priority.matchedRuleIds()
                    + (priority.requested() == null ? "" : ", channel asked for " + priority.requested().wire());
            if (accepted(() -> commands.changePriority(fresh.caseId(), priority.priority(), reason, key + ":priority"))) {
                store.setPriority(fresh.caseId(), priority.priority());
            }
        }
        Map<String, Object> prioritised = new LinkedHashMap<>();
        prioritised.put("priority", priority.priority().wire());
        prioritised.put("given", priority.given().wire());
        prioritised.put("requested", priority.requested() == null ? null : priority.requested().wire());
        prioritised.put("matchedRules", priority.matchedRuleIds());
        store.recordDecision(fresh.caseId(), clock.instant(), "prioritised", prioritised);

        CaseRecord classified = reload(fresh);
        setSla(classified, key, "opened");
        store.lockDecisions();
        assignOne(reload(classified), key, "opened");
    }

    private void classified(CaseRecord current, CaseClassified classified, boolean byRouting, String key) {
        store.setQueue(current.caseId(), classified.queue());
        if (byRouting || classified.queue() == Queue.UNCLASSIFIED) {
            return;
        }
        // a person moved the case: that correction is a training example for the classifier
        store.addTrainingExample(current.caseId(), classified.queue(), current.text().raw(), clock.instant());
        store.recordDecision(current.caseId(), clock.instant(), "learnt", Map.of("queue", classified.queue().wire(),
                "source", classified.source()));
        CaseRecord moved = reload(current);
        if (!moved.open() || moved.manual()) {
            return;
        }
        if (moved.assignee() == null) {
            assignOne(moved, key, "re-queued");
            return;
        }
        boolean assigneeFits = store.agent(moved.assignee()).map(agent -> agent.level(moved.queue()) > 0).orElse(false);
        if (!assigneeFits) {
            // the router's own pick does not know the new queue: hand it to someone who does, or let it wait
            Roster roster = new Roster(store.onlineAgents());
            roster.released(moved.assignee());
            Optional<AgentState> other = AssignmentPolicy.choose(moved.queue(), roster.agents());
            Move move = new Move(moved.caseId(), other.map(AgentState::agentId).orElse(null), AssignmentReason.AUTO);
            apply(move, key + ":requeue:" + moved.caseId(), "re-queued to " + moved.queue(),
                    other.isPresent() ? List.of(other.get()) : List.of());
        }
    }

    private void assigned(CaseRecord current, CaseAssigned assigned, boolean byRouting, String key) {
        // a person's assignment or transfer is theirs to keep: the router never moves that case again
        boolean manual = !byRouting && (assigned.reason() == AssignmentReason.MANUAL
                || assigned.reason() == AssignmentReason.TRANSFER);
        store.setAssignee(current.caseId(), assigned.agentId(), manual || (current.manual()
                && assigned.agentId().equals(current.assignee())));
        if (manual) {
            store.recordDecision(current.caseId(), clock.instant(), "manual-assignment",
                    Map.of("agentId", assigned.agentId().toString(), "reason", assigned.reason().wire()));
        }
        UUID previous = assigned.previousAgentId() != null ? assigned.previousAgentId() : current.assignee();
        if (previous != null && !previous.equals(assigned.agentId())) {
            drainFor(previous, key);
        }
    }

    /** Sets SLA targets from the policy matrix when they differ from what the case has. */
    private void setSla(CaseRecord c, String key, String because) {
        if (!c.open()) {
            return;
        }
        Optional<SlaDue> due = config.slaPolicy().due(c.openedAt(), c.priority(), c.tier());
        if (due.isEmpty()) {
            return;
        }
        SlaDue d = due.get();
        if (Objects.equals(d.firstResponseDue(), c.firstResponseDue()) && Objects.equals(d.resolutionDue(), c.resolutionDue())) {
            return;
        }
        if (accepted(() -> commands.setSlaTargets(c.caseId(), d.firstResponseDue(), d.resolutionDue(), d.policy(),
                key + ":sla"))) {
            store.setSla(c.caseId(), d.firstResponseDue(), d.resolutionDue(), d.policy());
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("policy", d.policy());
            why.put("firstResponseDue", d.firstResponseDue() == null ? null : d.firstResponseDue().toString());
            why.put("resolutionDue", d.resolutionDue().toString());
            why.put("because", because);
            store.recordDecision(c.caseId(), clock.instant(), "sla-set", why);
        }
    }

    /** Assigns one unassigned case now if anyone fits; otherwise records that it waits. */
    private void assignOne(CaseRecord c, String key, String because) {
        if (!c.open() || c.assignee() != null) {
            return;
        }
        List<AgentState> roster = store.onlineAgents();
        List<AgentState> candidates = AssignmentPolicy.eligible(c.queue(), roster);
        Optional<AgentState> chosen = AssignmentPolicy.choose(c.queue(), roster);
        if (chosen.isEmpty()) {
            store.recordDecision(c.caseId(), clock.instant(), "waiting", Map.of("queue", c.queue().wire(),
                    "because", because, "candidates", List.of()));
            return;
        }
        apply(new Move(c.caseId(), chosen.get().agentId(), AssignmentReason.AUTO), key + ":assign:" + c.caseId(),
                because, candidates);
    }

    /** An agent has room again (or is new, or back online): assign waiting cases of their queues, most urgent first. */
    private void drainFor(UUID agentId, String key) {
        Optional<AgentState> agent = store.agent(agentId);
        if (agent.isEmpty() || !agent.get().online()) {
            return;
        }
        Set<Queue> queues = EnumSet.noneOf(Queue.class);
        queues.addAll(agent.get().skills().keySet());
        List<OpenCase> waiting = store.waiting(queues, properties.drainBatch());
        if (waiting.isEmpty()) {
            return;
        }
        Roster roster = new Roster(store.onlineAgents());
        for (Move move : AssignmentPolicy.drain(waiting, roster, clock.instant())) {
            apply(move, key + ":assign:" + move.caseId(), "capacity freed", List.of());
        }
    }

    private void apply(Move move, String key, String because, List<AgentState> candidates) {
        boolean done = accepted(() -> commands.assign(move.caseId(), move.agentId(), move.reason(), key));
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("agentId", move.agentId() == null ? null : move.agentId().toString());
        why.put("reason", move.reason().wire());
        why.put("because", because);
        why.put("accepted", done);
        why.put("candidates", candidates.stream().limit(10).map(RoutingProcess::candidate).toList());
        store.recordDecision(move.caseId(), clock.instant(), move.agentId() == null ? "unassigned" : "assigned", why);
        if (done) {
            store.setAssignee(move.caseId(), move.agentId(), false);
            if (move.agentId() != null) {
                store.touchAssigned(move.agentId(), clock.instant());
            }
        }
    }

    private static Map<String, Object> candidate(AgentState agent) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("agentId", agent.agentId().toString());
        view.put("skills", agent.skills());
        view.put("load", agent.load());
        view.put("capacity", agent.capacity());
        view.put("lastAssignedAt", agent.lastAssignedAt() == null ? null : agent.lastAssignedAt().toString());
        return view;
    }

    // ---------------------------------------------------------------- agents

    private void onAgentEvent(EventEnvelope envelope, AgentEvent event) {
        UUID agentId = event.agentId();
        if (envelope.sequence() >= 0 && envelope.sequence() <= store.agentSequence(agentId)) {
            return;
        }
        String key = envelope.eventId();
        switch (event) {
            case AgentRegistered registered -> {
                store.upsertAgent(agentId, registered.availability(), registered.capacity(), registered.skills(),
                        envelope.sequence());
                drainFor(agentId, key);
            }
            case AgentSkillsChanged changed -> {
                store.upsertAgent(agentId, null, changed.capacity(), changed.skills(), envelope.sequence());
                drainFor(agentId, key);
            }
            case AgentAvailabilityChanged changed -> {
                ensureAgent(agentId, envelope.sequence());
                store.setAvailability(agentId, changed.availability(), envelope.sequence());
                if (changed.availability() == Availability.ONLINE) {
                    drainFor(agentId, key);
                } else if (changed.availability() == Availability.OFFLINE) {
                    reassignFrom(agentId, key);
                }
            }
        }
    }

    private void ensureAgent(UUID agentId, long sequence) {
        if (store.agentSequence(agentId) < 0 && store.agent(agentId).isEmpty()) {
            store.upsertAgent(agentId, Availability.OFFLINE, 0, List.<Skill>of(), sequence);
        }
    }

    private void reassignFrom(UUID agentId, String key) {
        List<OpenCase> theirs = store.openCasesOf(agentId);
        if (theirs.isEmpty()) {
            return;
        }
        Roster roster = new Roster(store.onlineAgents());
        for (Move move : AssignmentPolicy.reassignFrom(agentId, theirs, roster, clock.instant())) {
            apply(move, key + ":offline:" + move.caseId(), "agent went offline", List.of());
        }
    }

    // ---------------------------------------------------------------- SLA timers

    /** Fires the timers that are due; each in its own transaction so one failure does not hold up the others. */
    public int fireDueTimers() {
        int fired = 0;
        while (true) {
            Boolean firedOne = transaction.execute(status -> {
                store.lockDecisions();
                List<RoutingStore.DueTimer> due = store.dueTimers(clock.instant(), 1);
                if (due.isEmpty()) {
                    return false;
                }
                breach(due.getFirst());
                return true;
            });
            if (!Boolean.TRUE.equals(firedOne)) {
                return fired;
            }
            fired++;
        }
    }

    private void breach(RoutingStore.DueTimer timer) {
        Instant now = clock.instant();
        Optional<CaseRecord> found = store.findCase(timer.caseId());
        if (found.isEmpty() || !found.get().open()) {
            store.markFired(timer.caseId(), timer.target(), now);
            return;
        }
        CaseRecord c = found.get();
        String key = "sla:" + c.caseId() + ":" + timer.target().wire();
        if (!accepted(() -> commands.recordBreach(c.caseId(), timer.target(), timer.dueAt(), key + ":breach"))) {
            store.markFired(c.caseId(), timer.target(), now);
            return;
        }
        String reason = "SLA " + timer.target().wire() + " breached (due " + timer.dueAt() + ")";
        accepted(() -> commands.escalate(c.caseId(), reason, key + ":escalate"));
        Priority raised = c.priority().raised();
        if (raised != c.priority()
                && accepted(() -> commands.changePriority(c.caseId(), raised, "escalation: " + reason, key + ":priority"))) {
            store.setPriority(c.caseId(), raised);
        }
        List<AgentState> online = store.onlineAgents();
        Optional<AgentState> lead = AssignmentPolicy.chooseLead(c.queue(), online, properties.leadLevel());
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("target", timer.target().wire());
        why.put("dueAt", timer.dueAt().toString());
        why.put("firedAt", now.toString());
        why.put("priority", raised.wire());
        why.put("lead", lead.map(agent -> agent.agentId().toString()).orElse(null));
        store.recordDecision(c.caseId(), now, "escalated", why);
        if (lead.isPresent() && !lead.get().agentId().equals(c.assignee())) {
            apply(new Move(c.caseId(), lead.get().agentId(), AssignmentReason.ESCALATION), key + ":lead",
                    "escalated to a lead", List.of(lead.get()));
        }
        store.markFired(c.caseId(), timer.target(), now);
    }

    // ---------------------------------------------------------------- helpers

    /** True when the command service accepted the command; false when it rejected it for good. */
    private boolean accepted(Runnable command) {
        try {
            command.run();
            return true;
        } catch (CommandRejected rejected) {
            return false;
        }
    }

    private CaseRecord reload(CaseRecord c) {
        return store.findCase(c.caseId()).orElseThrow();
    }
}
