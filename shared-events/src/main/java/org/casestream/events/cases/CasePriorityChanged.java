package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Priority;

public record CasePriorityChanged(UUID caseId, Priority priority, Priority previousPriority, String reason)
        implements CaseEvent {

    public CasePriorityChanged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(priority, "priority");
    }
}
