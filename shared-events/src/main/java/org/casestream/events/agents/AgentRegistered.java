package org.casestream.events.agents;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.Skill;

/** A new agent; name and email are PII. Agents start offline. */
public record AgentRegistered(UUID agentId, String name, String email, List<Skill> skills, int capacity,
                              Availability availability) implements AgentEvent {

    public AgentRegistered {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(name, "name");
        skills = skills == null ? List.of() : List.copyOf(skills);
        availability = availability == null ? Availability.OFFLINE : availability;
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
    }

    @Override
    public String toString() {
        return "AgentRegistered[" + agentId + ", skills=" + skills + ", capacity=" + capacity + "]";
    }
}
