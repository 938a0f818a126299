package org.casestream.events.queues;

import java.util.Objects;

import org.casestream.events.Queue;

/** A new queue: cases can be routed to it, agents can be skilled in it, rules and SLA policies can name it. */
public record QueueCreated(Queue queue, String name) implements QueueEvent {

    public QueueCreated {
        Objects.requireNonNull(queue, "queue");
        name = name == null ? queue.wire() : name;
    }
}
