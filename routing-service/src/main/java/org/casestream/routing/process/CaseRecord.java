package org.casestream.routing.process;

import java.time.Instant;
import java.util.UUID;

import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.classification.CaseText;

/** Routing's view of one case, as kept in {@code routing.cases}. Subject and description are PII. */
public record CaseRecord(UUID caseId, String caseNumber, Queue queue, Priority priority, Tier tier, Channel channel,
                         String subject, String description, CaseStatus status, UUID assignee, boolean manual,
                         Instant openedAt, Instant firstResponseDue, Instant resolutionDue, String slaPolicy,
                         int escalationLevel, long lastSequence) {

    public CaseText text() {
        return CaseText.of(subject, description);
    }

    public boolean open() {
        return status != CaseStatus.DONE;
    }

    public OpenCase toOpenCase() {
        return new OpenCase(caseId, queue, priority, resolutionDue, openedAt, assignee, manual);
    }

    @Override
    public String toString() {
        return "CaseRecord[" + caseId + ", " + queue + ", " + priority + ", " + status + ", assignee=" + assignee + "]";
    }
}
