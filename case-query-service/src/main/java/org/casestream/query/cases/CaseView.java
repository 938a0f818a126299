package org.casestream.query.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Attachment;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;

/**
 * Everything the query side knows about one case, as one MongoDB document fetched by its id: bounded whatever the
 * case's history, so its thread is not in it. Its comments are in {@link CaseComments}, numbered 1 to
 * {@code commentCount} in the order they came ({@code internalNoteCount} of them internal notes); the view keeps
 * when the customer last wrote and when an agent last replied in public.
 * {@code attachments}: the files the first message came with (none on views of cases opened before files could
 * come with it). {@code lastSequence} is the sequence of the last event applied: an event at or below it was
 * already applied. {@code mergedInto}: the case this duplicate was merged into (null unless it was); {@code merged}:
 * the duplicates merged into this one (none on views stored before cases could be merged).
 * {@code publicAgentReplies}: how many public replies agents wrote (first-contact resolution is read from it); null on
 * views stored before it was counted, which the analytics counters then leave out of the figures that need it.
 */
public record CaseView(UUID caseId, String caseNumber, Customer customer, String subject, String description,
                       List<Attachment> attachments, Channel channel, String externalRef, CaseOrigin origin,
                       Queue queue, Priority priority, CaseStatus status,
                       UUID assignee, List<String> tags, Sla sla, int escalationLevel, Satisfaction satisfaction,
                       int commentCount, int internalNoteCount, Instant lastCustomerMessageAt, Instant lastAgentReplyAt,
                       Instant openedAt, Instant updatedAt, Instant resolvedAt, int reopenCount, CaseLink mergedInto,
                       List<CaseLink> merged, Integer publicAgentReplies, long lastSequence) {

    public CaseView {
        tags = tags == null ? List.of() : List.copyOf(tags);
        merged = merged == null ? List.of() : List.copyOf(merged);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        sla = sla == null ? Sla.NONE : sla;
    }

    public boolean open() {
        return status != CaseStatus.DONE;
    }

    /**
     * Whether this channel opened the case: only then may it read it. Cases stored before the origin was recorded
     * are no channel's.
     */
    public boolean openedBy(String channelName) {
        return origin == CaseOrigin.CHANNEL && channelName != null && channel.wire().equals(channelName);
    }

    /** The same case as a caller who must never see internal notes sees it: they do not count. */
    public CaseView withoutInternalNotes() {
        return new CaseView(caseId, caseNumber, customer, subject, description, attachments, channel, externalRef,
                origin, queue, priority, status, assignee, tags, sla, escalationLevel, satisfaction,
                commentCount - internalNoteCount, 0, lastCustomerMessageAt, lastAgentReplyAt, openedAt, updatedAt,
                resolvedAt, reopenCount, mergedInto, merged, publicAgentReplies, lastSequence);
    }

    /** The SLA clocks: due times from the policy, when the first response came, and the breaches recorded. */
    public record Sla(Instant firstResponseDue, Instant resolutionDue, String policy, Instant firstRespondedAt,
                      List<Breach> breaches) {

        public static final Sla NONE = new Sla(null, null, null, null, List.of());

        public Sla {
            breaches = breaches == null ? List.of() : List.copyOf(breaches);
        }
    }

    /** Another case, by id and number. */
    public record CaseLink(UUID caseId, String caseNumber) {
    }

    public record Breach(String target, Instant dueAt, Instant recordedAt) {
    }

    public record Satisfaction(int rating, String comment, Instant ratedAt) {
    }
}
