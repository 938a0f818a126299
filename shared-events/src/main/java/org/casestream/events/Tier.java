package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A customer's service tier; it weighs on priority and SLA targets. */
public enum Tier {
    STANDARD("standard"),
    GOLD("gold"),
    PLATINUM("platinum");

    private final String wire;

    Tier(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Tier of(String value) {
        for (Tier candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Tier: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
