package org.casestream.events.cases;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;

/**
 * A person applied a macro (a canned response) to the case. What it did follows in the same commit as events of
 * their own (its reply or note as {@link CommentAdded}, then {@link CaseTagged}, {@link CasePriorityChanged},
 * {@link CaseStatusChanged}), so every reader of those events needs nothing new; this one says which macro brought
 * them and who applied it. {@code commentIds}: the comments it added, its reply (or note) first, then its internal
 * note; {@code status}, {@code priority}, {@code tagsAdded}: what it changed (null or empty when that stayed).
 * {@code appliedBy} is the caller's subject; {@code appliedByName} their display name (PII).
 */
public record MacroApplied(UUID caseId, UUID macroId, String macroName, String appliedBy, String appliedByName,
                           List<UUID> commentIds, CaseStatus status, Priority priority, List<String> tagsAdded)
        implements CaseEvent {

    public MacroApplied {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(macroId, "macroId");
        Objects.requireNonNull(macroName, "macroName");
        commentIds = commentIds == null ? List.of() : List.copyOf(commentIds);
        tagsAdded = tagsAdded == null ? List.of() : List.copyOf(tagsAdded);
    }

    @Override
    public String toString() {
        return "MacroApplied[" + caseId + ", " + macroId + ", comments=" + commentIds.size() + ", status=" + status
                + ", priority=" + priority + ", tags=" + tagsAdded.size() + "]";
    }
}
