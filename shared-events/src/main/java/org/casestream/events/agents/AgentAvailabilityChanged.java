package org.casestream.events.agents;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Availability;

public record AgentAvailabilityChanged(UUID agentId, Availability availability, Availability previousAvailability)
        implements AgentEvent {

    public AgentAvailabilityChanged {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(availability, "availability");
    }
}
