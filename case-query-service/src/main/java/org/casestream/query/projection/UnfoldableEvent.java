package org.casestream.query.projection;

import org.casestream.events.EventCatalogue;
import org.casestream.support.events.CaseEventRecord;

/**
 * An event the fold of its case (or agent) rejects. Folds are pure, so it fails the same way every time it is
 * read: the projection parks it rather than retrying it.
 */
public class UnfoldableEvent extends RuntimeException {

    public UnfoldableEvent(CaseEventRecord record, RuntimeException cause) {
        super("the fold rejects " + EventCatalogue.of(record.envelope().event()).name() + " at " + record.position(),
                cause);
    }
}
