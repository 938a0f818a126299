package org.casestream.query.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.platform.SecurityConfiguration;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.search.CasePage;
import org.casestream.query.search.ListRequest;
import org.casestream.support.security.Caller;
import org.casestream.support.web.NotFound;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.casestream.query.cases.SlaState;
import org.casestream.query.cases.CaseView;

/** Case lists (from the index) and case detail (from MongoDB, by key). */
@RestController
public class CaseQueryController {

    private final ActiveReadModels models;
    private final QueryProperties properties;

    public CaseQueryController(ActiveReadModels models, QueryProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Operation(summary = "Cases by filters (status, priority, queue, assignee, channel, tier, tag, createdFrom, "
            + "createdTo), full text (q), sort and cursor paging; with the total and facet counts")
    @GetMapping("/api/cases")
    public CasePage list(@RequestParam MultiValueMap<String, String> parameters) {
        return search(ListRequest.parse(parameters));
    }

    @Operation(summary = "A customer's cases, with the same filters, sort and paging as the case list")
    @GetMapping("/api/customers/{customerId}/cases")
    public CasePage customerCases(@PathVariable String customerId, @RequestParam MultiValueMap<String, String> parameters) {
        return search(ListRequest.parse(parameters, Map.of("customerId", List.of(customerId))));
    }

    @Operation(summary = "One case with its comment thread; a channel reads only the cases it opened, never their "
            + "internal notes")
    @GetMapping("/api/cases/{caseId}")
    public CaseDetail get(@PathVariable UUID caseId) {
        Caller caller = Caller.current();
        boolean caseWorker = Arrays.stream(SecurityConfiguration.READERS).anyMatch(caller::hasRole);
        CaseView view = models.current().cases().find(caseId)
                .filter(found -> caseWorker || found.openedBy(caller.channel()))
                .orElseThrow(() -> new NotFound("no case " + caseId));
        CaseView shown = caseWorker ? view : view.withoutInternalNotes();
        return new CaseDetail(shown, SlaState.of(view, Instant.now(), properties.slaAtRiskWindow()));
    }

    private CasePage search(ListRequest request) {
        return models.current().index().search(request.query(), request.sort(), request.limit(), request.cursor(), Instant.now(),
                properties.slaAtRiskWindow());
    }

    /** The case and its SLA state at the time of asking. */
    public record CaseDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped CaseView caseView, SlaState slaState) {
    }
}
