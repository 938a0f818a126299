package org.casestream.events;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The team queue a case is routed to, by its key: the name it was created with, stable for ever (a rename changes
 * only the name people see, see {@link org.casestream.events.queues.QueueRenamed}). Queues are data: admins create
 * and archive them, so a key is any well-formed one, and whether a queue exists is the queue catalogue's to say.
 * The shipped queues are constants; {@link #UNCLASSIFIED} is where a case waits until routing decides.
 */
public record Queue(String wire) {

    /** What a key may be: a letter, then up to 39 letters, digits, spaces, '&amp;', '-' or '_', not ending in a space. */
    public static final Pattern KEY = Pattern.compile("\\p{L}([\\p{L}\\p{N} &_-]{0,38}[\\p{L}\\p{N}&_-])?");

    public static final Queue LOGIN = new Queue("Login");
    public static final Queue ORDERS = new Queue("Orders");
    public static final Queue DELIVERIES = new Queue("Deliveries");
    public static final Queue PAYMENTS = new Queue("Payments");
    public static final Queue REFUNDS = new Queue("Refunds");
    public static final Queue UNCLASSIFIED = new Queue("Unclassified");

    /** The queues every installation starts with, Unclassified last. */
    public static final List<Queue> SHIPPED = List.of(LOGIN, ORDERS, DELIVERIES, PAYMENTS, REFUNDS, UNCLASSIFIED);

    /** The shipped queues in their order, then the others by key, Unclassified last: how lists and ties go. */
    public static final Comparator<Queue> ORDER = Comparator.comparingInt(Queue::rank).thenComparing(Queue::wire);

    public Queue {
        Objects.requireNonNull(wire, "queue");
        if (!KEY.matcher(wire).matches()) {
            throw new IllegalArgumentException("not a queue key: a letter, then up to 39 letters, digits, spaces, &, - or _");
        }
    }

    /** The key used in JSON, URLs and Kafka. */
    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The queue with this key; a shipped queue's key in any letter case is that queue. */
    @JsonCreator
    public static Queue of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("not a queue key: none given");
        }
        for (Queue shipped : SHIPPED) {
            if (shipped.wire.equalsIgnoreCase(value)) {
                return shipped;
            }
        }
        return new Queue(value);
    }

    /** The shipped queues and those named in {@code keys} (well-formed ones), each once, in {@link #ORDER}. */
    public static List<Queue> withShipped(Collection<String> keys) {
        TreeSet<Queue> queues = new TreeSet<>(ORDER);
        queues.addAll(SHIPPED);
        for (String key : keys) {
            if (key != null && KEY.matcher(key).matches()) {
                queues.add(of(key));
            }
        }
        return List.copyOf(queues);
    }

    public boolean isUnclassified() {
        return equals(UNCLASSIFIED);
    }

    /** The key compared without letter case: two queues may not differ only in that. */
    public String folded() {
        return wire.toLowerCase(Locale.ROOT);
    }

    private static int rank(Queue queue) {
        int shipped = SHIPPED.indexOf(queue);
        if (queue.isUnclassified()) {
            return SHIPPED.size();
        }
        return shipped < 0 ? SHIPPED.size() - 1 : shipped;
    }

    @Override
    public String toString() {
        return wire;
    }
}
