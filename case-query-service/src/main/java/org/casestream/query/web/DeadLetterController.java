package org.casestream.query.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.query.rebuild.ParkedEvents;
import org.casestream.support.events.DeadLetters;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ops: the events the projection could not apply and parked, listed (never their content) and retried. */
@RestController
public class DeadLetterController {

    private static final int MAX_LIMIT = 1_000;

    private final ParkedEvents parked;

    public DeadLetterController(ParkedEvents parked) {
        this.parked = parked;
    }

    @Operation(operationId = "listDeadLetters",
            summary = "The parked events not retried yet: how many, and the first ones in order (limit, 100 when "
            + "not given, at most 1000) with where each came from, its type, id and case, the failure's class and why")
    @GetMapping("/api/ops/dead-letters")
    public DeadLetters.Listing list(@RequestParam(required = false) Integer limit) {
        if (limit != null && (limit < 0 || limit > MAX_LIMIT)) {
            throw new InvalidRequest(List.of(new FieldError("limit", "must be between 0 and " + MAX_LIMIT)));
        }
        return parked.list(limit == null ? 100 : limit);
    }

    @Operation(summary = "Applies the parked events again, in order, until one still fails (it and those after it "
            + "stay parked): how many went through, how many remain, and where it stopped; 409 during a rebuild")
    @PostMapping("/api/ops/dead-letters/retry")
    public DeadLetters.Retried retry() {
        return parked.retry();
    }
}
