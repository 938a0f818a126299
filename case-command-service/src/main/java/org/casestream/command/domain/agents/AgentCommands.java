package org.casestream.command.domain.agents;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casestream.events.Availability;
import org.casestream.events.Skill;

/** The commands an agent accepts. */
public final class AgentCommands {

    private AgentCommands() {
    }

    public record RegisterAgent(@TargetAggregateIdentifier UUID agentId, String name, String email,
                                List<Skill> skills, int capacity) {
        public RegisterAgent {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(name, "name");
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    public record ChangeAgentSkills(@TargetAggregateIdentifier UUID agentId, List<Skill> skills, int capacity) {
        public ChangeAgentSkills {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    public record ChangeAgentAvailability(@TargetAggregateIdentifier UUID agentId, Availability availability) {
        public ChangeAgentAvailability {
            Objects.requireNonNull(availability, "availability");
        }
    }
}
