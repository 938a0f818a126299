package org.casestream.routing.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The agents one decision works with; loads change as the decision plans its moves. */
public final class Roster {

    private final Map<UUID, AgentState> agents = new LinkedHashMap<>();

    public Roster(Collection<AgentState> agents) {
        agents.forEach(agent -> this.agents.put(agent.agentId(), agent));
    }

    public Collection<AgentState> agents() {
        return List.copyOf(agents.values());
    }

    public Optional<AgentState> get(UUID agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    public void took(UUID agentId, Instant at) {
        agents.computeIfPresent(agentId, (id, agent) -> agent.withOneMore(at));
    }

    public void released(UUID agentId) {
        agents.computeIfPresent(agentId, (id, agent) -> agent.withOneLess());
    }
}
