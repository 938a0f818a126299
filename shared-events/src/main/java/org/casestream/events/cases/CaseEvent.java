package org.casestream.events.cases;

import java.util.UUID;

import org.casestream.events.DomainEvent;

/** Everything that can happen to a case. Sealed, so a projection's switch must handle each one. */
public sealed interface CaseEvent extends DomainEvent
        permits CaseOpened, CaseClassified, CasePriorityChanged, SlaTargetsSet, CaseAssigned, CaseUnassigned,
                CaseStatusChanged, CaseReopened, CommentAdded, FirstResponseRecorded, SlaBreached, CaseEscalated,
                SatisfactionRated, CaseTagged, MacroApplied, CaseSubjectChanged, CaseCustomerChanged,
                CaseMergedInto, CaseMerged {

    UUID caseId();

    @Override
    default String aggregateId() {
        return caseId().toString();
    }
}
