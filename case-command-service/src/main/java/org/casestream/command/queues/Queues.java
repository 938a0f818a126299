package org.casestream.command.queues;

import java.util.List;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casestream.command.domain.RuleViolation;
import org.casestream.command.domain.queues.QueueCommands;
import org.casestream.command.domain.queues.QueueCommands.ArchiveQueue;
import org.casestream.command.domain.queues.QueueCommands.CreateQueue;
import org.casestream.command.domain.queues.QueueCommands.RenameQueue;
import org.casestream.command.domain.queues.QueueCommands.RestoreQueue;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.Queue;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create, rename, archive and restore queues; every change is the queue's event and the catalogue's row in
 * one transaction. Commands that name a queue ask {@link #requireOpen} first.
 */
@Service
public class Queues {

    private final QueueCatalogue catalogue;
    private final CommandDispatcher commands;
    private final EventStore eventStore;

    public Queues(QueueCatalogue catalogue, CommandDispatcher commands, EventStore eventStore) {
        this.catalogue = catalogue;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    public List<QueueCatalogue.Entry> all() {
        return catalogue.all();
    }

    public QueueCatalogue.Entry get(String key) {
        return catalogue.find(key).orElseThrow(() -> new NotFound("No queue " + key));
    }

    /** A new queue whose key is its first name; 409 when the key or name is taken. */
    @Transactional
    public QueueCatalogue.Entry create(String name) {
        String stripped = name.strip();
        Queue queue;
        try {
            queue = Queue.of(stripped);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(List.of(new FieldError("name", e.getMessage())));
        }
        if (!catalogue.claim(queue, stripped)) {
            throw new Conflict("queue-taken", "A queue with this name exists already");
        }
        commands.send(new CreateQueue(queue, stripped));
        return get(queue.wire());
    }

    /** Renames (the key stays) and archives or restores, as asked; 409 when the name is another queue's. */
    @Transactional
    public QueueCatalogue.Entry change(String key, String name, Boolean archived) {
        if (name != null && name.isBlank()) {
            throw new InvalidRequest(List.of(new FieldError("name", "must not be blank")));
        }
        QueueCatalogue.Entry entry = get(key);
        startStreamOfShipped(entry);
        if (name != null && !name.strip().equals(entry.name())) {
            if (entry.queue().isUnclassified()) {
                throw new RuleViolation("Unclassified is where cases wait for routing: it is not renamed");
            }
            if (!catalogue.rename(entry.queue(), name.strip())) {
                throw new Conflict("queue-taken", "A queue with this name exists already");
            }
            commands.send(new RenameQueue(entry.queue(), name.strip()));
        }
        if (archived != null && archived != entry.archived()) {
            commands.send(archived ? new ArchiveQueue(entry.queue()) : new RestoreQueue(entry.queue()));
            catalogue.setArchived(entry.queue(), archived);
        }
        return get(entry.key());
    }

    /**
     * The queue a command names, which must exist and take cases; else a 400 naming {@code field}. Unclassified
     * counts as open.
     */
    public Queue requireOpen(Queue queue, String field) {
        QueueCatalogue.Entry entry = catalogue.find(queue.wire())
                .orElseThrow(() -> new InvalidRequest(List.of(new FieldError(field, "no such queue"))));
        if (entry.archived()) {
            throw new InvalidRequest(List.of(new FieldError(field, "the queue is archived")));
        }
        return entry.queue();
    }

    /** A shipped queue has no stream until it is first changed: its first event says it exists. */
    private void startStreamOfShipped(QueueCatalogue.Entry entry) {
        if (entry.shipped()
                && eventStore.lastSequenceNumberFor(QueueCommands.streamOf(entry.queue())).isEmpty()) {
            commands.send(new CreateQueue(entry.queue(), entry.queue().wire()));
        }
    }
}
