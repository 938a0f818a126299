package org.casestream.query.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.casestream.query.platform.QueryProperties;
import org.casestream.support.events.CaseEventBatch;
import org.casestream.support.events.CaseEventsConsumer;
import org.casestream.support.events.CaseEventsConsumers;
import org.casestream.support.events.CaseEventsHandler;
import org.casestream.support.events.CaseEventsSettings;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one generation of the read models from the case events topic, through the consumer kit's
 * every-partition consumer (each instance keeps its own Lucene index, so each needs every case). It starts from
 * positions it stores itself: for each partition the older of MongoDB's and the Lucene commit's, so that both
 * stores catch up. Per batch: MongoDB read models, then the index (visible at once), then the live stream; the
 * positions in MongoDB and the Lucene commit with its positions follow at most every {@code index-commit-interval}
 * (and when the topic goes quiet, and at stop).
 */
public class GenerationConsumer implements CaseEventsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationConsumer.class);

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

    @Override
    public synchronized void handle(CaseEventBatch batch) {
        Projection.BatchResult result = models.projection().apply(batch.events());
        models.index().index(result.touched().values());
        models.index().refresh();
        batch.positions().forEach((partition, offset) -> next.merge(partition, offset, Math::max));
        uncommitted = true;
        if (live) {
            stream.publish(result.changes());
        }
        if (System.nanoTime() - lastCheckpoint > properties.indexCommitInterval().toNanos()) {
            checkpoint();
        }
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
