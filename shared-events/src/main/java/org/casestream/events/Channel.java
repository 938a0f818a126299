package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a case came in. */
public enum Channel {
    EMAIL("email"),
    WEB("web"),
    PHONE("phone"),
    CHAT("chat"),
    API("api");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Channel of(String value) {
        for (Channel candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Channel: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
