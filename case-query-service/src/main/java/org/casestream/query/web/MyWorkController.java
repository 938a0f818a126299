package org.casestream.query.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Skill;
import org.casestream.query.agents.AgentView;
import org.casestream.query.cases.CaseSummary;
import org.casestream.query.dashboard.Dashboard;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.ReadModels;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.saved.ReadMarks;
import org.casestream.query.search.CasePage;
import org.casestream.query.search.ListRequest;
import org.casestream.support.security.Caller;
import org.casestream.support.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent's own day: the agent their login is linked to (with its load), the open cases assigned to them soonest
 * due first with what the customer wrote since they last read each, and the marks of what they read.
 */
@RestController
public class MyWorkController {

    /** An agent has at most a few dozen open cases (capacity is at most 500): one page holds them. */
    private static final int MY_CASES_SHOWN = ListRequest.MAX_LIMIT;

    private final ActiveReadModels models;
    private final Dashboard dashboard;
    private final ReadMarks marks;
    private final QueryProperties properties;

    public MyWorkController(ActiveReadModels models, Dashboard dashboard, ReadMarks marks, QueryProperties properties) {
        this.models = models;
        this.dashboard = dashboard;
        this.marks = marks;
        this.properties = properties;
    }

    /** The agent a login works as: skills, capacity, availability, open cases assigned and resolved today. */
    public record MyAgent(UUID agentId, String name, List<Skill> skills, int capacity, Availability availability,
                          long load, long resolvedToday) {
    }

    /** One of my cases: its summary, and whether the customer wrote since I last read it. */
    public record MyCase(@JsonUnwrapped CaseSummary summary, Instant readAt, boolean unread) {
    }

    public record MyCases(List<MyCase> items, long total, long unread) {
    }

    @Operation(operationId = "getMyAgent",
            summary = "The agent the caller's login is linked to, with skills, capacity, availability, load (open "
            + "cases assigned) and cases resolved today; 404 when the login is linked to none")
    @GetMapping("/api/agents/me")
    public MyAgent me() {
        ReadModels current = models.current();
        AgentView agent = myAgent(current);
        Dashboard.AgentLoad load = dashboard.load(current.dashboard(), agent, Instant.now());
        return new MyAgent(agent.agentId(), agent.name(), agent.skills(), agent.capacity(), agent.availability(),
                load.load(), load.resolvedToday());
    }

    @Operation(summary = "My cases: the open cases assigned to the agent the caller's login is linked to, soonest SLA "
            + "due first, each with when I last read it and whether the customer wrote since (unread)")
    @GetMapping("/api/me/cases")
    public MyCases myCases() {
        Caller caller = Caller.current();
        String agentId = AssigneeMe.agentIdOf(caller, "assignee");
        LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(Map.of(
                "assignee", List.of(agentId),
                "status", List.of(CaseStatus.NEW.wire(), CaseStatus.IN_PROGRESS.wire()),
                "sort", List.of("slaDue"),
                "limit", List.of(String.valueOf(MY_CASES_SHOWN))));
        ListRequest request = ListRequest.parse(parameters);
        CasePage page = models.current().index().search(request.query(), request.sort(), request.limit(), null,
                Instant.now(), properties.slaAtRiskWindow());
        Map<UUID, Instant> read = marks.of(caller.subject(), page.items().stream().map(CaseSummary::caseId).toList());
        List<MyCase> items = page.items().stream().map(summary -> {
            Instant readAt = read.get(summary.caseId());
            Instant wrote = summary.lastCustomerMessageAt() == null ? summary.openedAt() : summary.lastCustomerMessageAt();
            return new MyCase(summary, readAt, readAt == null || wrote != null && wrote.isAfter(readAt));
        }).toList();
        return new MyCases(items, page.total(), items.stream().filter(MyCase::unread).count());
    }

    @Operation(summary = "I have read this case as it is now: it is no longer unread in my cases until the customer "
            + "writes again")
    @PutMapping("/api/me/cases/{caseId}/read")
    public ResponseEntity<Void> read(@PathVariable UUID caseId) {
        if (models.current().cases().find(caseId).isEmpty()) {
            throw new NotFound("no case " + caseId);
        }
        marks.read(Caller.current().subject(), caseId, Instant.now());
        return ResponseEntity.noContent().build();
    }

    private static AgentView myAgent(ReadModels current) {
        String agentId = Caller.current().agentId();
        if (agentId == null) {
            throw new NotFound("Your login is not linked to an agent; an admin links it");
        }
        return current.agents().find(UUID.fromString(agentId))
                .orElseThrow(() -> new NotFound("No agent " + agentId + " (yet)"));
    }
}
