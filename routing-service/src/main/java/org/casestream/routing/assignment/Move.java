package org.casestream.routing.assignment;

import java.util.UUID;

import org.casestream.events.AssignmentReason;

/** One assignment the router wants: {@code agentId} null means unassign (the case goes back to waiting). */
public record Move(UUID caseId, UUID agentId, AssignmentReason reason) {
}
