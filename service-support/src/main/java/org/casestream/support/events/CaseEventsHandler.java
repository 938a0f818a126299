package org.casestream.support.events;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a service does with the case events it consumes. The consumer calls it on its own thread, one poll at a time
 * per partition, and moves its position past a batch only once {@link #handle} returned: delivery is at least once,
 * so a handler is idempotent by the events' ids or sequences.
 * <p>
 * Throwing from {@link #handle} hands the batch (or, for {@link #eachEvent}, the event that failed and those after
 * it) back, with growing pauses, until it goes through; throwing {@link UnprocessableEvent} dead-letters that one
 * event instead (the events before it in the batch count as handled). {@link DeadLetters#retry} hands parked events
 * back to {@link #handle} one at a time, from the caller's thread and possibly while the consumer's thread handles a
 * batch: a handler that is not safe for that synchronises {@code handle}.
 */
@FunctionalInterface
public interface CaseEventsHandler {

    void handle(CaseEventBatch batch);

    /** Called on the consumer's thread when nothing new arrived for the consumer's idle interval. */
    default void idle() {
    }

    /** Called once the consumer stopped (no call of {@link #handle} is running or follows). */
    default void stopped() {
    }

    /**
     * Called on the consumer's thread once an event this handler declared {@linkplain UnprocessableEvent
     * unprocessable} is in the dead-letter topic, before the consumer goes on: a handler that must hold back what
     * depends on that event (the same case's later events, say) records it here. Throwing makes the consumer read
     * the event again (and park it again).
     */
    default void parked(CaseEventRecord event) {
    }

    /**
     * A handler of one event at a time: when one fails, the events before it count as done and the consumer tries
     * again from the one that failed.
     */
    static CaseEventsHandler eachEvent(Consumer<CaseEventRecord> handler) {
        return new EachEvent(handler);
    }

    /**
     * A handler of one event at a time ({@link #eachEvent}); the consumer runs each event in a span of the trace its
     * record carries.
     */
    final class EachEvent implements CaseEventsHandler {

        private final Consumer<CaseEventRecord> handler;

        private EachEvent(Consumer<CaseEventRecord> handler) {
            this.handler = handler;
        }

        @Override
        public void handle(CaseEventBatch batch) {
            handle(batch, (event, work) -> work.run());
        }

        /** Handles the batch's events in order, each inside {@code around}. */
        void handle(CaseEventBatch batch, BiConsumer<CaseEventRecord, Runnable> around) {
            for (CaseEventRecord event : batch.events()) {
                try {
                    around.accept(event, () -> handler.accept(event));
                } catch (UnprocessableEvent | EventFailed e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new EventFailed(event, e);
                }
            }
        }
    }

    /** An event that failed in a handler of one event at a time: the consumer retries from it. */
    final class EventFailed extends RuntimeException {

        private final transient CaseEventRecord event;

        EventFailed(CaseEventRecord event, RuntimeException cause) {
            super("handling " + event.position() + " failed", cause);
            this.event = event;
        }

        CaseEventRecord event() {
            return event;
        }
    }
}
