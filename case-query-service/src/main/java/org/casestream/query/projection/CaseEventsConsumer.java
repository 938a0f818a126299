package org.casestream.query.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.search.CaseIndex;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of the case events topic that keeps one generation of the read models (consumer group
 * {@code casestream.query.consumer-group}). It reads every partition itself (each instance keeps its own Lucene index, so each needs every case) and
 * starts from positions it stores itself: for each partition the older of MongoDB's and the Lucene commit's, so
 * that both stores catch up. Per poll: MongoDB read models, then the index (visible at once), then the live
 * stream; the positions in MongoDB and the Lucene commit with its positions follow at most every
 * {@code index-commit-interval}.
 */
public class CaseEventsConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final QueryProperties properties;
    private final String bootstrapServers;
    private final Projection projection;
    private final CaseIndex index;
    private final ProjectionPositions positions;
    private final ChangeListener stream;
    private final Map<Integer, Long> next = new HashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final ReadModels models;
    private volatile boolean live;
    private volatile boolean running;
    private volatile double lag = Double.NaN;
    private volatile Map<Integer, Long> appliedPositions = Map.of();
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    /**
     * @param live whether its changes go to the live stream (the served generation's consumer) or not (a rebuild's,
     *             until it is switched in)
     */
    public CaseEventsConsumer(QueryProperties properties, String bootstrapServers, ReadModels models,
                              ChangeListener stream, boolean live) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.models = models;
        this.projection = models.projection();
        this.index = models.index();
        this.positions = models.positions();
        this.stream = stream;
        this.live = live;
    }

    public ReadModels models() {
        return models;
    }

    /** From now on its changes go to the live stream. */
    public void goLive() {
        live = true;
    }

    /** Records not yet applied, as of the last poll (NaN before the first). */
    public double lag() {
        return lag;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("case-query-projection").start(this::run);
    }

    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** The next offset to read per partition, after everything applied so far. */
    public Map<Integer, Long> appliedPositions() {
        return appliedPositions;
    }

    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        long lastCommit = System.nanoTime();
        long lastPartitionCheck = System.nanoTime();
        boolean uncommitted = false;
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig());
        consumer = kafka;
        try {
            List<TopicPartition> partitions = partitions(kafka);
            if (partitions.isEmpty()) {
                return;
            }
            kafka.assign(partitions);
            seekToStoredPositions(kafka, partitions);
            assigned.countDown();
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                updateLag(kafka, partitions);
                if (!records.isEmpty()) {
                    try {
                        apply(records);
                        uncommitted = true;
                    } catch (RuntimeException e) {
                        LOG.error("Projection batch failed; reading it again in {}: {}", RETRY_DELAY, Redacted.causes(e));
                        next.forEach((partition, offset) -> kafka.seek(new TopicPartition(properties.topic(), partition), offset));
                        pause();
                        continue;
                    }
                }
                if (System.nanoTime() - lastPartitionCheck > properties.partitionRefresh().toNanos()) {
                    partitions = withAddedPartitions(kafka, partitions);
                    lastPartitionCheck = System.nanoTime();
                }
                if (uncommitted && System.nanoTime() - lastCommit > properties.indexCommitInterval().toNanos()) {
                    checkpoint();
                    uncommitted = false;
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            LOG.error("The projection stopped: {}", Redacted.causes(e));
        } finally {
            if (uncommitted) {
                try {
                    checkpoint();
                } catch (RuntimeException e) {
                    LOG.warn("Last checkpoint failed; the projection catches up on start: {}", Redacted.causes(e));
                }
            }
            consumer = null;
            // bounded: nothing is committed to Kafka, so there is nothing to wait for when the broker is gone
            kafka.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * Stores how far the read models and the index go, now and then rather than per batch (a MongoDB round trip
     * and a Lucene commit each): every write of the projection is conditioned on the sequence or offset it covers,
     * so the events after a checkpoint that a crash makes the consumer read again change nothing.
     */
    private void checkpoint() {
        positions.save(properties.consumerGroup(), properties.topic(), next);
        index.commit(next);
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        Map<Integer, Long> covered = new HashMap<>(next);
        records.forEach(record -> {
            batch.add(record);
            covered.merge(record.partition(), record.offset() + 1, Math::max);
        });
        Projection.BatchResult result = projection.apply(batch);
        index.index(result.touched().values());
        index.refresh();
        next.putAll(covered);
        appliedPositions = Map.copyOf(next);
        if (live) {
            stream.publish(result.changes());
        }
    }

    private void seekToStoredPositions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        Map<Integer, Long> inMongo = positions.load(properties.consumerGroup(), properties.topic());
        Map<Integer, Long> inIndex = index.committedPositions();
        for (TopicPartition partition : partitions) {
            long start = Math.min(inMongo.getOrDefault(partition.partition(), 0L),
                    inIndex.getOrDefault(partition.partition(), 0L));
            if (start == 0) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, start);
            }
            next.put(partition.partition(), start);
        }
        appliedPositions = Map.copyOf(next);
        LOG.info("Projection starts at {} (MongoDB had {}, the index {})", next, inMongo, inIndex);
    }

    /**
     * Reads partitions added to the topic since {@code known} was read too, from their stored positions (for a new
     * partition: its beginning). The partitions already assigned keep their positions.
     */
    private List<TopicPartition> withAddedPartitions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> known) {
        List<PartitionInfo> infos;
        try {
            infos = kafka.partitionsFor(properties.topic(), Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return known;
        }
        if (infos == null || infos.size() <= known.size()) {
            return known;
        }
        List<TopicPartition> all = infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        List<TopicPartition> added = all.stream().filter(partition -> !known.contains(partition)).toList();
        kafka.assign(all);
        seekToStoredPositions(kafka, added);
        LOG.info("The topic has {} partitions now; reading {} too", all.size(), added);
        return all;
    }

    /** The topic's partitions, creating the topic as the command service would when it does not exist yet. */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        ensureTopic();
        while (running) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(properties.topic(), Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.warn("Kafka not reachable yet at {}; trying again", bootstrapServers);
            }
            pause();
        }
        return List.of();
    }

    private void ensureTopic() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!topics.contains(properties.topic())) {
                admin.createTopics(List.of(new NewTopic(properties.topic(), properties.topicPartitions(), (short) 1)))
                        .all().get(10, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warn("Could not create {}: {}", properties.topic(), Redacted.causes(e));
            }
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("Could not check {}: {}", properties.topic(), Redacted.causes(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        long total = 0;
        for (TopicPartition partition : partitions) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isEmpty()) {
                return;
            }
            total += partitionLag.getAsLong();
        }
        lag = total;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.consumerGroup());
        // positions live in MongoDB and in the index, written after the data they cover; Kafka's are not used
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the topic is created with its partitions (ensureTopic, or another service), never by a metadata request
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        // partitionsFor answers from cached metadata: refreshed as often as the projection looks for new partitions
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) Math.min(Integer.MAX_VALUE, properties.partitionRefresh().toMillis()));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
