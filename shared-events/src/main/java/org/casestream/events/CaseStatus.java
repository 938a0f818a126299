package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle of a case: new, then in progress, then done (a customer reply reopens a done case). */
public enum CaseStatus {
    NEW("new"),
    IN_PROGRESS("inprogress"),
    DONE("done");

    private final String wire;

    CaseStatus(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CaseStatus of(String value) {
        for (CaseStatus candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown CaseStatus: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
