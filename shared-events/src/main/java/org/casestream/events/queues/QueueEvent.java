package org.casestream.events.queues;

import org.casestream.events.DomainEvent;
import org.casestream.events.Queue;

/** Everything that can happen to a queue in the queue catalogue. */
public sealed interface QueueEvent extends DomainEvent permits QueueCreated, QueueRenamed, QueueArchived, QueueRestored {

    Queue queue();

    @Override
    default String aggregateId() {
        return "queue:" + queue().wire();
    }
}
