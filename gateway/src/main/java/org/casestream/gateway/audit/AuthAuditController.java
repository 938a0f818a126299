package org.casestream.gateway.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read who logged in, failed, was locked or throttled, logged out and refreshed a token, and from where. */
@RestController
@Validated
public class AuthAuditController {

    private final AuthAudit audit;

    public AuthAuditController(AuthAudit audit) {
        this.audit = audit;
    }

    /** A page of the log, newest first; {@code nextBefore} asks for the page after it (null on the last). */
    public record Page(List<AuthEvent> items, Long nextBefore) {
    }

    @Operation(operationId = "listAuthEvents",
            summary = "The authentication audit log, newest first: logins, failures, locks, throttling, logouts "
            + "and token refreshes; ?username= for one account, ?before=<id> for the next page")
    @GetMapping("/api/admin/auth-events")
    public Page events(@RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) @Size(max = 200) String username) {
        List<AuthEvent> items = audit.page(before, limit, username);
        return new Page(items, items.size() < limit ? null : items.getLast().id());
    }
}
