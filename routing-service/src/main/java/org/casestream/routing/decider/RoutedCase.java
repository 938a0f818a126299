package org.casestream.routing.decider;

import java.time.Instant;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseOpened;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.classification.CaseText;

/**
 * Routing's view of one case, as kept in {@code routing.cases}. Subject and description are PII.
 * {@code manual}: a person assigned the case, so the router never moves it.
 */
public record RoutedCase(UUID caseId, String caseNumber, Queue queue, Priority priority, Tier tier, Channel channel,
                         String subject, String description, CaseStatus status, UUID assignee, boolean manual,
                         Instant openedAt, Instant firstResponseDue, Instant resolutionDue, String slaPolicy,
                         int escalationLevel, long lastSequence) {

    /** The case as routing first knows it, before routing decided anything on it. */
    public static RoutedCase opened(CaseOpened opened, long sequence) {
        return new RoutedCase(opened.caseId(), opened.caseNumber(), opened.queue(), opened.priority(),
                opened.customer().tier(), opened.channel(), opened.subject(), opened.description(), CaseStatus.NEW,
                null, false, opened.openedAt(), null, null, null, 0, sequence);
    }

    /** An assignment or transfer a person made: that case is theirs to keep, the router never moves it again. */
    public static boolean byPerson(CaseAssigned assigned, boolean byRouting) {
        return !byRouting && (assigned.reason() == AssignmentReason.MANUAL
                || assigned.reason() == AssignmentReason.TRANSFER);
    }

    /** Whether the case stays a person's after this assignment: a person made it, or it is still their pick. */
    public boolean manualAfter(CaseAssigned assigned, boolean byRouting) {
        return byPerson(assigned, byRouting) || (manual && assigned.agentId().equals(assignee));
    }

    public CaseText text() {
        return CaseText.of(subject, description);
    }

    public boolean open() {
        return status != CaseStatus.DONE;
    }

    /** The same case with the priority a decision gives it, for the decisions planned after that one. */
    public RoutedCase withPriority(Priority raised) {
        return new RoutedCase(caseId, caseNumber, queue, raised, tier, channel, subject, description, status,
                assignee, manual, openedAt, firstResponseDue, resolutionDue, slaPolicy, escalationLevel, lastSequence);
    }

    public OpenCase toOpenCase() {
        return new OpenCase(caseId, queue, priority, resolutionDue, openedAt, assignee, manual);
    }

    @Override
    public String toString() {
        return "RoutedCase[" + caseId + ", " + queue + ", " + priority + ", " + status + ", assignee=" + assignee + "]";
    }
}
