package org.casestream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a case was assigned or unassigned. */
public enum AssignmentReason {
    AUTO("auto"),
    MANUAL("manual"),
    TRANSFER("transfer"),
    ESCALATION("escalation"),
    AGENT_OFFLINE("agent-offline");

    private final String wire;

    AssignmentReason(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, URLs and Kafka: stable, never the Java constant name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AssignmentReason of(String value) {
        for (AssignmentReason candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown AssignmentReason: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
