package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.CaseStatus;

/** A customer replied to a done case: it is back in progress. {@code commentId} is the reply that did it. */
public record CaseReopened(UUID caseId, CaseStatus status, UUID commentId) implements CaseEvent {

    public CaseReopened {
        Objects.requireNonNull(caseId, "caseId");
        status = status == null ? CaseStatus.IN_PROGRESS : status;
    }
}
