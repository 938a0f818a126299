package org.casestream.command.audit;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.casestream.events.DomainEvent;
import org.springframework.stereotype.Service;

/** The global audit log: every event of every case and agent, in log order, paged by position. */
@Service
public class AuditLog {

    private final EventStorageEngine storage;

    public AuditLog(EventStorageEngine storage) {
        this.storage = storage;
    }

    /** Up to {@code limit} events after {@code after} (-1 for the very start), oldest first. */
    public List<HistoryEntry> page(long after, int limit) {
        TrackingToken token = after < 0 ? null : GapAwareTrackingToken.newInstance(after, Collections.emptySortedSet());
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            return events
                    .filter(message -> message instanceof DomainEventMessage<?>
                            && message.getPayload() instanceof DomainEvent)
                    .limit(limit)
                    .map(message -> HistoryEntry.of((DomainEventMessage<?>) message,
                            message.trackingToken().position().orElse(-1)))
                    .toList();
        }
    }
}
