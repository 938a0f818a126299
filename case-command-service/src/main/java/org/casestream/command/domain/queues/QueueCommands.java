package org.casestream.command.domain.queues;

import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casestream.events.Queue;

/** The commands a queue accepts; a queue's stream is named {@code queue:<key>}. */
public final class QueueCommands {

    private QueueCommands() {
    }

    public static String streamOf(Queue queue) {
        return "queue:" + queue.wire();
    }

    public record CreateQueue(@TargetAggregateIdentifier String streamId, Queue queue, String name) {
        public CreateQueue {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(name, "name");
        }

        public CreateQueue(Queue queue, String name) {
            this(streamOf(queue), queue, name);
        }
    }

    public record RenameQueue(@TargetAggregateIdentifier String streamId, String name) {
        public RenameQueue(Queue queue, String name) {
            this(streamOf(queue), name);
        }
    }

    public record ArchiveQueue(@TargetAggregateIdentifier String streamId) {
        public ArchiveQueue(Queue queue) {
            this(streamOf(queue));
        }
    }

    public record RestoreQueue(@TargetAggregateIdentifier String streamId) {
        public RestoreQueue(Queue queue) {
            this(streamOf(queue));
        }
    }
}
