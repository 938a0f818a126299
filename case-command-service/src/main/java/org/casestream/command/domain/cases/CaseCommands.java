package org.casestream.command.domain.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casestream.events.AssignmentReason;
import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.Visibility;

/** The commands a case accepts, verb + noun, the target case first. */
public final class CaseCommands {

    private CaseCommands() {
    }

    public record OpenCase(@TargetAggregateIdentifier UUID caseId, String caseNumber, Customer customer,
                           String subject, String description, Channel channel, String externalRef, Queue queue,
                           Priority priority, List<String> tags, Instant openedAt, CaseOrigin origin,
                           Priority requestedPriority, List<Attachment> attachments) {
        public OpenCase {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(caseNumber, "caseNumber");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(openedAt, "openedAt");
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    public record ClassifyCase(@TargetAggregateIdentifier UUID caseId, Queue queue, String source) {
        public ClassifyCase {
            Objects.requireNonNull(queue, "queue");
        }
    }

    public record ChangePriority(@TargetAggregateIdentifier UUID caseId, Priority priority, String reason) {
        public ChangePriority {
            Objects.requireNonNull(priority, "priority");
        }
    }

    public record SetSlaTargets(@TargetAggregateIdentifier UUID caseId, Instant firstResponseDue,
                                Instant resolutionDue, String policy) {
        public SetSlaTargets {
            Objects.requireNonNull(resolutionDue, "resolutionDue");
        }
    }

    public record AssignCase(@TargetAggregateIdentifier UUID caseId, UUID agentId, AssignmentReason reason) {
        public AssignCase {
            Objects.requireNonNull(agentId, "agentId");
            reason = reason == null ? AssignmentReason.MANUAL : reason;
        }
    }

    public record UnassignCase(@TargetAggregateIdentifier UUID caseId, AssignmentReason reason) {
        public UnassignCase {
            reason = reason == null ? AssignmentReason.MANUAL : reason;
        }
    }

    public record ChangeStatus(@TargetAggregateIdentifier UUID caseId, CaseStatus status) {
        public ChangeStatus {
            Objects.requireNonNull(status, "status");
        }
    }

    public record AddComment(@TargetAggregateIdentifier UUID caseId, UUID commentId, UUID parentId,
                             AuthorType authorType, String authorId, String authorName, Visibility visibility,
                             String body, List<Attachment> attachments, Instant at) {
        public AddComment {
            Objects.requireNonNull(commentId, "commentId");
            Objects.requireNonNull(authorType, "authorType");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(at, "at");
            visibility = visibility == null ? Visibility.PUBLIC : visibility;
        }
    }

    public record RecordFirstResponse(@TargetAggregateIdentifier UUID caseId, String agentId, Instant at) {
        public RecordFirstResponse {
            Objects.requireNonNull(at, "at");
        }
    }

    public record RecordSlaBreach(@TargetAggregateIdentifier UUID caseId, SlaTarget target, Instant dueAt) {
        public RecordSlaBreach {
            Objects.requireNonNull(target, "target");
        }
    }

    public record EscalateCase(@TargetAggregateIdentifier UUID caseId, String reason) {
    }

    public record TagCase(@TargetAggregateIdentifier UUID caseId, Set<String> add, Set<String> remove) {
        public TagCase {
            add = add == null ? Set.of() : Set.copyOf(add);
            remove = remove == null ? Set.of() : Set.copyOf(remove);
        }
    }

    /**
     * Applies a macro: its reply or note ({@code body}, rendered already, as {@code commentId}), an optional internal
     * {@code note} (as {@code noteId}), and the status, priority and tags it sets, all or nothing. Who applies it
     * ({@code appliedBy}, the caller's subject, and their name) is the author of its comments.
     */
    public record ApplyMacro(@TargetAggregateIdentifier UUID caseId, UUID macroId, String macroName, String appliedBy,
                             String appliedByName, UUID commentId, Visibility visibility, String body, UUID noteId,
                             String note, CaseStatus status, Priority priority, Set<String> tags, Instant at) {
        public ApplyMacro {
            Objects.requireNonNull(macroId, "macroId");
            Objects.requireNonNull(macroName, "macroName");
            Objects.requireNonNull(commentId, "commentId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(at, "at");
            if (note != null) {
                Objects.requireNonNull(noteId, "noteId");
            }
            visibility = visibility == null ? Visibility.PUBLIC : visibility;
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }

        @Override
        public String toString() {
            return "ApplyMacro[" + caseId + ", " + macroId + "]";
        }
    }

    public record RateSatisfaction(@TargetAggregateIdentifier UUID caseId, int rating, String comment) {
    }

    public record ChangeSubject(@TargetAggregateIdentifier UUID caseId, String subject) {
        public ChangeSubject {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** {@code customer}: the record's name, address and tier now, as the case will carry them. */
    public record ChangeCustomer(@TargetAggregateIdentifier UUID caseId, Customer customer) {
        public ChangeCustomer {
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** Sent to a duplicate: it is merged into {@code targetId} (whose number it shows) and closes. */
    public record MergeCaseInto(@TargetAggregateIdentifier UUID caseId, UUID targetId, String targetNumber) {
        public MergeCaseInto {
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(targetNumber, "targetNumber");
        }
    }

    /** Sent to the case a duplicate was merged into, in the same transaction as {@link MergeCaseInto}. */
    public record AbsorbCase(@TargetAggregateIdentifier UUID caseId, UUID mergedId, String mergedNumber) {
        public AbsorbCase {
            Objects.requireNonNull(mergedId, "mergedId");
            Objects.requireNonNull(mergedNumber, "mergedNumber");
        }
    }

    /** An agent reopens a done case, saying why. */
    public record ReopenCase(@TargetAggregateIdentifier UUID caseId, String reason) {
    }
}
