package org.casestream.command.domain.customers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casestream.events.Tier;
import org.casestream.events.customers.CustomerIdentity;

/** The commands a customer record accepts. */
public final class CustomerCommands {

    private CustomerCommands() {
    }

    public record RegisterCustomer(@TargetAggregateIdentifier String customerId, String name, String email, Tier tier,
                                   String organisation, List<CustomerIdentity> identities, Instant at) {
        public RegisterCustomer {
            Objects.requireNonNull(customerId, "customerId");
            identities = List.copyOf(identities);
        }
    }

    public record AddCustomerIdentity(@TargetAggregateIdentifier String customerId, CustomerIdentity identity) {
    }

    public record ChangeCustomerProfile(@TargetAggregateIdentifier String customerId, String name, String organisation,
                                        String notes) {
    }

    public record ChangeCustomerTier(@TargetAggregateIdentifier String customerId, Tier tier, String reason) {
    }

    /** On the record that stays: take the other's identities (its cases follow by the query side's link). */
    public record AbsorbCustomer(@TargetAggregateIdentifier String customerId, String mergedId,
                                 List<CustomerIdentity> identities) {
        public AbsorbCustomer {
            identities = List.copyOf(identities);
        }
    }

    /** On the record that goes: from now on it leads to the other. */
    public record MergeCustomerInto(@TargetAggregateIdentifier String customerId, String targetId) {
    }
}
