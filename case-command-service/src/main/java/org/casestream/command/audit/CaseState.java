package org.casestream.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.Visibility;

/**
 * A case as its events say it was at some instant: the answer of {@code GET /api/cases/{id}?asOf=}.
 * {@code attachments}: the files the first message came with. {@code mergedInto}: the case this duplicate was merged
 * into (null unless it was); {@code merged}: the duplicates merged into this one, in the order they came.
 */
public record CaseState(UUID caseId, String caseNumber, CaseStatus status, Priority priority, Queue queue,
                        Channel channel, String externalRef, Customer customer, String subject, String description,
                        List<Attachment> attachments, UUID assignee, List<String> tags, Sla sla,
                        int escalationLevel, Satisfaction satisfaction, List<Comment> comments, CaseLink mergedInto,
                        List<CaseLink> merged, Instant createdAt, Instant updatedAt, Instant resolvedAt, long version,
                        Instant asOf) {

    /** Another case, by id and number. */
    public record CaseLink(UUID caseId, String caseNumber) {
    }

    public record Sla(Instant firstResponseDue, Instant resolutionDue, String policy, Instant firstRespondedAt,
                      List<SlaTarget> breached) {
    }

    public record Satisfaction(int rating, String comment, Instant at) {
    }

    public record Comment(UUID commentId, UUID parentId, AuthorType authorType, String authorId, String authorName,
                          Visibility visibility, String body, List<Attachment> attachments, Instant at) {
    }

    /** The same case without internal notes, for callers that must never see them. */
    public CaseState withoutInternalNotes() {
        return new CaseState(caseId, caseNumber, status, priority, queue, channel, externalRef, customer, subject,
                description, attachments, assignee, tags, sla, escalationLevel, satisfaction,
                comments.stream().filter(comment -> comment.visibility() == Visibility.PUBLIC).toList(),
                mergedInto, merged, createdAt, updatedAt, resolvedAt, version, asOf);
    }
}
