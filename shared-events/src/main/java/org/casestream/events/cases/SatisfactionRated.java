package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

/** The customer's CSAT rating, 1 (very unhappy) to 5 (very happy). */
public record SatisfactionRated(UUID caseId, int rating, String comment) implements CaseEvent {

    public SatisfactionRated {
        Objects.requireNonNull(caseId, "caseId");
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1..5, was " + rating);
        }
    }

    @Override
    public String toString() {
        return "SatisfactionRated[" + caseId + ", " + rating + "]";
    }
}
