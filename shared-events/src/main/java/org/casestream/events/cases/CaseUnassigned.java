package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.AssignmentReason;

public record CaseUnassigned(UUID caseId, UUID previousAgentId, AssignmentReason reason) implements CaseEvent {

    public CaseUnassigned {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(previousAgentId, "previousAgentId");
        Objects.requireNonNull(reason, "reason");
    }
}
