package org.casestream.routing.priority;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a priority rule looks at: the text (with a match kind), the customer's tier or the channel. */
public enum PriorityRuleKind {
    KEYWORD, PHRASE, REGEX, TIER, CHANNEL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PriorityRuleKind of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
