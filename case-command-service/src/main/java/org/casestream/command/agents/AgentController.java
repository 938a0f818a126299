package org.casestream.command.agents;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casestream.command.domain.agents.AgentCommands.ChangeAgentAvailability;
import org.casestream.command.domain.agents.AgentCommands.ChangeAgentSkills;
import org.casestream.command.domain.agents.AgentCommands.RegisterAgent;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.command.queues.Queues;
import org.casestream.events.Skill;
import org.casestream.support.security.Caller;
import org.casestream.support.web.Forbidden;
import org.casestream.support.web.NotFound;
import org.casestream.events.agents.AgentEvent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registering agents (admins), their skills and capacity (leads), their availability (agents and up). */
@RestController
public class AgentController {

    private final CommandDispatcher commands;
    private final EventStore eventStore;
    private final Queues queues;

    public AgentController(CommandDispatcher commands, EventStore eventStore, Queues queues) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.queues = queues;
    }

    @Operation(operationId = "registerAgent", summary = "Register an agent; agents start offline")
    @PostMapping("/api/agents")
    public ResponseEntity<RegisteredAgent> register(@Valid @RequestBody AgentRequests.NewAgent agent) {
        UUID agentId = UUID.randomUUID();
        commands.send(new RegisterAgent(agentId, agent.name().strip(), agent.email().strip(),
                openQueues(AgentRequests.skills(agent.skills())), agent.capacity()));
        return ResponseEntity.created(URI.create("/api/agents/" + agentId)).body(load(agentId));
    }

    @Operation(operationId = "getAgent", summary = "An agent as the command side knows it")
    @GetMapping("/api/agents/{agentId}")
    public RegisteredAgent agent(@PathVariable UUID agentId) {
        return load(agentId);
    }

    @Operation(summary = "Change an agent's skills and capacity")
    @PutMapping("/api/agents/{agentId}/skills")
    public RegisteredAgent skills(@PathVariable UUID agentId, @Valid @RequestBody AgentRequests.SkillsChange change) {
        commands.send(new ChangeAgentSkills(agentId, openQueues(AgentRequests.skills(change.skills())),
                change.capacity()));
        return load(agentId);
    }

    @Operation(summary = "Go online, away or offline: an agent sets their own availability, leads and admins anyone's")
    @PutMapping("/api/agents/{agentId}/availability")
    public RegisteredAgent availability(@PathVariable UUID agentId,
            @Valid @RequestBody AgentRequests.AvailabilityChange change) {
        Caller caller = Caller.current();
        if (!caller.hasRole("lead") && !caller.hasRole("admin") && !agentId.toString().equals(caller.agentId())) {
            throw new Forbidden("agentId", "an agent sets only their own availability");
        }
        commands.send(new ChangeAgentAvailability(agentId, change.availability()));
        return load(agentId);
    }

    @Operation(summary = "Go online, away or offline as the agent the caller's login is linked to (404 when it is "
            + "linked to none)")
    @PutMapping("/api/agents/me/availability")
    public RegisteredAgent myAvailability(@Valid @RequestBody AgentRequests.AvailabilityChange change) {
        String agentId = Caller.current().agentId();
        if (agentId == null) {
            throw new NotFound("Your login is not linked to an agent; an admin links it");
        }
        return availability(UUID.fromString(agentId), change);
    }

    private RegisteredAgent load(UUID agentId) {
        List<AgentEvent> events = eventStore.readEvents(agentId.toString(), 0).asStream()
                .map(message -> message.getPayload())
                .filter(AgentEvent.class::isInstance).map(AgentEvent.class::cast).toList();
        if (events.isEmpty()) {
            throw new NotFound("No agent " + agentId);
        }
        return RegisteredAgent.fold(events);
    }

    /** Skills only in queues that exist and take cases: else a 400 naming {@code skills[i].queue}. */
    private List<Skill> openQueues(List<Skill> skills) {
        for (int i = 0; i < skills.size(); i++) {
            queues.requireOpen(skills.get(i).queue(), "skills[" + i + "].queue");
        }
        return skills;
    }
}
