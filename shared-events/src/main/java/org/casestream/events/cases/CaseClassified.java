package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Queue;

/** The case was put in a queue, by a routing rule, the classifier, or an agent's correction. */
public record CaseClassified(UUID caseId, Queue queue, Queue previousQueue, String source) implements CaseEvent {

    public CaseClassified {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(queue, "queue");
        source = source == null ? "manual" : source;
    }
}
