package org.casestream.command.domain.agents;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.agents.AgentCommands.ChangeAgentAvailability;
import org.casestream.command.domain.agents.AgentCommands.ChangeAgentSkills;
import org.casestream.command.domain.agents.AgentCommands.RegisterAgent;
import org.casestream.events.Availability;
import org.casestream.events.Skill;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;

/** An agent: skills per queue, capacity, availability. New agents start offline. */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshots")
public class AgentAggregate {

    @AggregateIdentifier
    private UUID agentId;
    private List<Skill> skills;
    private int capacity;
    private Availability availability;

    protected AgentAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public AgentAggregate(RegisterAgent command) {
        requireDistinctQueues(command.skills());
        apply(new AgentRegistered(command.agentId(), command.name(), command.email(), command.skills(),
                command.capacity(), Availability.OFFLINE));
    }

    @CommandHandler
    public void handle(ChangeAgentSkills command) {
        requireDistinctQueues(command.skills());
        if (!command.skills().equals(skills) || command.capacity() != capacity) {
            apply(new AgentSkillsChanged(agentId, command.skills(), command.capacity()));
        }
    }

    @CommandHandler
    public void handle(ChangeAgentAvailability command) {
        if (command.availability() != availability) {
            apply(new AgentAvailabilityChanged(agentId, command.availability(), availability));
        }
    }

    @EventSourcingHandler
    void on(AgentRegistered event) {
        agentId = event.agentId();
        skills = event.skills();
        capacity = event.capacity();
        availability = event.availability();
    }

    @EventSourcingHandler
    void on(AgentSkillsChanged event) {
        skills = event.skills();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(AgentAvailabilityChanged event) {
        availability = event.availability();
    }

    private static void requireDistinctQueues(List<Skill> skills) {
        if (skills.stream().collect(Collectors.groupingBy(Skill::queue, Collectors.counting())).values().stream()
                .anyMatch(count -> count > 1)) {
            throw new InvalidCommand("skills", "each queue may appear once");
        }
    }
}
