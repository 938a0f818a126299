package org.casestream.events.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The due times the case's SLA policy gives it; set again when the priority changes. */
public record SlaTargetsSet(UUID caseId, Instant firstResponseDue, Instant resolutionDue, String policy)
        implements CaseEvent {

    public SlaTargetsSet {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(resolutionDue, "resolutionDue");
    }
}
