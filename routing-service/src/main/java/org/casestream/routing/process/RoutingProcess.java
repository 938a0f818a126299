package org.casestream.routing.process;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.casestream.events.agents.AgentEvent;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.routing.commands.CommandsProperties;
import org.casestream.routing.config.RoutingConfigStore;
import org.casestream.events.queues.QueueEvent;
import org.casestream.routing.decider.RoutedCase;
import org.casestream.routing.decider.RoutingDecider;
import org.casestream.routing.decider.RoutingDecision;
import org.casestream.routing.decider.RoutingDecision.FollowUp;
import org.casestream.routing.decider.Trigger;
import org.casestream.routing.decider.Trigger.AgentChanged;
import org.casestream.routing.decider.Trigger.CaseChanged;
import org.casestream.routing.decider.Trigger.SlaTimerDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing's process manager, as a shell around {@link RoutingDecider}: for each event it remembers what changed,
 * loads the state the decision needs, asks the decider, and carries the decisions out as commands. One event is
 * one transaction under the decision lock (when it may assign); the state change commits only after every
 * command of the decision was accepted (or rejected for good), and the caller acknowledges the Kafka record only
 * after that commit. A failure rolls everything back and the event is handled again later: commands carry
 * idempotency keys made from the event id, so what was already applied is not applied twice.
 */
@Service
public class RoutingProcess {

    private static final Logger log = LoggerFactory.getLogger(RoutingProcess.class);

    private final RoutingStore store;
    private final RoutingMemory memory;
    private final RoutingStateLoader states;
    private final DecisionDispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String self;
    private final RoutingConfigStore queues;

    RoutingProcess(RoutingStore store, RoutingMemory memory, RoutingStateLoader states, DecisionDispatcher dispatcher,
            TransactionTemplate transaction, Clock clock, CommandsProperties commandsProperties,
            RoutingConfigStore queues) {
        this.store = store;
        this.memory = memory;
        this.states = states;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.clock = clock;
        this.self = commandsProperties.user();
        this.queues = queues;
    }

    public void handle(EventEnvelope envelope) {
        if (envelope.imported() && envelope.event() instanceof CaseEvent) {
            // history that happened in another help desk: nothing to route, no SLA to watch
            return;
        }
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            switch (envelope.event()) {
                case CaseEvent event -> {
                    CaseChanged trigger = new CaseChanged(envelope.eventId(), envelope.actor(),
                            self.equals(envelope.actor()), event);
                    lockIfNeeded(trigger);
                    Optional<RoutedCase> before = store.findCase(event.caseId());
                    if (memory.remember(envelope, event, before, trigger.byRouting(), now)) {
                        decideAndCarryOut(trigger, before.map(RoutedCase::assignee).orElse(null), now);
                    }
                }
                case AgentEvent event -> {
                    AgentChanged trigger = new AgentChanged(envelope.eventId(), event);
                    lockIfNeeded(trigger);
                    if (memory.remember(envelope, event)) {
                        decideAndCarryOut(trigger, null, now);
                    }
                }
                case QueueEvent event -> queues.apply(event);
                default -> log.debug("Not routing's concern: {}", envelope.event().getClass().getSimpleName());
            }
        });
    }

    /** Fires the timers that are due; each in its own transaction so one failure does not hold up the others. */
    public int fireDueTimers() {
        int fired = 0;
        while (true) {
            Boolean firedOne = transaction.execute(status -> {
                store.lockDecisions();
                Instant now = clock.instant();
                List<RoutingStore.DueTimer> due = store.dueTimers(now, 1);
                if (due.isEmpty()) {
                    return false;
                }
                RoutingStore.DueTimer timer = due.getFirst();
                decideAndCarryOut(new SlaTimerDue(timer.caseId(), timer.target(), timer.dueAt()), null, now);
                // fired whatever came of it: a target is breached once, and a case that moved on is not breached
                store.markFired(timer.caseId(), timer.target(), now);
                return true;
            });
            if (!Boolean.TRUE.equals(firedOne)) {
                return fired;
            }
            fired++;
        }
    }

    private void decideAndCarryOut(Trigger trigger, UUID assigneeBefore, Instant now) {
        List<RoutingDecision> decisions = RoutingDecider.decide(states.load(trigger, assigneeBefore), trigger, now);
        carryOut(decisions, decision -> dispatcher.carryOut(decision, now), next -> {
            lockIfNeeded(next);
            decideAndCarryOut(next, null, now);
        });
    }

    /**
     * Carries decisions out in order; {@code dispatch} answers false when the command service rejected one for
     * good. That means its case moved on since the decisions were planned (closed, most likely), so the rest of
     * that case's decisions are dropped, follow-ups included; other cases' decisions of the same trigger still go
     * out.
     */
    static void carryOut(List<RoutingDecision> decisions, Predicate<RoutingDecision> dispatch,
            Consumer<Trigger> decideAgain) {
        Set<UUID> movedOn = new HashSet<>();
        for (RoutingDecision decision : decisions) {
            if (movedOn.contains(decision.caseId())) {
                log.debug("Dropped {} on {}: an earlier command on the case was rejected",
                        decision.getClass().getSimpleName(), decision.caseId());
            } else if (decision instanceof FollowUp followUp) {
                decideAgain.accept(followUp.trigger());
            } else if (!dispatch.test(decision)) {
                movedOn.add(decision.caseId());
            }
        }
    }

    /** Taken before anything is read, released at commit or rollback; taking it again in one transaction is free. */
    private void lockIfNeeded(Trigger trigger) {
        if (RoutingDecider.takesDecisionLock(trigger)) {
            store.lockDecisions();
        }
    }
}
