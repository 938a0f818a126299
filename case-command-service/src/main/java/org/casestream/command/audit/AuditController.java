package org.casestream.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.casestream.support.security.Caller;
import org.casestream.support.web.NotFound;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.MacroApplied;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit and replay reads: a case's history, a case as of an instant, the global log. */
@RestController
public class AuditController {

    private final CaseHistory history;
    private final AuditLog auditLog;

    public AuditController(CaseHistory history, AuditLog auditLog) {
        this.history = history;
        this.auditLog = auditLog;
    }

    public record AuditPage(List<HistoryEntry> items, Long nextAfter) {
    }

    @Operation(summary = "Every event of a case, oldest first")
    @GetMapping("/api/cases/{caseId}/history")
    public List<HistoryEntry> history(@PathVariable UUID caseId) {
        List<HistoryEntry> entries = history.of(caseId);
        if (entries.isEmpty()) {
            throw new NotFound("No case " + caseId);
        }
        if (Caller.current().hasRole("channel")) {
            // nor which of the team's macros answered: that is the team's
            return entries.stream()
                    .filter(entry -> !(entry.data() instanceof CommentAdded comment && comment.internal()))
                    .filter(entry -> !(entry.data() instanceof MacroApplied)).toList();
        }
        return entries;
    }

    @Operation(operationId = "getCaseAsOf",
            summary = "The case as it is now, or as it was at asOf (folded from its events)")
    @GetMapping("/api/cases/{caseId}")
    public CaseState caseAsOf(@PathVariable UUID caseId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Instant at = asOf == null ? Instant.now() : asOf;
        CaseState view = history.asOf(caseId, at).orElseThrow(() -> new NotFound(
                asOf == null ? "No case " + caseId : "Case " + caseId + " did not exist at " + asOf));
        return Caller.current().hasRole("channel") ? view.withoutInternalNotes() : view;
    }

    @Operation(summary = "The global audit log in log order, paged by position")
    @GetMapping("/api/audit")
    public AuditPage audit(@RequestParam(defaultValue = "-1") @Min(-1) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<HistoryEntry> items = auditLog.page(after, limit);
        return new AuditPage(items, items.isEmpty() ? null : items.getLast().position());
    }
}
