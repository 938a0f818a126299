package org.casestream.events.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.SlaTarget;

public record SlaBreached(UUID caseId, SlaTarget target, Instant dueAt) implements CaseEvent {

    public SlaBreached {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(target, "target");
    }
}
