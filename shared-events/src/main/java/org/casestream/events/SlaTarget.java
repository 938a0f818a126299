package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two clocks of a service-level agreement. */
public enum SlaTarget {
    FIRST_RESPONSE("first-response"),
    RESOLUTION("resolution");

    private final String wire;

    SlaTarget(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SlaTarget of(String value) {
        for (SlaTarget candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown SlaTarget: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
