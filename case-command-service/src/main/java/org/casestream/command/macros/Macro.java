package org.casestream.command.macros;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Visibility;

/**
 * A canned response: its {@code body} (a public reply or an internal note, by {@code visibility}) with placeholders,
 * and what applying it also does ({@code actions}). A shared macro has no {@code owner}; a personal one is its
 * owner's (a token's subject) alone. {@code editable}: whether the caller who reads it may change it.
 */
public record Macro(UUID macroId, String name, MacroScope scope, String owner, String body, Visibility visibility,
                    Actions actions, long usageCount, Instant lastUsedAt, String createdBy, Instant createdAt,
                    String updatedBy, Instant updatedAt, boolean editable) {

    /** What applying the macro does besides adding its text: each part optional. */
    public record Actions(CaseStatus status, Priority priority, List<String> tags, String note) {

        public Actions {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public static final Actions NONE = new Actions(null, null, List.of(), null);
    }

    public boolean shared() {
        return scope == MacroScope.SHARED;
    }

    Macro readBy(boolean mayEdit) {
        return new Macro(macroId, name, scope, owner, body, visibility, actions, usageCount, lastUsedAt, createdBy,
                createdAt, updatedBy, updatedAt, mayEdit);
    }

    @Override
    public String toString() {
        return "Macro[" + macroId + ", " + scope + "]";
    }
}
