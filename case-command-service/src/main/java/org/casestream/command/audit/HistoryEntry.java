package org.casestream.command.audit;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.casestream.command.platform.OccurredAt;
import org.casestream.command.platform.AxonConfiguration;
import org.casestream.events.DomainEvent;
import org.casestream.events.EventCatalogue;

/**
 * One event as the history and audit APIs show it: {@code {type, at, actor, data}}, plus where it sits: its
 * aggregate ({@code subject}) and sequence there, and in the audit log its global {@code position}.
 */
public record HistoryEntry(Long position, String eventId, String subject, long sequence, String type, int version,
                           Instant at, String actor, String correlationId, DomainEvent data) {

    static HistoryEntry of(DomainEventMessage<?> message, Long position) {
        DomainEvent event = (DomainEvent) message.getPayload();
        EventCatalogue.EventType type = EventCatalogue.of(event);
        return new HistoryEntry(position, message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), type.name(), type.version(), OccurredAt.of(message, message.getTimestamp()),
                (String) message.getMetaData().get(AxonConfiguration.ACTOR),
                (String) message.getMetaData().get(AxonConfiguration.CORRELATION_ID), event);
    }
}
