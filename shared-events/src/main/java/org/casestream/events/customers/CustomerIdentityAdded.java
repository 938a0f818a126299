package org.casestream.events.customers;

import java.util.Objects;

/** The customer is also recognised by this address or channel id from now on. */
public record CustomerIdentityAdded(String customerId, CustomerIdentity identity) implements CustomerEvent {

    public CustomerIdentityAdded {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(identity, "identity");
    }
}
