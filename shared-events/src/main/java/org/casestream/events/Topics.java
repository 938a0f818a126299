package org.casestream.events;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;

/** Kafka topic names: fixed, since every consumer and script relies on them. */
public final class Topics {

    /** Every case and agent event, key = the aggregate id, CloudEvents binary mode, JSON data. */
    public static final String CASE_EVENTS = "casestream.case-events";

    /** How many partitions {@link #CASE_EVENTS} gets when a service creates it: the ceiling of any group's parallelism. */
    public static final int CASE_EVENTS_PARTITIONS = 6;

    /**
     * How {@link #CASE_EVENTS} (and every dead-letter topic beside it) keeps its records: all of them, for ever, by
     * time and by size. The event store is the truth and the topic its complete copy: every read model and every
     * service's own state is rebuilt from the topic, so a topic that dropped last week's events (the broker's
     * default retention is 7 days) would rebuild them without those cases, silently.
     */
    public static final Map<String, String> KEEP_EVERYTHING = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    private Topics() {
    }

    /**
     * {@link #CASE_EVENTS} as every service that touches it declares it at start-up, so whichever starts first
     * creates it with the platform's partitions (and the broker's default replication) and {@link #KEEP_EVERYTHING},
     * instead of a consumer's metadata request auto-creating it with the broker's default of one partition: a
     * consumer group that starts on one partition learns of the others only at its next metadata refresh, and
     * events keyed to them wait.
     */
    public static NewTopic caseEventsTopic() {
        return new NewTopic(CASE_EVENTS, Optional.of(CASE_EVENTS_PARTITIONS), Optional.empty()).configs(KEEP_EVERYTHING);
    }
}
