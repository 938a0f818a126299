package org.casestream.support.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How one consumer of the case events topic reads it.
 *
 * @param name             names the consumer in metrics ({@code consumer} tag), thread names and its dead-letter topic
 * @param topic            the topic read
 * @param topicPartitions  the partitions the topic is created with when no service created it yet
 * @param group            the consumer group: shared by every instance of a service that splits the partitions
 *                         ({@link #everyPartition} false), or only a name when each instance reads them all
 * @param everyPartition   read every partition from the positions of a {@link PositionStore} (a read model every
 *                         instance keeps whole) instead of sharing them in the group with offsets committed to Kafka
 * @param concurrency      consumers per instance in a group (at most one per partition gets records)
 * @param idleInterval     how long without records before the handler's {@link CaseEventsHandler#idle} runs
 * @param partitionRefresh how often a consumer of every partition looks for partitions added to the topic
 * @param retryInitial     the first pause before a failed batch is tried again; it doubles up to {@code retryMax}
 * @param retryMax         the longest pause between tries
 * @param maxPollRecords   the most records a batch holds; 0 for the service's {@code spring.kafka.consumer} setting
 */
public record CaseEventsSettings(String name, String topic, int topicPartitions, String group, boolean everyPartition,
                                 int concurrency, Duration idleInterval, Duration partitionRefresh,
                                 Duration retryInitial, Duration retryMax, int maxPollRecords) {

    public CaseEventsSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        if (topicPartitions < 1 || concurrency < 1) {
            throw new IllegalArgumentException("topicPartitions and concurrency must be at least 1");
        }
        Objects.requireNonNull(idleInterval, "idleInterval");
        Objects.requireNonNull(partitionRefresh, "partitionRefresh");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        if (maxPollRecords < 0) {
            throw new IllegalArgumentException("maxPollRecords must not be negative");
        }
    }

    /** A consumer in group {@code group} that shares the partitions with the service's other instances. */
    public static CaseEventsSettings inGroup(String name, String topic, int topicPartitions, String group) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, false, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(10), 0);
    }

    /** A consumer of every partition, from the positions its {@link PositionStore} keeps. */
    public static CaseEventsSettings everyPartition(String name, String topic, int topicPartitions, String group) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, true, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(10), 0);
    }

    public CaseEventsSettings withConcurrency(int consumers) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, everyPartition, consumers, idleInterval,
                partitionRefresh, retryInitial, retryMax, maxPollRecords);
    }

    public CaseEventsSettings withIdleInterval(Duration interval) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, everyPartition, concurrency, interval,
                partitionRefresh, retryInitial, retryMax, maxPollRecords);
    }

    public CaseEventsSettings withPartitionRefresh(Duration refresh) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, everyPartition, concurrency, idleInterval,
                refresh, retryInitial, retryMax, maxPollRecords);
    }

    public CaseEventsSettings withRetry(Duration initial, Duration max) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, everyPartition, concurrency, idleInterval,
                partitionRefresh, initial, max, maxPollRecords);
    }

    public CaseEventsSettings withMaxPollRecords(int records) {
        return new CaseEventsSettings(name, topic, topicPartitions, group, everyPartition, concurrency, idleInterval,
                partitionRefresh, retryInitial, retryMax, records);
    }

    /** Where this consumer's dead letters go: one topic per consumer, so that they can be looked at and retried. */
    public String deadLetterTopic() {
        return topic + "." + name + ".dlt";
    }

    /** The group whose committed offsets on the dead-letter topic say how far its records were retried. */
    public String deadLetterGroup() {
        return group + ".dlt";
    }
}
