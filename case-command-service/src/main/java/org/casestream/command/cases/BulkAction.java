package org.casestream.command.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a bulk request does to each of its cases. */
public enum BulkAction {
    STATUS, PRIORITY, ASSIGN, UNASSIGN, ESCALATE, TAG, UNTAG, CLASSIFY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static BulkAction of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return wire();
    }
}
