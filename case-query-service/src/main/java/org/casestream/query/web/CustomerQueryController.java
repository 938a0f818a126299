package org.casestream.query.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.casestream.query.customers.CustomerView;
import org.casestream.query.customers.CustomerViews;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.search.CasePage;
import org.casestream.query.search.ListRequest;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers as staff look them up: by name, organisation or address, and one with all their cases (those of the
 * records merged into it too). A merged record answers with the record it was merged into.
 */
@RestController
public class CustomerQueryController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /**
     * A customer and their cases (newest first, the first page; {@code /api/customers/{id}/cases} pages on).
     * {@code customer} is null for an id that cases carry but no record has (cases opened by a channel that named
     * its own ids before customers were records).
     */
    public record CustomerDetail(String requestedId, CustomerView customer, CasePage cases) {
    }

    private final ActiveReadModels models;
    private final QueryProperties properties;

    public CustomerQueryController(ActiveReadModels models, QueryProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Operation(operationId = "searchCustomers",
            summary = "Customers whose name, organisation or an address contains q (case ignored), by name")
    @GetMapping("/api/customers")
    public Map<String, List<CustomerView>> search(
            @Parameter(description = "the text to look for, at least 2 characters") @RequestParam String q,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit) {
        if (q.strip().length() < 2 || q.length() > 200 || limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidRequest(List.of(q.strip().length() < 2 || q.length() > 200
                    ? new FieldError("q", "must be 2 to 200 characters")
                    : new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return Map.of("customers", customers().search(q.strip(), limit == null ? DEFAULT_LIMIT : limit));
    }

    @Operation(operationId = "getCustomer",
            summary = "A customer's profile, tier and identities with their cases (status, SLA, satisfaction)")
    @GetMapping("/api/customers/{customerId}")
    public CustomerDetail customer(@PathVariable String customerId) {
        Optional<CustomerView> view = customers().current(customerId);
        List<String> ids = view.map(CustomerView::caseCustomerIds).orElse(List.of(customerId));
        MultiValueMap<String, String> newestFirst = new LinkedMultiValueMap<>();
        newestFirst.add("sort", "-createdAt");
        CasePage cases = search(ListRequest.parse(newestFirst, Map.of("customerId", ids)));
        if (view.isEmpty() && cases.total() == 0) {
            throw new NotFound("No customer " + customerId);
        }
        return new CustomerDetail(customerId, view.orElse(null), cases);
    }

    private CustomerViews customers() {
        return models.current().customers();
    }

    private CasePage search(ListRequest request) {
        return models.current().index().search(request.query(), request.sort(), request.limit(), request.cursor(),
                java.time.Instant.now(), properties.slaAtRiskWindow());
    }
}
