package org.casestream.events.customers;

import org.casestream.events.DomainEvent;

/**
 * Everything that can happen to a customer record. A customer's id is the one cases carry
 * ({@link org.casestream.events.Customer#customerId()}); names, addresses and notes are PII.
 */
public sealed interface CustomerEvent extends DomainEvent
        permits CustomerRegistered, CustomerIdentityAdded, CustomerProfileChanged, CustomerTierChanged,
        CustomerMerged, CustomerMergedInto {

    String customerId();

    @Override
    default String aggregateId() {
        return customerId();
    }
}
