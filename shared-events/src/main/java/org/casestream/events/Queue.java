package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The team queue a case is routed to; UNCLASSIFIED until routing decides. */
public enum Queue {
    LOGIN("Login"),
    ORDERS("Orders"),
    DELIVERIES("Deliveries"),
    PAYMENTS("Payments"),
    REFUNDS("Refunds"),
    UNCLASSIFIED("Unclassified");

    private final String wire;

    Queue(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Queue of(String value) {
        for (Queue candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Queue: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
