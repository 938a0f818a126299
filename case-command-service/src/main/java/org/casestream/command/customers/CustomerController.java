package org.casestream.command.customers;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casestream.events.Channel;
import org.casestream.events.Tier;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.support.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes to customer records: staff register a customer (a phone call) and keep their profile, leads set a tier
 * (the customer's next cases are routed and given SLA targets by it), add an address or a channel's id, and merge
 * two records of one person. Reading customers is the query side's ({@code GET /api/customers}).
 */
@RestController
public class CustomerController {

    /** What the command side knows of a record right after a change; the profile is read on the query side. */
    public record CustomerRecord(String customerId, Tier tier, String mergedInto) {
    }

    public record NewCustomer(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                              Tier tier, @Size(max = 200) String organisation) {
        @Override
        public String toString() {
            return "NewCustomer[tier=" + tier + "]";
        }
    }

    public record Profile(@NotBlank @Size(max = 200) String name, @Size(max = 200) String organisation,
                          @Size(max = 5_000) String notes) {
        @Override
        public String toString() {
            return "Profile[]";
        }
    }

    public record TierChange(@NotNull Tier tier, @Size(max = 500) String reason) {
    }

    /** An address, or a channel's own id for the customer: one of the two. */
    public record NewIdentity(@Email @Size(max = 320) String email, Channel channel,
                              @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*",
                                      message = "may hold letters, digits and . _ : - only") String externalId) {

        @AssertTrue(message = "give an email, or a channel and its externalId")
        public boolean isOneIdentity() {
            return (email != null) != (channel != null && externalId != null && !externalId.isBlank());
        }

        CustomerIdentity identity() {
            return email != null ? CustomerIdentity.email(email) : CustomerIdentity.external(channel.wire(), externalId);
        }
    }

    public record Merge(@NotBlank @Size(max = 64) String mergedId) {
    }

    private final Customers customers;
    private final CustomerLedger ledger;

    public CustomerController(Customers customers, CustomerLedger ledger) {
        this.customers = customers;
        this.ledger = ledger;
    }

    @Operation(operationId = "createCustomer",
            summary = "Register a customer (for a case opened on their behalf); 409 if the address is known")
    @PostMapping("/api/customers")
    public ResponseEntity<CustomerRecord> register(@Valid @RequestBody NewCustomer customer) {
        String customerId = customers.register(new CustomerDetails(null, customer.name(), customer.email(),
                customer.tier()), customer.organisation() == null ? null : customer.organisation().strip());
        return ResponseEntity.created(URI.create("/api/customers/" + customerId)).body(record(customerId));
    }

    @Operation(summary = "Change a customer's name, organisation and notes")
    @PutMapping("/api/customers/{customerId}/profile")
    public CustomerRecord profile(@PathVariable String customerId, @Valid @RequestBody Profile profile) {
        return record(customers.changeProfile(customerId, profile.name().strip(), blankToNull(profile.organisation()),
                blankToNull(profile.notes())));
    }

    @Operation(summary = "Set a customer's tier: their next cases are routed and given SLA targets by it")
    @PutMapping("/api/customers/{customerId}/tier")
    public CustomerRecord tier(@PathVariable String customerId, @Valid @RequestBody TierChange change) {
        return record(customers.changeTier(customerId, change.tier(), blankToNull(change.reason())));
    }

    @Operation(summary = "Recognise the customer by another address or a channel's id; 409 if it is another's")
    @PostMapping("/api/customers/{customerId}/identities")
    public CustomerRecord identity(@PathVariable String customerId, @Valid @RequestBody NewIdentity identity) {
        return record(customers.addIdentity(customerId, identity.identity()));
    }

    @Operation(operationId = "mergeCustomer",
            summary = "Merge another record of the same person into this one: its cases and identities follow")
    @PostMapping("/api/customers/{customerId}/merge")
    public CustomerRecord merge(@PathVariable String customerId, @Valid @RequestBody Merge merge) {
        return record(customers.merge(customerId, merge.mergedId()));
    }

    private CustomerRecord record(String customerId) {
        return ledger.find(customerId)
                .map(record -> new CustomerRecord(record.customerId(), record.tier(), record.mergedInto()))
                .orElseThrow(() -> new NotFound("No customer " + customerId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
