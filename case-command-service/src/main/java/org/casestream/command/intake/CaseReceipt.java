package org.casestream.command.intake;

import java.time.Instant;
import java.util.UUID;

import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;

/** What intake answers: the new case's ids and first state. A retried request gets the same receipt. */
public record CaseReceipt(UUID caseId, String caseNumber, CaseStatus status, Queue queue, Priority priority,
                          Channel channel, String externalRef, Instant createdAt) {
}
