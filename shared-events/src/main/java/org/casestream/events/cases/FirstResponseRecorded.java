package org.casestream.events.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The first public agent reply: it stops the first-response SLA clock. */
public record FirstResponseRecorded(UUID caseId, Instant respondedAt, String agentId) implements CaseEvent {

    public FirstResponseRecorded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(respondedAt, "respondedAt");
    }
}
