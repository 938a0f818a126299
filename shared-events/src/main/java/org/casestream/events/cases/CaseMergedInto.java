package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

/**
 * This case was a duplicate and was merged into {@code targetId}: it leads there and takes no more changes (its
 * conversation goes on in the target). Its closing is the {@link CaseStatusChanged} to done that follows, unless it
 * was done already. The target records {@link CaseMerged}; both are written in one transaction.
 */
public record CaseMergedInto(UUID caseId, UUID targetId, String targetNumber) implements CaseEvent {

    public CaseMergedInto {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(targetNumber, "targetNumber");
        if (caseId.equals(targetId)) {
            throw new IllegalArgumentException("a case is not merged into itself");
        }
    }
}
