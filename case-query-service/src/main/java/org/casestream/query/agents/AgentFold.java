package org.casestream.query.agents;

import java.time.Instant;

import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;

/** How each agent event changes an agent view. */
public final class AgentFold {

    private AgentFold() {
    }

    public static AgentView apply(AgentView view, AgentEvent event, Instant at, long sequence) {
        return switch (event) {
            case AgentRegistered registered -> new AgentView(registered.agentId(), registered.name(),
                    registered.email(), registered.skills(), registered.capacity(), registered.availability(),
                    at, at, sequence);
            case AgentSkillsChanged changed -> {
                requireRegistered(view, event);
                yield new AgentView(view.agentId(), view.name(), view.email(), changed.skills(), changed.capacity(),
                        view.availability(), view.registeredAt(), at, sequence);
            }
            case AgentAvailabilityChanged changed -> {
                requireRegistered(view, event);
                yield new AgentView(view.agentId(), view.name(), view.email(), view.skills(), view.capacity(),
                        changed.availability(), view.registeredAt(), at, sequence);
            }
        };
    }

    private static void requireRegistered(AgentView view, AgentEvent event) {
        if (view == null) {
            throw new IllegalStateException("the first event of agent " + event.agentId() + " is not AgentRegistered");
        }
    }
}
