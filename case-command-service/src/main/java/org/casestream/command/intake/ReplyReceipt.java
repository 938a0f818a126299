package org.casestream.command.intake;

import java.util.UUID;

import org.casestream.events.CaseStatus;

/** What a channel gets back for a reply: which case took it, the comment's id, and the case's status now. */
public record ReplyReceipt(UUID caseId, String caseNumber, UUID commentId, CaseStatus status) {
}
