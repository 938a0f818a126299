package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote a comment. */
public enum AuthorType {
    CUSTOMER("customer"),
    AGENT("agent"),
    SYSTEM("system");

    private final String wire;

    AuthorType(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AuthorType of(String value) {
        for (AuthorType candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown AuthorType: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
