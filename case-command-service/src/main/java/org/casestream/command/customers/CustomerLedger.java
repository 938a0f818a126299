package org.casestream.command.customers;

import java.util.Optional;

import org.casestream.events.Tier;
import org.casestream.events.customers.CustomerIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which customer an identity belongs to, and each customer's tier and whether it was merged: written in the same
 * transaction as the customer's events, so intake finds a customer (or claims a new one) without folding events.
 */
@Repository
public class CustomerLedger {

    private final JdbcClient jdbc;

    public CustomerLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> customerOf(CustomerIdentity identity) {
        return jdbc.sql("SELECT customer_id FROM customer_identity WHERE identity_key = ?")
                .param(identity.key()).query(String.class).optional();
    }

    /**
     * Claims the identity for the customer; false if it is another's already. A claim another transaction holds
     * waits for it to end (PostgreSQL's unique index), so two first tickets of one customer make one record.
     */
    public boolean claim(CustomerIdentity identity, String customerId) {
        return jdbc.sql("""
                        INSERT INTO customer_identity (identity_key, customer_id) VALUES (?, ?)
                        ON CONFLICT (identity_key) DO NOTHING""")
                .params(identity.key(), customerId).update() == 1;
    }

    /** Moves every identity of one customer to another (a merge). */
    public void moveIdentities(String fromId, String toId) {
        jdbc.sql("UPDATE customer_identity SET customer_id = ? WHERE customer_id = ?").params(toId, fromId).update();
    }

    public void record(String customerId, Tier tier) {
        jdbc.sql("INSERT INTO customer_record (customer_id, tier) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING")
                .params(customerId, tier.wire()).update();
    }

    public Optional<Record> find(String customerId) {
        return jdbc.sql("SELECT customer_id, tier, merged_into FROM customer_record WHERE customer_id = ?")
                .param(customerId)
                .query((rs, n) -> new Record(rs.getString("customer_id"), Tier.of(rs.getString("tier")),
                        rs.getString("merged_into")))
                .optional();
    }

    public void setTier(String customerId, Tier tier) {
        jdbc.sql("UPDATE customer_record SET tier = ? WHERE customer_id = ?").params(tier.wire(), customerId).update();
    }

    public void setMergedInto(String customerId, String targetId) {
        jdbc.sql("UPDATE customer_record SET merged_into = ? WHERE customer_id = ?").params(targetId, customerId)
                .update();
    }

    /** A customer record as intake needs it. */
    public record Record(String customerId, Tier tier, String mergedInto) {
    }
}
