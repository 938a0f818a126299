package org.casestream.routing.classification;

import java.util.Objects;

import org.casestream.events.Queue;

/**
 * "If the text matches this, the case goes to that queue." Rules are tried in {@code position} order. A
 * {@code decisive} rule wins over the semantic classifier; any other rule decides only where the classifier is
 * unsure.
 */
public record ClassificationRule(long id, int position, Queue queue, MatchKind kind, String pattern,
                                 boolean decisive) {

    public ClassificationRule {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
    }

    public boolean matches(CaseText text) {
        return kind.matches(pattern, text);
    }
}
