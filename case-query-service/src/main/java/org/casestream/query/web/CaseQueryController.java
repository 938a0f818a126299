package org.casestream.query.web;

import java.time.Instant;
import java.util.ArrayList;
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
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.casestream.query.cases.SlaState;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.CommentPage;
import org.casestream.query.cases.CommentView;

/** Case lists (from the index), case detail and its thread by page (from MongoDB, by key). */
@RestController
public class CaseQueryController {

    private static final int DEFAULT_PAGE = 50;

    private final ActiveReadModels models;
    private final QueryProperties properties;

    public CaseQueryController(ActiveReadModels models, QueryProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Operation(operationId = "listCases",
            summary = "Cases by filters (status, priority, queue, assignee (an agent id, none, or me: the agent "
            + "the caller's login is linked to), channel, tier, tag, createdFrom, createdTo), full text (q), sort and "
            + "cursor paging; with the total and facet counts")
    @GetMapping("/api/cases")
    @CaseListParameters
    public CasePage list(@RequestParam MultiValueMap<String, String> parameters) {
        return search(ListRequest.parse(AssigneeMe.resolve(parameters, Caller.current())));
    }

    @Operation(summary = "A customer's cases (those of the records merged into them too), with the same filters, "
            + "sort and paging as the case list")
    @GetMapping("/api/customers/{customerId}/cases")
    @CaseListParameters
    public CasePage customerCases(@PathVariable String customerId, @RequestParam MultiValueMap<String, String> parameters) {
        return search(ListRequest.parse(parameters, Map.of("customerId",
                models.current().customers().caseCustomerIds(customerId))));
    }

    @Operation(operationId = "getCase",
            summary = "One case with its latest comments (casestream.query.comments.latest, oldest first), "
            + "commentCount and the cursor of the older ones (olderComments, for /comments?before=); a channel reads "
            + "only the cases it opened, never their internal notes")
    @GetMapping("/api/cases/{caseId}")
    public CaseDetail get(@PathVariable UUID caseId) {
        Caller caller = Caller.current();
        boolean caseWorker = caseWorker(caller);
        CaseView view = find(caseId, caller, caseWorker);
        CaseView shown = caseWorker ? view : view.withoutInternalNotes();
        CommentPage latest = models.current().cases().comments().page(view, caseWorker, null, null,
                properties.comments().latest());
        return new CaseDetail(shown, latest.items(), latest.older(),
                SlaState.of(view, Instant.now(), properties.slaAtRiskWindow()));
    }

    @Operation(operationId = "listComments",
            summary = "A page of a case's comments, oldest first: before a position (older ones), after one "
            + "(newer ones), or else the latest; limit 1 to casestream.query.comments.page-max (50 when not given). "
            + "The same callers as the case; a channel never sees internal notes, nor counts them")
    @GetMapping("/api/cases/{caseId}/comments")
    public CommentPage comments(@PathVariable UUID caseId, @RequestParam(required = false) Integer before,
                                @RequestParam(required = false) Integer after,
                                @RequestParam(required = false) Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        int pageMax = properties.comments().pageMax();
        if (limit != null && (limit < 1 || limit > pageMax)) {
            errors.add(new FieldError("limit", "must be between 1 and " + pageMax));
        }
        if (before != null && after != null) {
            errors.add(new FieldError("before", "give before or after, not both"));
        }
        if (before != null && before < 1) {
            errors.add(new FieldError("before", "must be at least 1"));
        }
        if (after != null && after < 0) {
            errors.add(new FieldError("after", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        Caller caller = Caller.current();
        boolean caseWorker = caseWorker(caller);
        CaseView view = find(caseId, caller, caseWorker);
        return models.current().cases().comments().page(view, caseWorker, before, after,
                limit == null ? Math.min(DEFAULT_PAGE, pageMax) : limit);
    }

    private static boolean caseWorker(Caller caller) {
        return Arrays.stream(SecurityConfiguration.READERS).anyMatch(caller::hasRole);
    }

    /** The case if this caller may read it: a channel only the cases it opened (any other is not there for it). */
    private CaseView find(UUID caseId, Caller caller, boolean caseWorker) {
        return models.current().cases().find(caseId)
                .filter(found -> caseWorker || found.openedBy(caller.channel()))
                .orElseThrow(() -> new NotFound("no case " + caseId));
    }

    private CasePage search(ListRequest request) {
        return models.current().index().search(request.query(), request.sort(), request.limit(), request.cursor(), Instant.now(),
                properties.slaAtRiskWindow());
    }

    /**
     * The case, its latest comments (oldest first) with the cursor for the ones before them ({@code before} of
     * {@code /comments}; null when these are the whole thread), and its SLA state at the time of asking.
     */
    public record CaseDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped CaseView caseView,
                             List<CommentView> comments, Integer olderComments, SlaState slaState) {
    }
}
