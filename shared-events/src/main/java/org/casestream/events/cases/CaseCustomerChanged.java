package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Customer;

/**
 * The case is another customer record's now (it was opened for the wrong person, or under a second record of
 * theirs): {@code customer} is that record's name, address and tier as they were at the change, the snapshot
 * {@link CaseOpened} carries too; {@code previousCustomer} the one the case had.
 */
public record CaseCustomerChanged(UUID caseId, Customer customer, Customer previousCustomer) implements CaseEvent {

    public CaseCustomerChanged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(customer, "customer");
    }
}
