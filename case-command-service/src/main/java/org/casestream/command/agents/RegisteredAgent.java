package org.casestream.command.agents;

import java.util.List;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.Skill;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;

/** An agent as its events describe it. */
public record RegisteredAgent(UUID agentId, String name, String email, List<Skill> skills, int capacity,
                              Availability availability, long version) {

    static RegisteredAgent fold(List<AgentEvent> events) {
        RegisteredAgent view = null;
        long version = -1;
        for (AgentEvent event : events) {
            version++;
            view = switch (event) {
                case AgentRegistered e -> new RegisteredAgent(e.agentId(), e.name(), e.email(), e.skills(), e.capacity(),
                        e.availability(), version);
                case AgentSkillsChanged e -> new RegisteredAgent(view.agentId, view.name, view.email, e.skills(),
                        e.capacity(), view.availability, version);
                case AgentAvailabilityChanged e -> new RegisteredAgent(view.agentId, view.name, view.email, view.skills,
                        view.capacity, e.availability(), version);
            };
        }
        return view;
    }
}
