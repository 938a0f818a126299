package org.casestream.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casestream.command.platform.OccurredAt;
import org.casestream.events.cases.CaseEvent;
import org.springframework.stereotype.Service;

/** A case's events from the event store (upcast to today's shapes), as history or folded as of an instant. */
@Service
public class CaseHistory {

    private final EventStore eventStore;

    public CaseHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the case, oldest first; empty when there is no such case. */
    public List<HistoryEntry> of(UUID caseId) {
        return events(caseId).stream().filter(message -> message.getPayload() instanceof CaseEvent)
                .map(message -> HistoryEntry.of(message, null)).toList();
    }

    /** The case as it was at {@code asOf}; empty when it did not exist yet (or at all). */
    public Optional<CaseState> asOf(UUID caseId, Instant asOf) {
        CaseStateFold fold = new CaseStateFold();
        for (DomainEventMessage<?> message : events(caseId)) {
            Instant at = OccurredAt.of(message, message.getTimestamp());
            if (at.isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof CaseEvent event) {
                fold.apply(event, at, message.getSequenceNumber());
            }
        }
        return fold.isEmpty() ? Optional.empty() : Optional.of(fold.view(asOf));
    }

    /** The case as it is now. */
    public Optional<CaseState> current(UUID caseId) {
        return asOf(caseId, Instant.now());
    }

    private List<? extends DomainEventMessage<?>> events(UUID caseId) {
        // from the first event, never from a snapshot: the history is the events themselves
        return eventStore.readEvents(caseId.toString(), 0).asStream().toList();
    }
}
