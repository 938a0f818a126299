package org.casestream.support.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The records one consumer parked in its dead-letter topic, for ops. How far they were retried is the committed
 * offset of the group {@link CaseEventsSettings#deadLetterGroup()} on that topic: {@link #list} reads from there to
 * the end, and {@link #retry} hands them in order, one at a time, to the consumer's own handler, commits past each
 * one that goes through and stops at the first that still fails. Nothing here returns an event's data (it is
 * personal): a listing says where a record came from, what it was (type, id, subject) and why it was parked (the
 * failure's class and the handler's reason, both written when it was parked).
 * <p>
 * Two callers retrying at once (two instances, say) may each hand the same record to their handler; handlers are
 * idempotent, so that costs a second try, not a second effect.
 */
public final class DeadLetters {

    /** The handler's reason for parking a record ({@link UnprocessableEvent}'s message: no event content). */
    static final String REASON_HEADER = "casestream_dlt-reason";
    /** The class of what went wrong: the innermost cause. */
    static final String ERROR_HEADER = "casestream_dlt-error";
    static final String PARKED_AT_HEADER = "casestream_dlt-parked-at";
    private static final String UNDECODABLE = "no version of the event catalogue can read it";
    private static final int REASON_MAX = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_WITHIN = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * One parked record: where it is in the dead-letter topic, when it was parked, where it was read from, what it
     * is ({@code subject} is the CloudEvents subject: the case's id), and why it was parked.
     */
    public record Parked(int partition, long offset, Instant parkedAt, String originalTopic, Integer originalPartition,
                         Long originalOffset, String eventType, String eventId, String subject, String error,
                         String reason) {
    }

    /** The records parked and not retried yet: how many, and the first of them in order. */
    public record Listing(long total, List<Parked> records) {
    }

    /**
     * What a retry did: how many records went through, how many are still parked (those after {@code stoppedAt}
     * and any parked meanwhile), and the record it stopped at with the class of its failure (null when all went).
     */
    public record Retried(int retried, long remaining, Parked stoppedAt, String failure) {
    }

    private final CaseEventsSettings settings;
    private final CaseEventsHandler handler;
    private final ConsumerFactory<String, byte[]> consumers;
    private final CaseEventsConsumers.Meters meters;

    DeadLetters(CaseEventsSettings settings, CaseEventsHandler handler, ConsumerFactory<String, byte[]> consumers,
                CaseEventsConsumers.Meters meters) {
        this.settings = settings;
        this.handler = handler;
        this.consumers = consumers;
        this.meters = meters;
    }

    /** How many records are parked and not retried yet; also what {@code casestream.events.parked} says from now. */
    public long count() {
        try (Consumer<String, byte[]> reader = reader()) {
            Map<TopicPartition, Long> from = seekToPosition(reader);
            long total = remaining(reader, from);
            meters.parked(settings.name(), total);
            return total;
        }
    }

    /** The parked records not retried yet: their number, and the first {@code limit} of them in order. */
    public Listing list(int limit) {
        try (Consumer<String, byte[]> reader = reader()) {
            Map<TopicPartition, Long> from = seekToPosition(reader);
            Map<TopicPartition, Long> end = reader.endOffsets(from.keySet(), TIMEOUT);
            long total = remaining(from, end);
            List<Parked> records = new ArrayList<>();
            if (limit > 0) {
                read(reader, end, record -> {
                    records.add(describe(record));
                    return records.size() < limit;
                });
            }
            meters.parked(settings.name(), total);
            return new Listing(total, records);
        }
    }

    /**
     * Hands the parked records, in order, to the consumer's handler again, each as a batch of its own
     * ({@link CaseEventBatch#fromDeadLetters()}), up to the end of the topic as it is now; commits past each one
     * that goes through, and stops at the first that fails (whatever the failure: it stays parked, and so do those
     * after it). A record of a type this catalogue does not know is passed over as done.
     */
    public synchronized Retried retry() {
        try (Consumer<String, byte[]> reader = reader()) {
            Map<TopicPartition, Long> from = seekToPosition(reader);
            Map<TopicPartition, Long> end = reader.endOffsets(from.keySet(), TIMEOUT);
            int[] retried = {0};
            Parked[] stoppedAt = {null};
            String[] failure = {null};
            read(reader, end, record -> {
                try {
                    handleAgain(record);
                } catch (RuntimeException e) {
                    stoppedAt[0] = describe(record);
                    failure[0] = innermost(e).getClass().getName();
                    log.warn("Consumer {}: parked record {}-{}@{} still fails; the retry stops there: {}",
                            settings.name(), record.topic(), record.partition(), record.offset(), Redacted.causes(e));
                    return false;
                }
                reader.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)), TIMEOUT);
                retried[0]++;
                return true;
            });
            long remaining = remaining(reader, from.keySet());
            meters.parked(settings.name(), remaining);
            meters.retried(settings.name(), retried[0]);
            log.info("Consumer {}: {} parked record(s) retried, {} still parked", settings.name(), retried[0], remaining);
            return new Retried(retried[0], remaining, stoppedAt[0], failure[0]);
        }
    }

    private void handleAgain(ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope> envelope = CloudEventsKafka.fromRecord(record);
        if (envelope.isEmpty()) {
            return;
        }
        CaseEventRecord event = new CaseEventRecord(envelope.get(), record.topic(), record.partition(), record.offset());
        handler.handle(new CaseEventBatch(List.of(event), Map.of(), true));
    }

    private Consumer<String, byte[]> reader() {
        Properties overrides = new Properties();
        overrides.put("enable.auto.commit", "false");
        overrides.put("max.poll.records", "100");
        return consumers.createConsumer(settings.deadLetterGroup(), settings.name() + "-dead-letters", null, overrides);
    }

    /** Assigns every partition of the dead-letter topic and seeks each to the group's position; returns those. */
    private Map<TopicPartition, Long> seekToPosition(Consumer<String, byte[]> reader) {
        List<PartitionInfo> infos = reader.partitionsFor(settings.deadLetterTopic(), TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        reader.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(java.util.Set.copyOf(partitions), TIMEOUT);
        Map<TopicPartition, Long> beginning = reader.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long start = Math.max(done == null ? 0 : done.offset(), beginning.getOrDefault(partition, 0L));
            reader.seek(partition, start);
            from.put(partition, start);
        }
        return from;
    }

    /** Reads from the current positions up to {@code end}, record by record, while {@code each} says go on. */
    private void read(Consumer<String, byte[]> reader, Map<TopicPartition, Long> end,
                      Predicate<ConsumerRecord<String, byte[]>> each) {
        long deadline = System.nanoTime() + READ_WITHIN.toNanos();
        while (end.entrySet().stream().anyMatch(entry -> reader.position(entry.getKey(), TIMEOUT) < entry.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dead-letter topic " + settings.deadLetterTopic()
                        + " could not be read to its end within " + READ_WITHIN);
            }
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                if (last != null && record.offset() < last && !each.test(record)) {
                    return;
                }
            }
        }
    }

    private long remaining(Consumer<String, byte[]> reader, Map<TopicPartition, Long> from) {
        return remaining(from, reader.endOffsets(from.keySet(), TIMEOUT));
    }

    private long remaining(Consumer<String, byte[]> reader, java.util.Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(partitions, TIMEOUT);
        Map<TopicPartition, Long> beginning = reader.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> from = new HashMap<>();
        partitions.forEach(partition -> {
            OffsetAndMetadata done = committed.get(partition);
            from.put(partition, Math.max(done == null ? 0 : done.offset(), beginning.getOrDefault(partition, 0L)));
        });
        return remaining(reader, from);
    }

    private static long remaining(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
        return from.entrySet().stream().mapToLong(entry -> Math.max(0, end.getOrDefault(entry.getKey(), 0L) - entry.getValue()))
                .sum();
    }

    private static Parked describe(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String parkedAt = text(headers, PARKED_AT_HEADER);
        return new Parked(record.partition(), record.offset(),
                parkedAt == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.ofEpochMilli(Long.parseLong(parkedAt)),
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(Number::intValue).orElse(null),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET).map(Number::longValue).orElse(null),
                text(headers, "ce_type"), text(headers, "ce_id"), text(headers, "ce_subject"),
                Optional.ofNullable(text(headers, ERROR_HEADER)).orElse(text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN)),
                text(headers, REASON_HEADER));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead-letter publisher writes partitions as 4-byte and offsets as 8-byte big-endian numbers. */
    private static Optional<Number> number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        byte[] value = header.value();
        return switch (value.length) {
            case 4 -> Optional.of(ByteBuffer.wrap(value).getInt());
            case 8 -> Optional.of(ByteBuffer.wrap(value).getLong());
            default -> Optional.empty();
        };
    }

    /** The headers the kit adds to each record it parks: why (no event content), what failed, and when. */
    static Headers headers(Exception failure, Instant now) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8));
        headers.add(ERROR_HEADER, innermost(failure).getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(PARKED_AT_HEADER, Long.toString(now.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The handler's reason when it declared the event unprocessable; otherwise the record could not be decoded. */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnprocessableEvent unprocessable && unprocessable.getMessage() != null) {
                String reason = unprocessable.getMessage();
                return reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason;
            }
        }
        return UNDECODABLE;
    }

    /** What actually went wrong: the wrappers of the container and the kit say nothing about it. */
    static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
