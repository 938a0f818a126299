package org.casestream.events.queues;

import java.util.Objects;

import org.casestream.events.Queue;

/** No new case goes to the queue; the cases it holds and its history stay as they are. */
public record QueueArchived(Queue queue) implements QueueEvent {

    public QueueArchived {
        Objects.requireNonNull(queue, "queue");
    }
}
