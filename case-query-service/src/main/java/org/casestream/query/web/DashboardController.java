package org.casestream.query.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.lucene.search.Query;
import org.casestream.query.agents.AgentView;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.ReadModels;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.search.CaseIndex;
import org.casestream.query.search.CasePage;
import org.casestream.query.search.CaseQuery;
import org.casestream.query.search.ListRequest;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.casestream.query.dashboard.Dashboard;

/** The dashboard, the SLA board and the agents' list. */
@RestController
public class DashboardController {

    private final Dashboard dashboard;
    private final ActiveReadModels models;
    private final QueryProperties properties;

    public DashboardController(Dashboard dashboard, ActiveReadModels models, QueryProperties properties) {
        this.dashboard = dashboard;
        this.models = models;
        this.properties = properties;
    }

    @Operation(summary = "Counts by status, open by priority, queue × status; critical open cases; SLA at risk and "
            + "breached; agents' load, availability and cases resolved today; volume per day (UTC)")
    @GetMapping("/api/dashboard")
    public Dashboard.View dashboard() {
        ReadModels current = models.current();
        return dashboard.view(current.dashboard(), current.index(), current.agents(), Instant.now());
    }

    @Operation(summary = "Open cases by SLA state (at-risk: next due time within the window; breached), soonest "
            + "due first; the list's filters and paging apply too")
    @GetMapping("/api/sla")
    @CaseListParameters
    @Parameter(name = "state", in = ParameterIn.QUERY, required = true, description = "at-risk: next due time within "
            + "the window; breached: past it", schema = @Schema(allowableValues = {"at-risk", "breached"}))
    public CasePage sla(@RequestParam MultiValueMap<String, String> parameters) {
        String state = parameters.getFirst("state");
        Instant now = Instant.now();
        Query condition = switch (state == null ? "" : state) {
            case "at-risk" -> CaseIndex.atRiskAt(now, properties.slaAtRiskWindow());
            case "breached" -> CaseIndex.breachedAt(now);
            default -> throw new InvalidRequest(List.of(new FieldError("state", "must be at-risk or breached")));
        };
        MultiValueMap<String, String> listParameters = new LinkedMultiValueMap<>(parameters);
        listParameters.remove("state");
        listParameters.putIfAbsent("sort", List.of("slaDue"));
        ListRequest request = ListRequest.parse(listParameters);
        CaseQuery query = new CaseQuery(request.query().terms(), request.query().createdFrom(),
                request.query().createdTo(), request.query().text(), condition);
        return models.current().index().search(query, request.sort(), request.limit(), request.cursor(), now, properties.slaAtRiskWindow());
    }

    @Operation(operationId = "listAgents", summary = "Every agent with skills, capacity and availability")
    @GetMapping("/api/agents")
    public List<AgentView> agents() {
        return models.current().agents().all();
    }

}
