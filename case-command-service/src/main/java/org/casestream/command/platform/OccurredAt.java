package org.casestream.command.platform;

import java.time.Instant;

import org.axonframework.messaging.Message;

/**
 * When an event happened: when it was stored, except for history an import wrote, which carries the instant it
 * happened elsewhere as metadata ({@value AxonConfiguration#OCCURRED_AT}). The store's own timestamp stays the time
 * of writing, which Axon's tracking of gaps between concurrent transactions relies on.
 */
public final class OccurredAt {

    private OccurredAt() {
    }

    public static Instant of(Message<?> message, Instant stored) {
        Object occurred = message.getMetaData().get(AxonConfiguration.OCCURRED_AT);
        return occurred == null ? stored : Instant.parse(occurred.toString());
    }
}
