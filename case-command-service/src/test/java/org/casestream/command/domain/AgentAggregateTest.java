package org.casestream.command.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casestream.command.domain.agents.AgentAggregate;
import org.casestream.command.domain.agents.AgentCommands.ChangeAgentAvailability;
import org.casestream.command.domain.agents.AgentCommands.ChangeAgentSkills;
import org.casestream.command.domain.agents.AgentCommands.RegisterAgent;
import org.casestream.events.Availability;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentAggregateTest {

    private static final UUID AGENT = UUID.randomUUID();
    private static final List<Skill> SKILLS = List.of(new Skill(Queue.LOGIN, 4), new Skill(Queue.PAYMENTS, 2));

    private AggregateTestFixture<AgentAggregate> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(AgentAggregate.class);
    }

    private static AgentRegistered registered() {
        return new AgentRegistered(AGENT, "Grace", "grace@example.com", SKILLS, 5, Availability.OFFLINE);
    }

    @Test
    void registersOffline() {
        fixture.givenNoPriorActivity().when(new RegisterAgent(AGENT, "Grace", "grace@example.com", SKILLS, 5))
                .expectEvents(registered());
    }

    @Test
    void refusesAQueueTwice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgent(AGENT, "Grace", "grace@example.com",
                        List.of(new Skill(Queue.LOGIN, 4), new Skill(Queue.LOGIN, 1)), 5))
                .expectException(InvalidCommand.class);
    }

    @Test
    void changesSkillsAndCapacity() {
        List<Skill> skills = List.of(new Skill(Queue.REFUNDS, 3));
        fixture.given(registered()).when(new ChangeAgentSkills(AGENT, skills, 8))
                .expectEvents(new AgentSkillsChanged(AGENT, skills, 8));
    }

    @Test
    void sameSkillsChangeNothing() {
        fixture.given(registered()).when(new ChangeAgentSkills(AGENT, SKILLS, 5)).expectNoEvents();
    }

    @Test
    void goesOnline() {
        fixture.given(registered()).when(new ChangeAgentAvailability(AGENT, Availability.ONLINE))
                .expectEvents(new AgentAvailabilityChanged(AGENT, Availability.ONLINE, Availability.OFFLINE));
    }

    @Test
    void sameAvailabilityChangesNothing() {
        fixture.given(registered()).when(new ChangeAgentAvailability(AGENT, Availability.OFFLINE)).expectNoEvents();
    }
}
