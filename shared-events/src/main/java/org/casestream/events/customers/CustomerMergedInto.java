package org.casestream.events.customers;

import java.util.Objects;

/** This record was merged into another: it takes no more changes, and leads to {@code targetId}. */
public record CustomerMergedInto(String customerId, String targetId) implements CustomerEvent {

    public CustomerMergedInto {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(targetId, "targetId");
    }
}
