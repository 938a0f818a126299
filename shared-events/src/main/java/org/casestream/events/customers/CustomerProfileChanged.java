package org.casestream.events.customers;

import java.util.Objects;

/** The customer's name, organisation and notes as they are now (PII). */
public record CustomerProfileChanged(String customerId, String name, String organisation, String notes)
        implements CustomerEvent {

    public CustomerProfileChanged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "CustomerProfileChanged[" + customerId + "]";
    }
}
