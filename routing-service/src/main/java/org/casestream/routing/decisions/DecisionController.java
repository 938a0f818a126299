package org.casestream.routing.decisions;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.routing.process.RoutingStore;
import org.casestream.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DecisionController {

    public record CaseDecisions(UUID caseId, List<RoutingStore.Decision> decisions) {
    }

    private final RoutingStore store;

    public DecisionController(RoutingStore store) {
        this.store = store;
    }

    @Operation(summary = "Why the case went where it went: rule or classifier, priority rules, SLA policy, candidates")
    @GetMapping("/api/routing/decisions/{caseId}")
    public CaseDecisions decisions(@PathVariable UUID caseId) {
        List<RoutingStore.Decision> decisions = store.decisions(caseId);
        if (decisions.isEmpty()) {
            throw new NotFound("Routing has decided nothing on case " + caseId);
        }
        return new CaseDecisions(caseId, decisions);
    }
}
