package org.casestream.query.customers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casestream.events.Tier;

/**
 * A customer as the query side keeps it (PII: name, addresses, organisation, notes). {@code merged}: the records
 * merged into this one, whose cases are shown with its own; {@code mergedInto}: this record was merged into that one.
 */
public record CustomerView(String customerId, String name, String email, List<String> emails, List<String> externalIds,
                           String organisation, String notes, Tier tier, List<String> merged, String mergedInto,
                           Instant registeredAt, Instant updatedAt, long lastSequence) {

    public CustomerView {
        emails = emails == null ? List.of() : List.copyOf(emails);
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
        merged = merged == null ? List.of() : List.copyOf(merged);
    }

    /** This record's id and every id merged into it: the customer ids its cases carry. */
    public List<String> caseCustomerIds() {
        return Stream.concat(Stream.of(customerId), merged.stream()).toList();
    }

    /** What a search by text looks through, in lower case. */
    public String searchText() {
        return Stream.concat(Stream.of(name, organisation), emails.stream())
                .filter(part -> part != null && !part.isBlank())
                .map(part -> part.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return "CustomerView[" + customerId + ", " + tier + "]";
    }
}
