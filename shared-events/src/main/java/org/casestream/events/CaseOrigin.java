package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who opened a case: a channel's integration posting for a customer (the channel then owns the case: it may read it
 * and pass on the customer's replies and rating), or an agent on the customer's behalf.
 */
public enum CaseOrigin {
    CHANNEL("channel"),
    AGENT("agent"),
    /** Imported with its history from another help desk ({@code POST /api/imports/cases}): it happened elsewhere. */
    IMPORT("import");

    private final String wire;

    CaseOrigin(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CaseOrigin of(String value) {
        for (CaseOrigin candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown CaseOrigin: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
