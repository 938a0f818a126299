package org.casestream.query.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casestream.events.customers.CustomerEvent;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.events.customers.CustomerIdentityAdded;
import org.casestream.events.customers.CustomerMerged;
import org.casestream.events.customers.CustomerMergedInto;
import org.casestream.events.customers.CustomerProfileChanged;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.events.customers.CustomerTierChanged;

/** How each customer event changes a customer view. */
public final class CustomerFold {

    private CustomerFold() {
    }

    public static CustomerView apply(CustomerView view, CustomerEvent event, Instant at, long sequence) {
        if (event instanceof CustomerRegistered registered) {
            return new CustomerView(registered.customerId(), registered.name(), registered.email(),
                    emails(List.of(), registered.identities()), externalIds(List.of(), registered.identities()),
                    registered.organisation(), null, registered.tier(), List.of(), null, at, at, sequence);
        }
        if (view == null) {
            throw new IllegalStateException("the first event of customer " + event.customerId()
                    + " is not CustomerRegistered");
        }
        return switch (event) {
            case CustomerRegistered ignored -> throw new IllegalStateException("registered twice");
            case CustomerIdentityAdded added -> with(view, view.name(), view.organisation(), view.notes(), view.tier(),
                    emails(view.emails(), List.of(added.identity())),
                    externalIds(view.externalIds(), List.of(added.identity())), view.merged(), view.mergedInto(), at,
                    sequence);
            case CustomerProfileChanged changed -> with(view, changed.name(), changed.organisation(), changed.notes(),
                    view.tier(), view.emails(), view.externalIds(), view.merged(), view.mergedInto(), at, sequence);
            case CustomerTierChanged changed -> with(view, view.name(), view.organisation(), view.notes(),
                    changed.tier(), view.emails(), view.externalIds(), view.merged(), view.mergedInto(), at, sequence);
            case CustomerMerged merged -> {
                List<String> mergedIds = new ArrayList<>(view.merged());
                if (!mergedIds.contains(merged.mergedId())) {
                    mergedIds.add(merged.mergedId());
                }
                yield with(view, view.name(), view.organisation(), view.notes(), view.tier(),
                        emails(view.emails(), merged.identities()), externalIds(view.externalIds(), merged.identities()),
                        mergedIds, view.mergedInto(), at, sequence);
            }
            case CustomerMergedInto into -> with(view, view.name(), view.organisation(), view.notes(), view.tier(),
                    view.emails(), view.externalIds(), view.merged(), into.targetId(), at, sequence);
        };
    }

    private static CustomerView with(CustomerView view, String name, String organisation, String notes,
            org.casestream.events.Tier tier, List<String> emails, List<String> externalIds, List<String> merged,
            String mergedInto, Instant at, long sequence) {
        return new CustomerView(view.customerId(), name, view.email(), emails, externalIds, organisation, notes, tier,
                merged, mergedInto, view.registeredAt(), at, sequence);
    }

    private static List<String> emails(List<String> known, List<CustomerIdentity> identities) {
        List<String> emails = new ArrayList<>(known);
        identities.stream().filter(identity -> identity.kind().equals(CustomerIdentity.EMAIL))
                .map(CustomerIdentity::value).filter(email -> !emails.contains(email)).forEach(emails::add);
        return emails;
    }

    private static List<String> externalIds(List<String> known, List<CustomerIdentity> identities) {
        List<String> ids = new ArrayList<>(known);
        identities.stream().filter(identity -> identity.kind().equals(CustomerIdentity.EXTERNAL))
                .map(identity -> identity.channel() + ":" + identity.value()).filter(id -> !ids.contains(id))
                .forEach(ids::add);
        return ids;
    }
}
