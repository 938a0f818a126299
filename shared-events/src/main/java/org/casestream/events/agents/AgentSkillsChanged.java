package org.casestream.events.agents;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Skill;

/** The agent's skills and capacity (max open assigned cases) as they are now. */
public record AgentSkillsChanged(UUID agentId, List<Skill> skills, int capacity) implements AgentEvent {

    public AgentSkillsChanged {
        Objects.requireNonNull(agentId, "agentId");
        skills = skills == null ? List.of() : List.copyOf(skills);
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
    }
}
