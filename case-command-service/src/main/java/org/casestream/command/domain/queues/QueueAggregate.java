package org.casestream.command.domain.queues;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casestream.command.domain.RuleViolation;
import org.casestream.command.domain.queues.QueueCommands.ArchiveQueue;
import org.casestream.command.domain.queues.QueueCommands.CreateQueue;
import org.casestream.command.domain.queues.QueueCommands.RenameQueue;
import org.casestream.command.domain.queues.QueueCommands.RestoreQueue;
import org.casestream.events.Queue;
import org.casestream.events.queues.QueueArchived;
import org.casestream.events.queues.QueueCreated;
import org.casestream.events.queues.QueueRenamed;
import org.casestream.events.queues.QueueRestored;

/**
 * A queue: its key (for ever), the name people see, and whether it is archived. Unclassified, where a case waits
 * for routing, can be neither renamed nor archived. A change that changes nothing writes nothing.
 */
@Aggregate
public class QueueAggregate {

    @AggregateIdentifier
    private String streamId;
    private Queue queue;
    private String name;
    private boolean archived;

    protected QueueAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public QueueAggregate(CreateQueue command) {
        apply(new QueueCreated(command.queue(), command.name()));
    }

    @CommandHandler
    public void handle(RenameQueue command) {
        requireNotUnclassified();
        if (!command.name().equals(name)) {
            apply(new QueueRenamed(queue, command.name(), name));
        }
    }

    @CommandHandler
    public void handle(ArchiveQueue command) {
        requireNotUnclassified();
        if (!archived) {
            apply(new QueueArchived(queue));
        }
    }

    @CommandHandler
    public void handle(RestoreQueue command) {
        if (archived) {
            apply(new QueueRestored(queue));
        }
    }

    private void requireNotUnclassified() {
        if (queue.isUnclassified()) {
            throw new RuleViolation("Unclassified is where cases wait for routing: it is neither renamed nor archived");
        }
    }

    @EventSourcingHandler
    void on(QueueCreated event) {
        streamId = QueueCommands.streamOf(event.queue());
        queue = event.queue();
        name = event.name();
    }

    @EventSourcingHandler
    void on(QueueRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(QueueArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(QueueRestored event) {
        archived = false;
    }
}
