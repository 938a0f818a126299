package org.casestream.support.events;

import org.casestream.events.kafka.EventEnvelope;

/** One decoded event of the case events topic and where it was read: the unit a {@link CaseEventsHandler} gets. */
public record CaseEventRecord(EventEnvelope envelope, String topic, int partition, long offset) {

    /** Where the record is, for logs: {@code topic-partition@offset} (no content: events carry personal data). */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
