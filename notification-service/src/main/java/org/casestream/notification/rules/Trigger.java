package org.casestream.notification.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The situations on a case that can notify someone. Each one comes from a public event only: an internal note
 * is no trigger at all, so no rule can ever send one to a customer.
 */
public enum Trigger {
    CASE_OPENED("case-opened", true),
    CRITICAL_CASE_OPENED("critical-case-opened", false),
    CASE_ASSIGNED("case-assigned", false),
    CUSTOMER_REPLY("customer-reply", false),
    AGENT_REPLY("agent-reply", true),
    CASE_DONE("case-done", true),
    SLA_BREACHED("sla-breached", false),
    CASE_ESCALATED("case-escalated", false);

    private final String wire;
    private final boolean forCustomers;

    Trigger(String wire, boolean forCustomers) {
        this.wire = wire;
        this.forCustomers = forCustomers;
    }

    /** Whether a customer may be told about it at all; the others are the team's business. */
    public boolean forCustomers() {
        return forCustomers;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Trigger of(String value) {
        for (Trigger candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown trigger: " + value);
    }
}
