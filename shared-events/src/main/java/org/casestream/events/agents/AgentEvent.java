package org.casestream.events.agents;

import java.util.UUID;

import org.casestream.events.DomainEvent;

/** Everything that can happen to an agent. */
public sealed interface AgentEvent extends DomainEvent
        permits AgentRegistered, AgentSkillsChanged, AgentAvailabilityChanged {

    UUID agentId();

    @Override
    default String aggregateId() {
        return agentId().toString();
    }
}
