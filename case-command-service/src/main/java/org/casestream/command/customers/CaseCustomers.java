package org.casestream.command.customers;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.customers.CustomerProfileChanged;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.events.customers.CustomerTierChanged;
import org.springframework.stereotype.Service;

/**
 * A customer record as a case carries it: the id, the name and first address and the tier as they are now, the
 * snapshot a case takes when it is opened for them or moved to them. A record merged into another leads to that one.
 */
@Service
public class CaseCustomers {

    private final Customers customers;
    private final EventStore events;

    public CaseCustomers(Customers customers, EventStore events) {
        this.customers = customers;
        this.events = events;
    }

    /** Empty when there is no such record. */
    public Optional<Customer> find(String customerId) {
        return customers.survivor(customerId).flatMap(this::snapshot);
    }

    private Optional<Customer> snapshot(String customerId) {
        String name = null;
        String email = null;
        Tier tier = null;
        for (DomainEventMessage<?> message : events.readEvents(customerId, 0).asStream().toList()) {
            switch (message.getPayload()) {
                case CustomerRegistered registered -> {
                    name = registered.name();
                    email = registered.email();
                    tier = registered.tier();
                }
                case CustomerProfileChanged changed -> name = changed.name();
                case CustomerTierChanged changed -> tier = changed.tier();
                default -> { }
            }
        }
        return email == null ? Optional.empty() : Optional.of(new Customer(customerId, name, email, tier));
    }
}
