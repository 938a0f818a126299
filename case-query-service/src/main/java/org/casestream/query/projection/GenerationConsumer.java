package org.casestream.query.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.casestream.events.agents.AgentEvent;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.customers.CustomerEvent;
import org.casestream.query.platform.QueryProperties;
import org.casestream.support.events.CaseEventBatch;
import org.casestream.support.events.CaseEventRecord;
import org.casestream.support.events.CaseEventsConsumer;
import org.casestream.support.events.CaseEventsConsumers;
import org.casestream.support.events.CaseEventsHandler;
import org.casestream.support.events.CaseEventsSettings;
import org.casestream.support.events.DeadLetters;
import org.casestream.support.events.UnprocessableEvent;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one generation of the read models from the case events topic, through the consumer kit's
 * every-partition consumer (each instance keeps its own Lucene index, so each needs every case). It starts from
 * positions it stores itself: for each partition the older of MongoDB's and the Lucene commit's, so that both
 * stores catch up. Per batch: MongoDB read models, then the index (visible at once), then the live stream; the
 * positions in MongoDB and the Lucene commit with its positions follow at most every {@code index-commit-interval}
 * (and when the topic goes quiet, and at stop). An event that cannot be applied however often it is tried is parked
 * in the consumer's dead-letter topic (with the events of its case after it), where ops list and retry it.
 */
public class GenerationConsumer implements CaseEventsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationConsumer.class);
    static final String PARKED_BEHIND = "an earlier event of its case (or agent) is parked";

    private final QueryProperties properties;
    private final ReadModels models;
    private final ChangeListener stream;
    private final CaseEventsConsumer consumer;
    private final Map<Integer, Long> next = new HashMap<>();
    private volatile boolean live;
    private boolean uncommitted;
    private long lastCheckpoint = System.nanoTime();

    /**
     * @param live whether its changes go to the live stream (the served generation's consumer) or not (a rebuild's,
     *             until it is switched in)
     */
    public GenerationConsumer(QueryProperties properties, CaseEventsConsumers consumers, ReadModels models,
                              ChangeListener stream, boolean live) {
        this.properties = properties;
        this.models = models;
        this.stream = stream;
        this.live = live;
        CaseEventsSettings settings = CaseEventsSettings.everyPartition("case-query", properties.topic(),
                        properties.topicPartitions(), properties.consumerGroup())
                .withIdleInterval(properties.indexCommitInterval())
                .withPartitionRefresh(properties.partitionRefresh())
                .withMaxPollRecords(properties.maxPollRecords())
                .withRetry(Duration.ofSeconds(1), Duration.ofSeconds(10));
        this.consumer = consumers.everyPartition(settings, this::storedPositions, this);
    }

    public ReadModels models() {
        return models;
    }

    /** From now on its changes go to the live stream, and its lag is the one the service reports. */
    public void goLive() {
        live = true;
        consumer.reportLag();
    }

    /** Records not yet applied, as of the last poll (NaN before the first). */
    public double lag() {
        return consumer.lag();
    }

    /** The next offset to read per partition, after everything applied so far. */
    public Map<Integer, Long> appliedPositions() {
        return consumer.appliedPositions();
    }

    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return consumer.awaitAssignment(timeout);
    }

    public void start() {
        consumer.start();
    }

    public void stop() {
        consumer.stop();
    }

    public boolean isRunning() {
        return consumer.isRunning();
    }

    /** The records this generation's consumer parked, to list and retry (through {@link #handle}). */
    public DeadLetters deadLetters() {
        return consumer.deadLetters();
    }

    /**
     * Applies a poll's events: the events of a case (or agent) with a parked event are parked behind it, in order;
     * when the batch fails in a way no retry cures, its events are applied one at a time, so that those before the
     * one that fails are kept and that one is parked ({@link UnprocessableEvent}); anything else (MongoDB away) is
     * thrown, and the consumer tries the batch again. Events taken back from the dead-letter topic are applied as
     * they come, and release their stream once its last parked event is applied.
     */
    @Override
    public synchronized void handle(CaseEventBatch batch) {
        if (batch.fromDeadLetters()) {
            applyParked(batch.events());
            return;
        }
        Map<UUID, Long> parked = models.parked().find(batch.events().stream().map(GenerationConsumer::stream)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<CaseEventRecord> events = new ArrayList<>();
        List<CaseEventRecord> parkedAlready = new ArrayList<>();
        CaseEventRecord behindParked = null;
        for (CaseEventRecord event : batch.events()) {
            Long through = parked.get(stream(event));
            if (through == null) {
                events.add(event);
            } else if (event.envelope().sequence() <= through) {
                // parked when it was read before (the positions had not been stored yet): it is in the topic once
                parkedAlready.add(event);
            } else {
                behindParked = event;
                break;
            }
        }
        applyFindingThePoison(events);
        parkedAlready.forEach(this::done);
        if (behindParked != null) {
            throw new UnprocessableEvent(behindParked, PARKED_BEHIND);
        }
        batch.positions().forEach((partition, offset) -> next.merge(partition, offset, Math::max));
        uncommitted = true;
        if (System.nanoTime() - lastCheckpoint > properties.indexCommitInterval().toNanos()) {
            checkpoint();
        }
    }

    /** The kit wrote an event this consumer could not apply to the dead-letter topic: its stream waits behind it. */
    @Override
    public synchronized void parked(CaseEventRecord event) {
        UUID stream = stream(event);
        if (stream != null) {
            models.parked().park(stream, event.envelope().sequence());
        }
    }

    private void applyFindingThePoison(List<CaseEventRecord> events) {
        try {
            applyAndShow(events, false);
            events.forEach(this::done);
        } catch (RuntimeException failure) {
            if (!ProjectionFailures.permanent(failure)) {
                throw failure;
            }
            LOG.warn("A batch of {} events cannot be applied as it is ({}); applying them one at a time to find the "
                    + "one that cannot", events.size(), Redacted.causes(failure));
            for (CaseEventRecord event : events) {
                try {
                    applyAndShow(List.of(event), false);
                } catch (RuntimeException single) {
                    if (!ProjectionFailures.permanent(single)) {
                        throw single;
                    }
                    throw new UnprocessableEvent(event, ProjectionFailures.reason(single), single);
                }
                done(event);
            }
        }
    }

    private void applyParked(List<CaseEventRecord> events) {
        applyAndShow(events, true);
        for (CaseEventRecord event : events) {
            UUID stream = stream(event);
            if (stream != null) {
                models.parked().release(stream, event.envelope().sequence());
            }
        }
        // the index changed, its positions did not: commit it with the next checkpoint (none before the consumer's
        // first start: a commit without positions would make the index start the topic over)
        uncommitted |= !next.isEmpty();
    }

    /** MongoDB read models, then the index (visible at once), then the live stream. */
    private void applyAndShow(List<CaseEventRecord> events, boolean parked) {
        if (events.isEmpty()) {
            return;
        }
        Projection.BatchResult result = parked ? models.projection().applyParked(events)
                : models.projection().apply(events);
        Map<UUID, String> commentText = models.cases().comments().searchText(result.touched().values(), result.added(),
                properties.comments().searchCharacters());
        models.index().index(result.touched().values(), commentText);
        models.index().refresh();
        if (live) {
            stream.publish(result.changes());
        }
    }

    /** The event is applied (or parked): the position to store moves past it. */
    private void done(CaseEventRecord event) {
        next.merge(event.partition(), event.offset() + 1, Math::max);
        uncommitted = true;
    }

    /** The stream an event belongs to: its case's, its agent's, or (named by its id) its customer's. */
    private static UUID stream(CaseEventRecord event) {
        return switch (event.envelope().event()) {
            case CaseEvent caseEvent -> caseEvent.caseId();
            case AgentEvent agentEvent -> agentEvent.agentId();
            case CustomerEvent customerEvent -> UUID.nameUUIDFromBytes(
                    ("customer:" + customerEvent.customerId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> null;
        };
    }

    @Override
    public synchronized void idle() {
        if (uncommitted) {
            checkpoint();
        }
    }

    @Override
    public synchronized void stopped() {
        if (uncommitted) {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                LOG.warn("Last checkpoint failed; the projection catches up on start: {}", Redacted.causes(e));
            }
        }
    }

    /**
     * Stores how far the read models and the index go, now and then rather than per batch (a MongoDB round trip
     * and a Lucene commit each): every write of the projection is conditioned on the sequence or offset it covers,
     * so the events after a checkpoint that a crash makes the consumer read again change nothing.
     */
    private void checkpoint() {
        models.positions().save(properties.consumerGroup(), properties.topic(), next);
        models.index().commit(next);
        uncommitted = false;
        lastCheckpoint = System.nanoTime();
    }

    private synchronized Map<Integer, Long> storedPositions() {
        Map<Integer, Long> inMongo = models.positions().load(properties.consumerGroup(), properties.topic());
        Map<Integer, Long> inIndex = models.index().committedPositions();
        Map<Integer, Long> start = new HashMap<>();
        inMongo.keySet().forEach(partition -> start.put(partition,
                Math.min(inMongo.get(partition), inIndex.getOrDefault(partition, 0L))));
        next.clear();
        next.putAll(start);
        LOG.info("Projection of generation {} starts at {} (MongoDB had {}, the index {})", models.generation(), start,
                inMongo, inIndex);
        return start;
    }
}
