package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an agent can take cases now. */
public enum Availability {
    ONLINE("online"),
    AWAY("away"),
    OFFLINE("offline");

    private final String wire;

    Availability(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Availability of(String value) {
        for (Availability candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Availability: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
