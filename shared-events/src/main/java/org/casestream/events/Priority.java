package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a case is, most urgent first. */
public enum Priority {
    CRITICAL("critical"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Priority of(String value) {
        for (Priority candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Priority: " + value);
    }

    /** One step more urgent; critical stays critical. */
    public Priority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }

    @Override
    public String toString() {
        return wire;
    }
}
