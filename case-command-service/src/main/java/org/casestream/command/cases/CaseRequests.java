package org.casestream.command.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casestream.command.attachments.AttachmentRef;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.Visibility;

/** The bodies of the case command endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record StatusChange(@NotNull CaseStatus status) {
    }

    public record NewComment(@NotBlank @Size(max = 50_000) String body, Visibility visibility, UUID parentId,
                             AuthorType authorType, @Size(max = 20) List<@Valid AttachmentRef> attachments) {
        @Override
        public String toString() {
            return "NewComment[" + visibility + ", parent=" + parentId + "]";
        }
    }

    public record PriorityChange(@NotNull Priority priority, @Size(max = 500) String reason) {
    }

    /**
     * {@code agentId: null} unassigns the case. {@code reason} defaults to manual (a manual reassignment is
     * recorded as a transfer); routing sends auto, escalation or agent-offline.
     */
    public record AssignmentChange(UUID agentId, AssignmentReason reason) {
    }

    public record Escalation(@Size(max = 500) String reason) {
    }

    /** {@code source}: who decided (manual by default; routing sends rule or classifier). */
    public record Classification(@NotNull Queue queue,
                                 @Pattern(regexp = "manual|rule|classifier", message = "must be manual, rule or classifier")
                                 String source) {
    }

    public record Tagging(@Size(max = 20) Set<@NotBlank @Size(max = 50) String> add,
                          @Size(max = 20) Set<@NotBlank @Size(max = 50) String> remove) {
    }

    public record Rating(@Min(1) @Max(5) int rating, @Size(max = 2000) String comment) {
    }

    public record SlaTargets(Instant firstResponseDue, @NotNull Instant resolutionDue, @Size(max = 100) String policy) {
    }

    public record SlaBreach(@NotNull SlaTarget target, Instant dueAt) {
    }

    public record Bulk(@NotEmpty @Size(max = 500) List<@NotNull UUID> caseIds, @NotNull BulkAction action,
                       CaseStatus status, Priority priority, UUID agentId, Queue queue,
                       @Size(max = 20) Set<@NotBlank @Size(max = 50) String> tags, @Size(max = 500) String reason) {
    }

    public record SubjectChange(@NotBlank @Size(max = 250) String subject) {
        @Override
        public String toString() {
            return "SubjectChange[]";
        }
    }

    /** {@code customerId}: a customer record ({@code GET /api/customers}); a merged one leads to its survivor. */
    public record CustomerChange(@NotBlank @Size(max = 64) String customerId) {
    }

    /** {@code into}: the id of the case the duplicate is merged into. */
    public record Merge(@NotNull UUID into) {
    }

    public record Reopening(@NotBlank @Size(max = 500) String reason) {
        @Override
        public String toString() {
            return "Reopening[]";
        }
    }
}
