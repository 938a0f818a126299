package org.casestream.command.macros;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whose a macro is: the team's (leads and admins keep them), or one person's own. */
public enum MacroScope {
    SHARED("shared"),
    PERSONAL("personal");

    private final String wire;

    MacroScope(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static MacroScope of(String value) {
        for (MacroScope candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown MacroScope: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
