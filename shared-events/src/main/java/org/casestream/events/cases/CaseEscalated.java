package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

/** The case went one level up the escalation ladder (level 1 is the first escalation). */
public record CaseEscalated(UUID caseId, int level, String reason) implements CaseEvent {

    public CaseEscalated {
        Objects.requireNonNull(caseId, "caseId");
        if (level < 1) {
            throw new IllegalArgumentException("escalation level starts at 1");
        }
    }
}
