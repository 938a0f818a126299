package org.casestream.events.queues;

import java.util.Objects;

import org.casestream.events.Queue;

/** An archived queue takes cases again. */
public record QueueRestored(Queue queue) implements QueueEvent {

    public QueueRestored {
        Objects.requireNonNull(queue, "queue");
    }
}
