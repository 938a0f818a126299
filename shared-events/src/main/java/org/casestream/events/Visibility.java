package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may read a comment: internal notes are never shown to customers or channels. */
public enum Visibility {
    PUBLIC("public"),
    INTERNAL("internal");

    private final String wire;

    Visibility(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Visibility of(String value) {
        for (Visibility candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Visibility: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
