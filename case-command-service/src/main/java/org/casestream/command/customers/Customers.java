package org.casestream.command.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.RuleViolation;
import org.casestream.command.domain.customers.CustomerCommands.AbsorbCustomer;
import org.casestream.command.domain.customers.CustomerCommands.AddCustomerIdentity;
import org.casestream.command.domain.customers.CustomerCommands.ChangeCustomerProfile;
import org.casestream.command.domain.customers.CustomerCommands.ChangeCustomerTier;
import org.casestream.command.domain.customers.CustomerCommands.MergeCustomerInto;
import org.casestream.command.domain.customers.CustomerCommands.RegisterCustomer;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.support.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer records: intake finds the customer a ticket is from (or registers them), staff change a profile, a
 * lead a tier, and merge two records of one person. Each write is the customer's events and the ledger's rows in
 * one transaction.
 */
@Service
public class Customers {

    private final CustomerLedger ledger;
    private final CommandDispatcher commands;
    private final Clock clock;

    public Customers(CustomerLedger ledger, CommandDispatcher commands, Clock clock) {
        this.ledger = ledger;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * The customer a ticket is from, as the case will carry them: found by the channel's own id for them, else by
     * their address, else registered now (with the tier the channel gives, the only time a channel's tier
     * counts). An existing customer's tier is the record's: a channel cannot raise it. A merged record leads to
     * the one it was merged into.
     */
    @Transactional
    public Customer resolve(Channel channel, CustomerDetails details) {
        CustomerIdentity email = CustomerIdentity.email(details.email());
        Optional<CustomerIdentity> external = details.customerId() == null || details.customerId().isBlank()
                ? Optional.empty() : Optional.of(CustomerIdentity.external(channel.wire(), details.customerId()));
        Optional<String> known = external.flatMap(ledger::customerOf).or(() -> ledger.customerOf(email));
        String customerId = known.map(this::current).orElseGet(() -> register(details, email, external));
        if (known.isPresent()) {
            // a new address or channel id of a known customer is theirs from now on, unless another has it
            for (CustomerIdentity identity : external.isPresent() ? List.of(email, external.get()) : List.of(email)) {
                if (ledger.customerOf(identity).isEmpty() && ledger.claim(identity, customerId)) {
                    commands.send(new AddCustomerIdentity(customerId, identity));
                }
            }
        }
        Tier tier = ledger.find(customerId).map(CustomerLedger.Record::tier).orElse(Tier.STANDARD);
        return new Customer(customerId, details.name().strip(), details.email().strip(), tier);
    }

    /** A customer an agent registers by hand (a phone call); 409 if the address is someone's already. */
    @Transactional
    public String register(CustomerDetails details, String organisation) {
        CustomerIdentity email = CustomerIdentity.email(details.email());
        if (ledger.customerOf(email).isPresent()) {
            throw new RuleViolation("A customer with this email address exists already");
        }
        return register(details, email, Optional.empty(), organisation);
    }

    /** Each change returns the record it changed: a merged record's changes go to the one it was merged into. */
    @Transactional
    public String changeProfile(String customerId, String name, String organisation, String notes) {
        String id = existing(customerId);
        commands.send(new ChangeCustomerProfile(id, name, organisation, notes));
        return id;
    }

    @Transactional
    public String changeTier(String customerId, Tier tier, String reason) {
        String id = existing(customerId);
        commands.send(new ChangeCustomerTier(id, tier, reason));
        ledger.setTier(id, tier);
        return id;
    }

    /** Adds an address or a channel's id; 409 if it is another customer's. */
    @Transactional
    public String addIdentity(String customerId, CustomerIdentity identity) {
        String id = existing(customerId);
        Optional<String> owner = ledger.customerOf(identity);
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw new RuleViolation("This " + identity.kind() + " belongs to another customer");
        }
        if (owner.isEmpty()) {
            ledger.claim(identity, id);
            commands.send(new AddCustomerIdentity(id, identity));
        }
        return id;
    }

    /**
     * Merges {@code mergedId} into {@code customerId}: the merged record's identities become the survivor's (so
     * its next tickets find the survivor), its cases are shown with the survivor's, and it takes no more changes.
     */
    @Transactional
    public String merge(String customerId, String mergedId) {
        String target = existing(customerId);
        if (customerId.equals(mergedId)) {
            throw new InvalidCommand("mergedId", "is this customer");
        }
        String source = existing(mergedId);
        if (target.equals(source)) {
            throw new RuleViolation("That customer was merged into this one already");
        }
        List<CustomerIdentity> moved = commands.send(new MergeCustomerInto(source, target));
        commands.send(new AbsorbCustomer(target, source, moved));
        ledger.moveIdentities(source, target);
        ledger.setMergedInto(source, target);
        return target;
    }

    /** The record's id, or the one it was merged into (and so on); empty if there is no such record. */
    public Optional<String> survivor(String customerId) {
        return ledger.find(customerId).map(record -> current(record.customerId()));
    }

    /** The record's id, or the one it was merged into; 404 if there is none. */
    private String existing(String customerId) {
        CustomerLedger.Record record = ledger.find(customerId)
                .orElseThrow(() -> new NotFound("No customer " + customerId));
        return record.mergedInto() == null ? record.customerId() : current(record.mergedInto());
    }

    private String current(String customerId) {
        return ledger.find(customerId)
                .map(record -> record.mergedInto() == null ? record.customerId() : current(record.mergedInto()))
                .orElse(customerId);
    }

    private String register(CustomerDetails details, CustomerIdentity email, Optional<CustomerIdentity> external) {
        return register(details, email, external, null);
    }

    /**
     * A new record whose id is derived from the address, as cases opened before customers were records carry it,
     * so those cases belong to it. If another transaction claimed the address meanwhile, theirs is the customer.
     */
    private String register(CustomerDetails details, CustomerIdentity email, Optional<CustomerIdentity> external,
            String organisation) {
        String customerId = idFor(email.value());
        if (!ledger.claim(email, customerId)) {
            return current(ledger.customerOf(email).orElseThrow());
        }
        List<CustomerIdentity> identities = new ArrayList<>(List.of(email));
        external.filter(identity -> ledger.claim(identity, customerId)).ifPresent(identities::add);
        Tier tier = details.tier() == null ? Tier.STANDARD : details.tier();
        commands.send(new RegisterCustomer(customerId, details.name().strip(), details.email().strip(), tier,
                organisation, identities, clock.instant()));
        ledger.record(customerId, tier);
        return customerId;
    }

    /** The id cases got from an address before customers were records: the same address, the same customer. */
    static String idFor(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "cus-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
