package org.casestream.support.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.events.Topics;
import org.casestream.support.observability.TraceContexts;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Makes the consumers of the case events topic, every one the same way: from the service's {@code spring.kafka}
 * settings (the consumer's, then what the kit insists on), with dead letters written as they were read to the
 * consumer's own topic, and its metrics: {@code casestream.events.handled}, {@code casestream.events.skipped}
 * (by {@code reason}), {@code casestream.events.dead-lettered}, {@code casestream.events.parked} (not retried yet),
 * {@code casestream.events.retried} and {@code casestream.events.lag}, each tagged with the {@code consumer}.
 */
public class CaseEventsConsumers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumers.class);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    private final DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;
    private final Meters meters;
    private final TopicAdmin topics;
    private final MeterRegistry registry;
    private final TraceContexts traces;

    /**
     * @param consumerConfig the service's consumer settings ({@code spring.kafka.consumer}, bootstrap servers included)
     * @param producerConfig the service's producer settings, for the dead-letter producer
     * @param adminConfig    the service's admin client settings, to create topics
     */
    public CaseEventsConsumers(Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                               Map<String, Object> adminConfig, MeterRegistry registry) {
        this(consumerConfig, producerConfig, adminConfig, registry, TraceContexts.NONE);
    }

    /** As above, with each record handled in a span of the trace its headers carry ({@code traceparent}). */
    public CaseEventsConsumers(Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                               Map<String, Object> adminConfig, MeterRegistry registry, TraceContexts traces) {
        this.traces = traces;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.adminConfig = Map.copyOf(adminConfig);
        Map<String, Object> producer = new java.util.HashMap<>(producerConfig);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.deadLetterProducers = new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer());
        this.deadLetterProducers.addListener(new MicrometerProducerListener<>(registry));
        this.registry = registry;
        this.meters = new Meters(registry);
        this.topics = new TopicAdmin(this.adminConfig);
    }

    /** A consumer that shares the topic's partitions with the other members of its group. */
    public CaseEventsConsumer inGroup(CaseEventsSettings settings, CaseEventsHandler handler) {
        if (settings.everyPartition()) {
            throw new IllegalArgumentException(settings.name() + " reads every partition: give it a PositionStore");
        }
        return create(settings, handler, null);
    }

    /** A consumer of every partition, starting where {@code positions} says. */
    public CaseEventsConsumer everyPartition(CaseEventsSettings settings, PositionStore positions, CaseEventsHandler handler) {
        if (!settings.everyPartition()) {
            throw new IllegalArgumentException(settings.name() + " shares its partitions in a group: it has no PositionStore");
        }
        return create(settings, handler, positions);
    }

    private CaseEventsConsumer create(CaseEventsSettings settings, CaseEventsHandler handler, PositionStore positions) {
        Map<String, Object> config = new java.util.HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (settings.maxPollRecords() > 0) {
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        }
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the topic is created with its partitions (by the kit or another service), never by a metadata request
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // partitions added to the topic are found this soon
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, settings.partitionRefresh().toMillis()));
        DefaultKafkaConsumerFactory<String, byte[]> factory =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        // the Kafka client's own metrics (assigned partitions, lag, rebalances) next to the kit's
        factory.addListener(new MicrometerConsumerListener<>(registry));
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(deadLetterProducers);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(settings.deadLetterTopic(), -1));
        // exception messages and stack traces can quote the data; the class names say enough
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        // instead: the handler's reason (written without event content), the innermost failure's class, the time
        recoverer.setHeadersFunction((record, e) -> DeadLetters.headers(e, Instant.now()));
        recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(15));
        meters.register(settings.name());
        return new CaseEventsConsumer(settings, handler, positions, factory, recoverer::accept, meters, topics, traces);
    }

    @Override
    public void destroy() {
        deadLetterProducers.destroy();
    }

    /** The kit's metrics, per consumer name. */
    static final class Meters {

        private final MeterRegistry registry;
        private final Map<String, CaseEventsConsumer> reporting = new ConcurrentHashMap<>();
        private final Set<String> registered = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();

        Meters(MeterRegistry registry) {
            this.registry = registry;
        }

        void register(String name) {
            if (registered.add(name)) {
                Gauge.builder("casestream.events.lag", reporting, consumers -> Optional.ofNullable(consumers.get(name))
                                .map(CaseEventsConsumer::lag).orElse(Double.NaN))
                        .description("Records of the case events topic this consumer has not handled yet")
                        .baseUnit("records").tag("consumer", name).register(registry);
                AtomicLong count = parked.computeIfAbsent(name, k -> new AtomicLong(-1));
                Gauge.builder("casestream.events.parked", count, value -> value.get() < 0 ? Double.NaN : value.get())
                        .description("Records in this consumer's dead-letter topic not retried yet (as of the last "
                                + "start, listing or retry here, plus those parked here since)")
                        .baseUnit("records").tag("consumer", name).register(registry);
            }
        }

        void parked(String name, long count) {
            parked.computeIfAbsent(name, k -> new AtomicLong()).set(count);
        }

        void retried(String name, int records) {
            counter("casestream.events.retried", name).increment(records);
        }

        /** The consumer the lag gauge of its name reports: the first started, or {@code consumer} when it insists. */
        void reportLag(CaseEventsConsumer consumer, boolean insist) {
            if (insist) {
                reporting.put(consumer.settings().name(), consumer);
            } else {
                reporting.putIfAbsent(consumer.settings().name(), consumer);
            }
        }

        void forget(CaseEventsConsumer consumer) {
            reporting.remove(consumer.settings().name(), consumer);
        }

        void handled(String name, int events) {
            counter("casestream.events.handled", name).increment(events);
        }

        void skipped(String name, String reason) {
            Counter.builder("casestream.events.skipped").description("Records not handed to the handler")
                    .tag("consumer", name).tag("reason", reason).register(registry).increment();
        }

        void deadLettered(String name) {
            counter("casestream.events.dead-lettered", name).increment();
            parked.computeIfAbsent(name, k -> new AtomicLong()).getAndUpdate(count -> count < 0 ? count : count + 1);
        }

        private Counter counter(String meter, String name) {
            return Counter.builder(meter).tag("consumer", name).register(registry);
        }
    }

    /** Creates the topic (and the consumer's dead-letter topic) when no service did yet, and waits for partitions. */
    static final class TopicAdmin {

        private static final Duration PAUSE = Duration.ofSeconds(1);

        private final Map<String, Object> adminConfig;

        TopicAdmin(Map<String, Object> adminConfig) {
            Map<String, Object> config = new java.util.HashMap<>(adminConfig);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            this.adminConfig = Map.copyOf(config);
        }

        void ensure(CaseEventsSettings settings) {
            try (Admin admin = Admin.create(adminConfig)) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = new java.util.ArrayList<>();
                if (!existing.contains(settings.topic())) {
                    missing.add(new NewTopic(settings.topic(), Optional.of(settings.topicPartitions()), Optional.empty())
                            .configs(Topics.KEEP_EVERYTHING));
                }
                if (!existing.contains(settings.deadLetterTopic())) {
                    missing.add(new NewTopic(settings.deadLetterTopic(), Optional.of(1), Optional.empty())
                            .configs(Topics.KEEP_EVERYTHING));
                }
                admin.createTopics(missing).values().values().forEach(created -> {
                    try {
                        created.get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            log.warn("Could not create a topic for {}: {}", settings.name(), Redacted.causes(e));
                        }
                    } catch (TimeoutException e) {
                        log.warn("Creating a topic for {} timed out", settings.name());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("Could not check the topics of {} (the broker may be away): {}", settings.name(), Redacted.causes(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The topic's partition count once the broker answers; 0 when {@code waiting} turns false first. */
        int awaitPartitions(String topic, BooleanSupplier waiting) {
            while (waiting.getAsBoolean()) {
                try (Admin admin = Admin.create(adminConfig)) {
                    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                            .get(10, TimeUnit.SECONDS).get(topic);
                    if (description != null && !description.partitions().isEmpty()) {
                        return description.partitions().size();
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        log.warn("Topic {} not readable yet; trying again: {}", topic, Redacted.causes(e));
                    }
                } catch (TimeoutException | RuntimeException e) {
                    log.warn("Kafka not reachable yet for {}; trying again", topic);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                try {
                    Thread.sleep(PAUSE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            return 0;
        }
    }
}
