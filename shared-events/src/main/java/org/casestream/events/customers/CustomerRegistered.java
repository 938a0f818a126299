package org.casestream.events.customers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.casestream.events.Tier;

/** A new customer record, with the identities it was found by; name, email, organisation are PII. */
public record CustomerRegistered(String customerId, String name, String email, Tier tier, String organisation,
                                 List<CustomerIdentity> identities, Instant registeredAt) implements CustomerEvent {

    public CustomerRegistered {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        tier = tier == null ? Tier.STANDARD : tier;
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    @Override
    public String toString() {
        return "CustomerRegistered[" + customerId + ", tier=" + tier + "]";
    }
}
