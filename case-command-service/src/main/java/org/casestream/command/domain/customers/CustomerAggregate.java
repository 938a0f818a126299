package org.casestream.command.domain.customers;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casestream.command.domain.RuleViolation;
import org.casestream.command.domain.customers.CustomerCommands.AbsorbCustomer;
import org.casestream.command.domain.customers.CustomerCommands.AddCustomerIdentity;
import org.casestream.command.domain.customers.CustomerCommands.ChangeCustomerProfile;
import org.casestream.command.domain.customers.CustomerCommands.ChangeCustomerTier;
import org.casestream.command.domain.customers.CustomerCommands.MergeCustomerInto;
import org.casestream.command.domain.customers.CustomerCommands.RegisterCustomer;
import org.casestream.events.Tier;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.events.customers.CustomerIdentityAdded;
import org.casestream.events.customers.CustomerMerged;
import org.casestream.events.customers.CustomerMergedInto;
import org.casestream.events.customers.CustomerProfileChanged;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.events.customers.CustomerTierChanged;

/**
 * A customer: the identities they are recognised by, name, organisation, notes and tier. A record merged into
 * another takes no more changes.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshots")
public class CustomerAggregate {

    @AggregateIdentifier
    private String customerId;
    private String name;
    private String organisation;
    private String notes;
    private Tier tier;
    private final List<CustomerIdentity> identities = new ArrayList<>();
    private String mergedInto;

    protected CustomerAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public CustomerAggregate(RegisterCustomer command) {
        apply(new CustomerRegistered(command.customerId(), command.name(), command.email(), command.tier(),
                command.organisation(), command.identities(), command.at()));
    }

    @CommandHandler
    public void handle(AddCustomerIdentity command) {
        requireNotMerged();
        if (!identities.contains(command.identity())) {
            apply(new CustomerIdentityAdded(customerId, command.identity()));
        }
    }

    @CommandHandler
    public void handle(ChangeCustomerProfile command) {
        requireNotMerged();
        if (!(Objects.equals(command.name(), name) && Objects.equals(command.organisation(), organisation)
                && Objects.equals(command.notes(), notes))) {
            apply(new CustomerProfileChanged(customerId, command.name(), command.organisation(), command.notes()));
        }
    }

    @CommandHandler
    public void handle(ChangeCustomerTier command) {
        requireNotMerged();
        if (command.tier() != tier) {
            apply(new CustomerTierChanged(customerId, command.tier(), tier, command.reason()));
        }
    }

    @CommandHandler
    public void handle(AbsorbCustomer command) {
        requireNotMerged();
        if (command.mergedId().equals(customerId)) {
            throw new RuleViolation("A customer cannot be merged into itself");
        }
        apply(new CustomerMerged(customerId, command.mergedId(), command.identities()));
    }

    @CommandHandler
    public List<CustomerIdentity> handle(MergeCustomerInto command) {
        requireNotMerged();
        if (command.targetId().equals(customerId)) {
            throw new RuleViolation("A customer cannot be merged into itself");
        }
        List<CustomerIdentity> moved = List.copyOf(identities);
        apply(new CustomerMergedInto(customerId, command.targetId()));
        return moved;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        name = event.name();
        organisation = event.organisation();
        tier = event.tier();
        identities.addAll(event.identities());
    }

    @EventSourcingHandler
    void on(CustomerIdentityAdded event) {
        identities.add(event.identity());
    }

    @EventSourcingHandler
    void on(CustomerProfileChanged event) {
        name = event.name();
        organisation = event.organisation();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(CustomerTierChanged event) {
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(CustomerMerged event) {
        event.identities().stream().filter(identity -> !identities.contains(identity)).forEach(identities::add);
    }

    @EventSourcingHandler
    void on(CustomerMergedInto event) {
        mergedInto = event.targetId();
        identities.clear();
    }

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw new RuleViolation("This customer was merged into " + mergedInto);
        }
    }
}
