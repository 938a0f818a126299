package org.casestream.query.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.query.agents.AgentView;
import org.casestream.query.agents.Team;
import org.casestream.query.cases.CaseSummary;
import org.casestream.query.dashboard.Dashboard;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.ReadModels;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.search.CasePage;
import org.casestream.query.search.ListRequest;
import org.casestream.support.security.Caller;
import org.casestream.support.web.NotFound;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lead's team ({@link Team}: the agents who share a queue skill with the lead's own agent, or everyone when the
 * login is linked to no agent), each with their open cases soonest SLA due first.
 */
@RestController
public class MyTeamController {

    /** Cases shown per member; {@code openCases} says how many there are in all (the case list has the rest). */
    static final int CASES_SHOWN = 20;

    private final ActiveReadModels models;
    private final Dashboard dashboard;
    private final QueryProperties properties;

    public MyTeamController(ActiveReadModels models, Dashboard dashboard, QueryProperties properties) {
        this.models = models;
        this.dashboard = dashboard;
        this.properties = properties;
    }

    /** Who leads: the lead's own agent, or none (then the team is every agent). */
    public record Lead(UUID agentId, String name) {
    }

    public record Member(UUID agentId, String name, Availability availability, int capacity, long load,
                         List<Skill> skills, long openCases, List<CaseSummary> cases) {
    }

    public record MyTeam(Lead lead, Set<Queue> queues, List<Member> members) {
    }

    @Operation(summary = "My team (leads, admins): the agents who share at least one queue skill with the agent the "
            + "caller's login is linked to (every agent when it is linked to none), each with availability, capacity, "
            + "load and their open cases soonest SLA due first (at most 20 each; openCases counts them all)")
    @GetMapping("/api/me/team")
    public MyTeam myTeam() {
        ReadModels current = models.current();
        String agentId = Caller.current().agentId();
        AgentView lead = agentId == null ? null : current.agents().find(UUID.fromString(agentId))
                .orElseThrow(() -> new NotFound("No agent " + agentId + " (yet)"));
        Team team = Team.of(lead, current.agents().all());
        Instant now = Instant.now();
        List<Member> members = team.members().stream().map(agent -> member(current, agent, now)).toList();
        return new MyTeam(lead == null ? null : new Lead(lead.agentId(), lead.name()), team.queues(), members);
    }

    private Member member(ReadModels current, AgentView agent, Instant now) {
        ListRequest request = ListRequest.parse(new LinkedMultiValueMap<>(Map.of(
                "assignee", List.of(agent.agentId().toString()),
                "status", List.of(CaseStatus.NEW.wire(), CaseStatus.IN_PROGRESS.wire()),
                "sort", List.of("slaDue"),
                "limit", List.of(String.valueOf(CASES_SHOWN)))));
        CasePage page = current.index().search(request.query(), request.sort(), request.limit(), null, now,
                properties.slaAtRiskWindow());
        Dashboard.AgentLoad load = dashboard.load(current.dashboard(), agent, now);
        return new Member(agent.agentId(), agent.name(), agent.availability(), agent.capacity(), load.load(),
                agent.skills(), page.total(), page.items());
    }
}
