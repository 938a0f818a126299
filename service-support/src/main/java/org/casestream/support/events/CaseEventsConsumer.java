package org.casestream.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.observability.TraceContexts;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One consumer of the case events topic, on Spring Kafka's listener container: it decodes each record with the
 * event catalogue, skips what it cannot use (counted, and dead-lettered when no version of the catalogue can read
 * it), hands the rest to the service's {@link CaseEventsHandler} a poll at a time, and only then moves its position:
 * by committing the offsets of its consumer group, or, for a consumer of {@linkplain CaseEventsSettings#everyPartition
 * every partition}, by leaving it to the handler to store positions with its state (read back through a
 * {@link PositionStore} at each start). A failing batch is tried again with growing pauses and without end; an
 * {@link UnprocessableEvent} goes to the dead-letter topic, where ops can list and retry it ({@link #deadLetters()}).
 * It can be paused and resumed (a rebuild holds the consumer while it resets the state behind it). As a bean it
 * starts and stops with the application context, last and first.
 */
public final class CaseEventsConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);
    private static final long POLL_TIMEOUT_MS = 250;

    private final CaseEventsSettings settings;
    private final CaseEventsHandler handler;
    private final PositionStore positions;
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final DefaultErrorHandler errorHandler;
    private final BiConsumer<ConsumerRecord<?, ?>, Exception> deadLetters;
    private final CaseEventsConsumers.Meters meters;
    private final CaseEventsConsumers.TopicAdmin topics;
    private final DeadLetters parked;
    private final TraceContexts traces;
    private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lags = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private ConcurrentMessageListenerContainer<String, byte[]> container;
    private Thread starter;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile int partitionCount;
    private volatile long lastPartitionCheck = System.nanoTime();

    CaseEventsConsumer(CaseEventsSettings settings, CaseEventsHandler handler, PositionStore positions,
                       ConsumerFactory<String, byte[]> consumerFactory,
                       BiConsumer<ConsumerRecord<?, ?>, Exception> deadLetters, CaseEventsConsumers.Meters meters,
                       CaseEventsConsumers.TopicAdmin topics, TraceContexts traces) {
        this.settings = settings;
        this.handler = handler;
        this.positions = positions;
        this.consumerFactory = consumerFactory;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.topics = topics;
        this.traces = traces;
        this.parked = new DeadLetters(settings, handler, consumerFactory, meters);
        this.errorHandler = errorHandler();
    }

    /**
     * Retries a failed batch (or, for a handler of one event at a time, the failed event and those after it) with
     * pauses growing to {@code retryMax}, for as long as it takes: a database or a peer that is away comes back, and
     * skipping would lose what the event should have done. Only an {@link UnprocessableEvent} is dead-lettered, at once.
     */
    private DefaultErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(settings.retryMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler errors = new DefaultErrorHandler((record, e) -> deadLetter(record, e), backOff);
        errors.setClassifications(Map.of(UnprocessableEvent.class, false), true);
        // the container's own report of each seek-back would repeat, with a stack trace, what the listener below says
        errors.setLogLevel(KafkaException.Level.DEBUG);
        errors.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                log.warn("Consumer {}: {}-{}@{} failed (attempt {}), trying again: {}", settings.name(), record.topic(),
                        record.partition(), record.offset(), attempt, Redacted.causes(e));
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int attempt) {
                log.warn("Consumer {}: a batch of {} failed (attempt {}), trying again: {}", settings.name(),
                        records.count(), attempt, Redacted.causes(e));
            }
        });
        return errors;
    }

    /**
     * Sends the record as it is to this consumer's dead-letter topic, then tells the handler about the event it
     * declared unprocessable; its position moves past it.
     */
    private void deadLetter(ConsumerRecord<?, ?> record, Exception cause) {
        log.error("Consumer {}: {}-{}@{} dead-lettered to {}: {}", settings.name(), record.topic(), record.partition(),
                record.offset(), settings.deadLetterTopic(), Redacted.causes(cause));
        deadLetters.accept(record, cause);
        unprocessable(cause).ifPresent(event -> handler.parked(event));
        meters.deadLettered(settings.name());
        applied.merge(record.partition(), record.offset() + 1, Math::max);
    }

    private static Optional<CaseEventRecord> unprocessable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnprocessableEvent unprocessable && unprocessable.event() != null) {
                return Optional.of(unprocessable.event());
            }
        }
        return Optional.empty();
    }

    /** The records this consumer parked in its dead-letter topic: listed and retried through its handler. */
    public DeadLetters deadLetters() {
        return parked;
    }

    public CaseEventsSettings settings() {
        return settings;
    }

    /**
     * Starts reading, in the background: the topic is created if no service did yet and, for a consumer of every
     * partition, its partitions are waited for while the broker is not reachable.
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        meters.reportLag(this, false);
        starter = Thread.ofPlatform().name(settings.name() + "-start").start(() -> {
            topics.ensure(settings);
            if (settings.everyPartition()) {
                int partitions = topics.awaitPartitions(settings.topic(), () -> running);
                if (partitions == 0) {
                    return;
                }
                startContainer(partitions);
            } else {
                startContainer(0);
            }
            // once the consumer reads: counting must not hold it up
            countParked();
        });
    }

    /** {@code casestream.events.parked} from the start; the broker being away only leaves it unknown for now. */
    private void countParked() {
        try {
            parked.count();
        } catch (RuntimeException e) {
            log.info("Consumer {}: its parked records could not be counted yet: {}", settings.name(), Redacted.causes(e));
        }
    }

    /** Stops reading and waits until the handler is done with its last batch; then the handler's stopped(). */
    @Override
    public void stop() {
        Thread starting;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            starting = starter;
        }
        if (starting != null) {
            starting.interrupt();
            try {
                starting.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            stopContainer();
        }
        meters.forget(this);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops handing records to the handler (the position stays) until {@link #resume}. */
    public synchronized void pause() {
        paused = true;
        if (container != null) {
            container.pause();
        }
    }

    public synchronized void resume() {
        paused = false;
        if (container != null) {
            container.resume();
        }
    }

    /** Paused, and every consumer thread has stopped fetching. */
    public synchronized boolean isPaused() {
        return paused && container != null && container.isContainerPaused();
    }

    /** Records not yet handled on this instance's partitions, as of the last poll (NaN before the first). */
    public double lag() {
        if (lags.isEmpty()) {
            return Double.NaN;
        }
        return lags.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The next offset to read per partition, after everything handled (or skipped) so far. */
    public Map<Integer, Long> appliedPositions() {
        return Map.copyOf(applied);
    }

    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes this consumer the one {@code casestream.events.lag} reports for its name (e.g. a switched-in rebuild). */
    public void reportLag() {
        meters.reportLag(this, true);
    }

    private synchronized void startContainer(int partitions) {
        if (!running) {
            return;
        }
        ContainerProperties properties;
        if (settings.everyPartition()) {
            Map<Integer, Long> stored = positions.load();
            List<TopicPartitionOffset> offsets = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                long start = stored.getOrDefault(partition, 0L);
                offsets.add(start == 0 ? new TopicPartitionOffset(settings.topic(), partition,
                        TopicPartitionOffset.SeekPosition.BEGINNING) : new TopicPartitionOffset(settings.topic(), partition, start));
                applied.put(partition, start);
            }
            partitionCount = partitions;
            log.info("Consumer {} starts at {}", settings.name(), applied);
            properties = new ContainerProperties(offsets.toArray(TopicPartitionOffset[]::new));
            // positions are the handler's, stored with its state; Kafka's offsets are not used
            properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        } else {
            properties = new ContainerProperties(settings.topic());
            // committed when the handler returned: after what it did with the batch is durable
            properties.setAckMode(ContainerProperties.AckMode.BATCH);
        }
        properties.setGroupId(settings.group());
        properties.setClientId(settings.name());
        properties.setPollTimeout(POLL_TIMEOUT_MS);
        properties.setIdleEventInterval(settings.idleInterval().toMillis());
        properties.setIdleBeforeDataMultiplier(1.0);
        properties.setMessageListener(new Listener());
        ConcurrentMessageListenerContainer<String, byte[]> created =
                new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        created.setConcurrency(settings.everyPartition() ? 1 : settings.concurrency());
        created.setCommonErrorHandler(errorHandler);
        created.setBeanName(settings.name());
        created.setApplicationEventPublisher(this::onContainerEvent);
        container = created;
        if (paused) {
            created.pause();
        }
        created.start();
    }

    private void stopContainer() {
        if (container != null) {
            container.stop();
            container = null;
            handler.stopped();
        }
    }

    /** A consumer of every partition reads the partitions added to the topic too: it starts again over all of them. */
    private void restartForPartitions(int partitions) {
        Thread.ofPlatform().name(settings.name() + "-restart").start(() -> {
            synchronized (this) {
                if (!running) {
                    return;
                }
                log.info("The topic {} has {} partitions now; consumer {} reads them all", settings.topic(), partitions,
                        settings.name());
                stopContainer();
                startContainer(partitions);
            }
        });
    }

    private void onContainerEvent(Object event) {
        if (event instanceof ListenerContainerIdleEvent idle) {
            measure(idle.getConsumer());
            handler.idle();
        }
    }

    private void measure(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(lag -> lags.put(partition.partition(), lag));
        }
        if (settings.everyPartition() && System.nanoTime() - lastPartitionCheck > settings.partitionRefresh().toNanos()) {
            lastPartitionCheck = System.nanoTime();
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(settings.topic(), Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                return;
            }
            if (infos != null && infos.size() > partitionCount) {
                partitionCount = infos.size();
                restartForPartitions(infos.size());
            }
        }
    }

    /** A record's header as text (the trace context's are ASCII). */
    private static final Propagator.Getter<Headers> HEADER = (carrier, key) -> {
        Header header = carrier == null ? null : carrier.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };

    /** Decodes a poll's records, hands them to the handler, and keeps track of positions and lag. */
    private final class Listener implements BatchConsumerAwareMessageListener<String, byte[]>, ConsumerSeekAware {

        /** Records already dead-lettered while the batch they came in is retried, so each goes there once. */
        private final Set<String> deadLettered = new HashSet<>();

        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
            List<CaseEventRecord> events = new ArrayList<>(records.size());
            List<Integer> recordIndex = new ArrayList<>(records.size());
            Map<CaseEventRecord, Headers> headers = new IdentityHashMap<>();
            Map<Integer, Long> covered = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                covered.merge(record.partition(), record.offset() + 1, Math::max);
                Optional<EventEnvelope> envelope = decode(record);
                if (envelope.isPresent()) {
                    CaseEventRecord event = new CaseEventRecord(envelope.get(), record.topic(), record.partition(),
                            record.offset());
                    events.add(event);
                    headers.put(event, record.headers());
                    recordIndex.add(i);
                }
            }
            try {
                handle(new CaseEventBatch(events, covered), headers);
            } catch (CaseEventsHandler.EventFailed e) {
                throw failedAt(records, events, recordIndex, e.event(), (Exception) e.getCause());
            } catch (UnprocessableEvent e) {
                throw failedAt(records, events, recordIndex, e.event(), e);
            }
            deadLettered.clear();
            covered.forEach((partition, next) -> applied.merge(partition, next, Math::max));
            meters.handled(settings.name(), events.size());
            measure(consumer);
        }

        /**
         * Each event of a handler of one event at a time in a span continuing the trace of its record; a batch in
         * one span continuing its first event's (with that event's correlation id in the MDC), and every other trace
         * the batch's records carry gets a {@code receive} span, so that each trace shows this consumer.
         */
        private void handle(CaseEventBatch batch, Map<CaseEventRecord, Headers> headers) {
            String span = settings.name() + " process";
            if (handler instanceof CaseEventsHandler.EachEvent each) {
                each.handle(batch, (event, work) -> traces.continued(span, Span.Kind.CONSUMER, headers.get(event), HEADER,
                        event.envelope().correlationId(), work));
            } else if (batch.events().isEmpty()) {
                handler.handle(batch);
            } else {
                CaseEventRecord first = batch.events().getFirst();
                Set<String> traced = new HashSet<>();
                traced.add(traceId(headers.get(first)));
                for (CaseEventRecord event : batch.events()) {
                    if (traced.add(traceId(headers.get(event)))) {
                        traces.continued(settings.name() + " receive", Span.Kind.CONSUMER, headers.get(event), HEADER,
                                event.envelope().correlationId(), () -> { });
                    }
                }
                traces.continued(span, Span.Kind.CONSUMER, headers.get(first), HEADER, first.envelope().correlationId(),
                        () -> handler.handle(batch));
            }
        }

        /** The trace id of a record's {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or "". */
        private static String traceId(Headers headers) {
            String traceparent = HEADER.get(headers, TraceContexts.TRACEPARENT);
            return traceparent == null || traceparent.length() < 35 ? "" : traceparent.substring(3, 35);
        }

        private Optional<EventEnvelope> decode(ConsumerRecord<String, byte[]> record) {
            Optional<EventEnvelope> envelope;
            try {
                envelope = CloudEventsKafka.fromRecord(record);
            } catch (RuntimeException unreadable) {
                // no retry makes it readable; its content stays out of the log (events carry personal data)
                if (deadLettered.add(record.partition() + "@" + record.offset())) {
                    meters.skipped(settings.name(), "undecodable");
                    deadLetter(record, unreadable);
                }
                return Optional.empty();
            }
            if (envelope.isEmpty() && deadLettered.add(record.partition() + "@" + record.offset())) {
                log.info("Consumer {}: skipping event type {} (not in this catalogue) at {}-{}@{}", settings.name(),
                        CloudEventsKafka.typeOf(record), record.topic(), record.partition(), record.offset());
                meters.skipped(settings.name(), "unknown-type");
            }
            return envelope;
        }

        /**
         * The events before {@code failed} count as handled; the error handler retries from {@code failed} (or,
         * for an unprocessable one, dead-letters it and goes on after it).
         */
        private BatchListenerFailedException failedAt(List<ConsumerRecord<String, byte[]>> records,
                                                      List<CaseEventRecord> events, List<Integer> recordIndex,
                                                      CaseEventRecord failed, Exception cause) {
            int index = events.indexOf(failed);
            int raw = index < 0 ? 0 : recordIndex.get(index);
            for (int i = 0; i < raw; i++) {
                ConsumerRecord<String, byte[]> done = records.get(i);
                applied.merge(done.partition(), done.offset() + 1, Math::max);
            }
            return new BatchListenerFailedException("consumer " + settings.name() + " failed at " + failed.position(),
                    cause, raw);
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            assigned.countDown();
        }

        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> lags.remove(partition.partition()));
        }
    }
}
