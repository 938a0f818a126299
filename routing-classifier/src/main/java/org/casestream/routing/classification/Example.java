package org.casestream.routing.classification;

import java.util.Objects;

import org.casestream.events.Queue;

/**
 * A message labelled with the queue it belongs to ({@link Queue#UNCLASSIFIED}: it belongs to none), from which
 * the semantic classifier learns.
 *
 * @param id     stable within its source: the line of a shipped example, a row id, the case a person re-queued
 * @param source where it came from: shipped with the product, added by an admin, or learnt from a re-queue
 * @param text   what the customer wrote; a learnt example's text is a customer's and is never shown or logged
 */
public record Example(String id, Queue queue, Source source, String text) {

    public enum Source {
        SHIPPED, ADMIN, LEARNT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    /** The text as an explanation may show it: a learnt example's is a customer's, so it is not shown. */
    public String shownText() {
        return source == Source.LEARNT ? null : text;
    }

    @Override
    public String toString() {
        return "Example[" + source.wire() + ":" + id + " " + queue + "]";
    }
}
