package org.casestream.events.queues;

import java.util.Objects;

import org.casestream.events.Queue;

/** The name people see changes; the key that events, rules and skills carry stays. */
public record QueueRenamed(Queue queue, String name, String previousName) implements QueueEvent {

    public QueueRenamed {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(name, "name");
    }
}
