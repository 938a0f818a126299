package org.casestream.events.cases;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Tags were added to or removed from the case. */
public record CaseTagged(UUID caseId, List<String> added, List<String> removed) implements CaseEvent {

    public CaseTagged {
        Objects.requireNonNull(caseId, "caseId");
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
