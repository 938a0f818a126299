package org.casestream.routing.classification;

import java.util.Locale;

/** What put a case in its queue: a rule, the learnt classifier, or nothing (it stays Unclassified). */
public enum ClassificationSource {
    RULE, CLASSIFIER, NONE;

    /** The name the command service records on CaseClassified and the decisions log shows. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
