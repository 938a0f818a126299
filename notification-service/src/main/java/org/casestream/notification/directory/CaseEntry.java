package org.casestream.notification.directory;

import java.util.UUID;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;

/**
 * What this service knows of a case to address its notifications. Name, email and subject are PII. {@code channel}
 * is null for a case recorded before the channel was kept.
 */
public record CaseEntry(UUID caseId, String caseNumber, String customerName, String customerEmail, String subject,
                        Queue queue, Priority priority, CaseStatus status, UUID assigneeId, long lastSequence,
                        Channel channel) {

    public boolean openedByEmail() {
        return channel == Channel.EMAIL;
    }

    @Override
    public String toString() {
        return "CaseEntry[" + caseId + ", " + caseNumber + ", " + queue + ", " + priority + ", " + status + "]";
    }
}
