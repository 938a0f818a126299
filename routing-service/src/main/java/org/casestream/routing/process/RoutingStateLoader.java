package org.casestream.routing.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.casestream.routing.RoutingProperties;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.config.RoutingConfigStore;
import org.casestream.routing.decider.RoutedCase;
import org.casestream.routing.decider.RoutingDecider;
import org.casestream.routing.decider.RoutingDecider.Reads;
import org.casestream.routing.decider.RoutingState;
import org.casestream.routing.decider.RoutingState.Policies;
import org.casestream.routing.decider.RoutingState.Settings;
import org.casestream.routing.decider.Trigger;
import org.casestream.routing.decider.Trigger.AgentChanged;
import org.casestream.routing.decider.Trigger.CaseChanged;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.decider.Trigger.SlaTimerDue;
import org.casestream.routing.examples.SemanticModel;
import org.springframework.stereotype.Component;

/**
 * Reads what the decider needs for one trigger ({@link RoutingDecider#reads}) and nothing more: the rules, the
 * roster and the waiting line only for the triggers that decide on them, so a comment costs a row or two.
 */
@Component
class RoutingStateLoader {

    private final RoutingStore store;
    private final RoutingConfigStore config;
    private final SemanticModel model;
    private final Settings settings;
    private final int drainBatch;

    RoutingStateLoader(RoutingStore store, RoutingConfigStore config, SemanticModel model,
            RoutingProperties properties) {
        this.store = store;
        this.config = config;
        this.model = model;
        this.settings = new Settings(properties.leadLevel());
        this.drainBatch = properties.drainBatch();
    }

    /** {@code assigneeBefore}: the case's assignee before the trigger's event, when that is a case event. */
    RoutingState load(Trigger trigger, UUID assigneeBefore) {
        Reads reads = RoutingDecider.reads(trigger, assigneeBefore);
        RoutedCase routed = caseOf(trigger).flatMap(store::findCase).orElse(null);
        Map<UUID, AgentState> agents = reads.agents() ? agents(reads, routed) : Map.of();
        List<OpenCase> waiting = Optional.ofNullable(reads.agentWithRoom())
                .map(agents::get)
                .filter(AgentState::online)
                .map(agent -> store.waiting(agent.skills().keySet(), drainBatch))
                .orElse(List.of());
        List<OpenCase> held = reads.agentGone() == null ? List.of() : store.openCasesOf(reads.agentGone());
        Policies policies = reads.policies()
                ? new Policies(config.classificationRules(), config.priorityRules(), config.slaPolicy(),
                        model.current(), config.archivedQueues())
                : null;
        return new RoutingState(routed, assigneeBefore, List.copyOf(agents.values()), waiting, held, policies,
                settings);
    }

    private static Optional<UUID> caseOf(Trigger trigger) {
        return switch (trigger) {
            case CaseChanged changed -> Optional.of(changed.event().caseId());
            case CaseTriaged triaged -> Optional.of(triaged.caseId());
            case SlaTimerDue due -> Optional.of(due.caseId());
            case AgentChanged ignored -> Optional.empty();
        };
    }

    /** Every online agent with their load, and the agents the decision names, who may be offline. */
    private Map<UUID, AgentState> agents(Reads reads, RoutedCase routed) {
        Map<UUID, AgentState> agents = new LinkedHashMap<>();
        store.onlineAgents().forEach(agent -> agents.put(agent.agentId(), agent));
        Stream.of(reads.agentWithRoom(), reads.agentGone(), routed == null ? null : routed.assignee())
                .filter(Objects::nonNull)
                .filter(agentId -> !agents.containsKey(agentId))
                .forEach(agentId -> store.agent(agentId).ifPresent(agent -> agents.put(agentId, agent)));
        return agents;
    }
}
