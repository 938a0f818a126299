package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.CaseStatus;

public record CaseStatusChanged(UUID caseId, CaseStatus status, CaseStatus previousStatus) implements CaseEvent {

    public CaseStatusChanged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(previousStatus, "previousStatus");
    }
}
