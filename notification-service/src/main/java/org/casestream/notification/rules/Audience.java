package org.casestream.notification.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who a rule notifies; the team is reached in its Slack channel, everyone else by email. */
public enum Audience {
    CUSTOMER("customer"),
    ASSIGNEE("assignee"),
    LEADS("leads"),
    TEAM("team");

    private final String wire;

    Audience(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Audience of(String value) {
        for (Audience candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown audience: " + value);
    }
}
