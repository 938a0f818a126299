package org.casestream.query.agents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.Skill;

/** An agent as the query side keeps it; load and resolved counts come from the dashboard counters. */
public record AgentView(UUID agentId, String name, String email, List<Skill> skills, int capacity,
                        Availability availability, Instant registeredAt, Instant updatedAt, long lastSequence) {

    public AgentView {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    @Override
    public String toString() {
        return "AgentView[" + agentId + ", " + availability + "]";
    }
}
