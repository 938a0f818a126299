package org.casestream.notification.directory;

import java.util.UUID;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;

/**
 * What this service knows of a case to address its notifications. Name, email and subject are PII. {@code channel}
 * is null for a case recorded before the channel was kept; {@code mergedInto} the case this duplicate was merged
 * into, null unless it was.
 */
public record CaseEntry(UUID caseId, String caseNumber, String customerName, String customerEmail, String subject,
                        Queue queue, Priority priority, CaseStatus status, UUID assigneeId, long lastSequence,
                        Channel channel, UUID mergedInto) {

    public boolean openedByEmail() {
        return channel == Channel.EMAIL;
    }

    /** A duplicate merged into another case: closed by the merge, not resolved. */
    public boolean merged() {
        return mergedInto != null;
    }

    @Override
    public String toString() {
        return "CaseEntry[" + caseId + ", " + caseNumber + ", " + queue + ", " + priority + ", " + status + "]";
    }
}
