package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

/**
 * A duplicate case, {@code mergedId}, was merged into this one: its thread and history stay on it, readable, and it
 * leads here ({@link CaseMergedInto} on the duplicate, written in the same transaction).
 */
public record CaseMerged(UUID caseId, UUID mergedId, String mergedNumber) implements CaseEvent {

    public CaseMerged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(mergedId, "mergedId");
        Objects.requireNonNull(mergedNumber, "mergedNumber");
        if (caseId.equals(mergedId)) {
            throw new IllegalArgumentException("a case is not merged into itself");
        }
    }
}
