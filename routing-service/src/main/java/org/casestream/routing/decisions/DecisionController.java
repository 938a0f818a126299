package org.casestream.routing.decisions;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.routing.process.RoutingStore;
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

    @Operation(summary = "Why the case went where it went: rule or classifier, priority rules, SLA policy, candidates; "
            + "none (an empty list) while routing has not triaged the case yet, or after its decisions were pruned")
    @GetMapping("/api/routing/decisions/{caseId}")
    public CaseDecisions decisions(@PathVariable UUID caseId) {
        return new CaseDecisions(caseId, store.decisions(caseId));
    }
}
