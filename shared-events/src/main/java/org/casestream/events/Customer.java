package org.casestream.events;

import java.util.Objects;

/** The person a case is for. Name and email are PII: never log them. */
public record Customer(String customerId, String name, String email, Tier tier) {

    public Customer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(email, "email");
        tier = tier == null ? Tier.STANDARD : tier;
    }

    @Override
    public String toString() {
        return "Customer[" + customerId + ", tier=" + tier + "]";
    }
}
