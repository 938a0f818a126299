package org.casestream.events.customers;

import java.util.List;
import java.util.Objects;

/**
 * Another record of the same person was merged into this one: its identities are this customer's now, and its
 * cases are shown with this customer's (their events keep the id they were opened with).
 */
public record CustomerMerged(String customerId, String mergedId, List<CustomerIdentity> identities)
        implements CustomerEvent {

    public CustomerMerged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(mergedId, "mergedId");
        identities = identities == null ? List.of() : List.copyOf(identities);
    }
}
