package org.casestream.support.events;

import java.util.List;
import java.util.Map;

/**
 * What one poll brought, decoded: the events this catalogue knows, in offset order per partition, and for each
 * partition the poll touched the offset after its last record. The positions cover the records that were skipped
 * (an event type this service does not know yet, a record no version of the catalogue can read): a consumer that
 * keeps its own positions stores those, so that it does not read the skipped records again.
 * <p>
 * A batch {@code fromDeadLetters} holds one event taken back from the consumer's dead-letter topic by
 * {@link DeadLetters#retry}: its record's topic, partition and offset are the dead-letter topic's, and its positions
 * are empty (the consumer's own positions do not move).
 */
public record CaseEventBatch(List<CaseEventRecord> events, Map<Integer, Long> positions, boolean fromDeadLetters) {

    public CaseEventBatch {
        events = List.copyOf(events);
        positions = Map.copyOf(positions);
    }

    /** A batch read from the topic. */
    public CaseEventBatch(List<CaseEventRecord> events, Map<Integer, Long> positions) {
        this(events, positions, false);
    }
}
