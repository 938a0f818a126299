package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

/** An agent gave the case a new subject. Subjects are PII: neither is in {@link #toString()}. */
public record CaseSubjectChanged(UUID caseId, String subject, String previousSubject) implements CaseEvent {

    public CaseSubjectChanged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a subject is not blank");
        }
    }

    @Override
    public String toString() {
        return "CaseSubjectChanged[" + caseId + "]";
    }
}
