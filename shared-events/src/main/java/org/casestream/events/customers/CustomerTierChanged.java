package org.casestream.events.customers;

import java.util.Objects;

import org.casestream.events.Tier;

/** A new tier: the customer's next cases are routed and given SLA targets by it (cases already open keep theirs). */
public record CustomerTierChanged(String customerId, Tier tier, Tier previous, String reason) implements CustomerEvent {

    public CustomerTierChanged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
    }
}
