package org.casestream.query.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;

/**
 * A case as lists, boards and the live stream show it: no description, no comment bodies, no internal notes.
 * {@code slaState} depends on the time of reading, so it is filled in when read ({@link #at}).
 * {@code satisfactionRating}: the customer's rating (1 to 5), null until they rate (and in summaries indexed before
 * lists carried it). {@code lastCustomerMessageAt}: when the customer last wrote (the opening message counts), null in
 * summaries indexed before lists carried it.
 */
public record CaseSummary(UUID caseId, String caseNumber, String subject, CaseStatus status, Priority priority,
                          Queue queue, Channel channel, Tier tier, String customerId, String customerName,
                          UUID assignee, List<String> tags, int escalationLevel, int commentCount,
                          Instant openedAt, Instant updatedAt, Instant resolvedAt, Instant firstResponseDue,
                          Instant resolutionDue, Instant nextDue, boolean breachRecorded, SlaState slaState,
                          Integer satisfactionRating, Instant lastCustomerMessageAt, long sequence) {

    public static CaseSummary of(CaseView view) {
        return new CaseSummary(view.caseId(), view.caseNumber(), view.subject(), view.status(), view.priority(),
                view.queue(), view.channel(), view.customer().tier(), view.customer().customerId(),
                view.customer().name(), view.assignee(), view.tags(), view.escalationLevel(), view.commentCount(),
                view.openedAt(), view.updatedAt(), view.resolvedAt(), view.sla().firstResponseDue(),
                view.sla().resolutionDue(), SlaState.nextDue(view), !view.sla().breaches().isEmpty(), null,
                view.satisfaction() == null ? null : view.satisfaction().rating(),
                view.lastCustomerMessageAt() == null ? view.openedAt() : view.lastCustomerMessageAt(),
                view.lastSequence());
    }

    /** The same summary with its SLA state as of {@code now}. */
    public CaseSummary at(Instant now, Duration atRiskWindow) {
        SlaState state;
        boolean open = status != CaseStatus.DONE;
        if (!open) {
            state = breachRecorded ? SlaState.BREACHED : resolutionDue == null ? SlaState.NONE : SlaState.MET;
        } else if (breachRecorded || nextDue != null && nextDue.isBefore(now)) {
            state = SlaState.BREACHED;
        } else if (nextDue == null) {
            state = SlaState.NONE;
        } else {
            state = nextDue.isAfter(now.plus(atRiskWindow)) ? SlaState.OK : SlaState.AT_RISK;
        }
        return new CaseSummary(caseId, caseNumber, subject, status, priority, queue, channel, tier, customerId,
                customerName, assignee, tags, escalationLevel, commentCount, openedAt, updatedAt, resolvedAt,
                firstResponseDue, resolutionDue, nextDue, breachRecorded, state, satisfactionRating,
                lastCustomerMessageAt, sequence);
    }

    @Override
    public String toString() {
        return "CaseSummary[" + caseId + ", " + status + ", " + priority + "]";
    }
}
