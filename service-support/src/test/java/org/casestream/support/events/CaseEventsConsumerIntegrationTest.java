package org.casestream.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer kit against a real Kafka broker: what reaches the handler, what is skipped or dead-lettered, where
 * the position ends after failures, pauses and restarts. Each test has a topic of its own.
 */
class CaseEventsConsumerIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static KafkaProducer<String, byte[]> producer;
    private static Admin admin;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CaseEventsConsumer> started = new ArrayList<>();
    private CaseEventsConsumers consumers;
    private String topic;

    @BeforeAll
    static void broker() {
        TestInfrastructure.start();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(config);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));
    }

    @AfterAll
    static void close() {
        producer.close();
        admin.close();
    }

    @BeforeEach
    void kit() {
        String servers = TestInfrastructure.kafkaBootstrapServers();
        consumers = new CaseEventsConsumers(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers), registry);
        topic = "kit-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        started.forEach(CaseEventsConsumer::stop);
        consumers.destroy();
    }

    @Test
    void aGroupConsumerHandsEveryEventOnceInOrderAndCommitsAfterTheHandler() throws Exception {
        List<EventEnvelope> sent = events(40);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        start(inGroup(), CaseEventsHandler.eachEvent(event -> handled.add(event.envelope().eventId())));
        publish(sent);

        await().atMost(WITHIN).until(() -> handled.size() >= sent.size());
        assertThat(handled).containsExactlyElementsOf(sent.stream().map(EventEnvelope::eventId).toList());
        await().atMost(WITHIN).until(() -> committed("group-" + topic) == endOffset(topic));
        assertThat(registry.get("casestream.events.handled").tag("consumer", "kit").counter().count()).isEqualTo(40);
    }

    @Test
    void unknownTypesAreSkippedAndUnreadableRecordsDeadLetteredOnceWhileTheRestIsHandled() throws Exception {
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        CaseEventsConsumer consumer = start(inGroup(), CaseEventsHandler.eachEvent(event -> handled.add(event.envelope().eventId())));
        EventEnvelope before = event();
        EventEnvelope after = event();
        publish(List.of(before));
        ProducerRecord<String, byte[]> unknown = CloudEventsKafka.toRecord(topic, event());
        unknown.headers().remove("ce_type");
        unknown.headers().add("ce_type", "org.casestream.case.something-newer".getBytes());
        producer.send(unknown).get();
        producer.send(new ProducerRecord<>(topic, "not-a-cloud-event", "{garbage".getBytes())).get();
        publish(List.of(after));

        await().atMost(WITHIN).until(() -> handled.size() >= 2);
        // two cases, so two partitions: the topic promises no order between them
        assertThat(handled).containsExactlyInAnyOrder(before.eventId(), after.eventId());
        assertThat(deadLetters(consumer, 1)).extracting(ConsumerRecord::key).containsExactly("not-a-cloud-event");
        assertThat(registry.get("casestream.events.skipped").tag("reason", "unknown-type").counter().count()).isEqualTo(1);
        assertThat(registry.get("casestream.events.skipped").tag("reason", "undecodable").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailingEventIsRetriedUntilItGoesThroughWithoutHandlingTheEventsBeforeItAgain() throws Exception {
        List<EventEnvelope> sent = events(10);
        String flaky = sent.get(5).eventId();
        AtomicInteger failures = new AtomicInteger();
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        start(inGroup().withRetry(Duration.ofMillis(50), Duration.ofMillis(200)), CaseEventsHandler.eachEvent(event -> {
            if (event.envelope().eventId().equals(flaky) && failures.getAndIncrement() < 3) {
                throw new IllegalStateException("the database is away");
            }
            handled.add(event.envelope().eventId());
        }));
        publish(sent);

        await().atMost(WITHIN).until(() -> handled.size() >= sent.size());
        assertThat(failures.get()).isEqualTo(4);
        assertThat(handled).containsExactlyElementsOf(sent.stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void anUnprocessableEventIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        List<EventEnvelope> sent = events(6);
        String poison = sent.get(2).eventId();
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        CaseEventsConsumer consumer = start(inGroup(), CaseEventsHandler.eachEvent(event -> {
            if (event.envelope().eventId().equals(poison)) {
                throw new UnprocessableEvent(event, "too large to store");
            }
            handled.add(event.envelope().eventId());
        }));
        publish(sent);

        await().atMost(WITHIN).until(() -> handled.size() >= 5);
        assertThat(handled).doesNotContain(poison).hasSize(5);
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(consumer, 1);
        assertThat(CloudEventsKafka.fromRecord(dead.getFirst())).map(EventEnvelope::eventId).contains(poison);
        assertThat(dead.getFirst().headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(registry.get("casestream.events.dead-lettered").counter().count()).isEqualTo(1);
        await().atMost(WITHIN).until(() -> committed("group-" + topic) == endOffset(topic));
    }

    @Test
    void parkedRecordsAreListedWithoutTheirDataAndRetriedInOrderThroughTheHandlerUntilOneStillFails() throws Exception {
        List<EventEnvelope> sent = events(6);
        Set<String> broken = ConcurrentHashMap.newKeySet();
        broken.add(sent.get(1).eventId());
        broken.add(sent.get(3).eventId());
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        List<String> handledFromDeadLetters = Collections.synchronizedList(new ArrayList<>());
        List<String> parked = Collections.synchronizedList(new ArrayList<>());
        CaseEventsConsumer consumer = start(inGroup(), new CaseEventsHandler() {
            @Override
            public void handle(CaseEventBatch batch) {
                for (CaseEventRecord event : batch.events()) {
                    if (broken.contains(event.envelope().eventId())) {
                        throw new UnprocessableEvent(event, "too large to store");
                    }
                    (batch.fromDeadLetters() ? handledFromDeadLetters : handled).add(event.envelope().eventId());
                }
            }

            @Override
            public void parked(CaseEventRecord event) {
                parked.add(event.envelope().eventId());
            }
        });
        List<RecordMetadata> landed = publish(sent);

        await().atMost(WITHIN).until(() -> handled.size() >= 4 && parked.size() >= 2);
        assertThat(parked).containsExactly(sent.get(1).eventId(), sent.get(3).eventId());
        DeadLetters.Listing listing = consumer.deadLetters().list(10);
        assertThat(listing.total()).isEqualTo(2);
        assertThat(listing.records()).extracting(DeadLetters.Parked::eventId)
                .containsExactly(sent.get(1).eventId(), sent.get(3).eventId());
        DeadLetters.Parked first = listing.records().getFirst();
        assertThat(first.originalTopic()).isEqualTo(topic);
        assertThat(first.originalPartition()).isEqualTo(landed.get(1).partition());
        assertThat(first.originalOffset()).isEqualTo(landed.get(1).offset());
        assertThat(first.eventType()).endsWith("CaseTagged");
        assertThat(first.subject()).isEqualTo(((CaseTagged) sent.get(1).event()).caseId().toString());
        assertThat(first.error()).isEqualTo(UnprocessableEvent.class.getName());
        assertThat(first.reason()).isEqualTo("too large to store");
        assertThat(first.parkedAt()).isNotNull();
        // the event's data (its tags "kit-1", "kit-3") is nowhere in the listing (the topic's name starts with "kit-" too)
        assertThat(listing.toString()).doesNotContainPattern("kit-[13](?![0-9a-f-])").doesNotContain("added");
        assertThat(registry.get("casestream.events.parked").tag("consumer", "kit").gauge().value()).isEqualTo(2);
        assertThat(consumer.deadLetters().list(1).records()).hasSize(1);

        // the first cause is gone, the second is not: the retry applies one and stops at the other
        broken.remove(sent.get(1).eventId());
        DeadLetters.Retried partly = consumer.deadLetters().retry();
        assertThat(partly.retried()).isEqualTo(1);
        assertThat(partly.remaining()).isEqualTo(1);
        assertThat(partly.stoppedAt().eventId()).isEqualTo(sent.get(3).eventId());
        assertThat(partly.failure()).isEqualTo(UnprocessableEvent.class.getName());
        assertThat(handledFromDeadLetters).containsExactly(sent.get(1).eventId());
        assertThat(consumer.deadLetters().list(10).records()).extracting(DeadLetters.Parked::eventId)
                .containsExactly(sent.get(3).eventId());
        // a failed retry parks nothing again: the record stays where it was
        assertThat(registry.get("casestream.events.dead-lettered").counter().count()).isEqualTo(2);

        broken.clear();
        DeadLetters.Retried rest = consumer.deadLetters().retry();
        assertThat(rest.retried()).isEqualTo(1);
        assertThat(rest.remaining()).isZero();
        assertThat(rest.stoppedAt()).isNull();
        assertThat(handledFromDeadLetters).containsExactly(sent.get(1).eventId(), sent.get(3).eventId());
        assertThat(consumer.deadLetters().list(10)).isEqualTo(new DeadLetters.Listing(0, List.of()));
        assertThat(consumer.deadLetters().retry().retried()).isZero();
        assertThat(registry.get("casestream.events.parked").tag("consumer", "kit").gauge().value()).isZero();
        assertThat(registry.get("casestream.events.retried").counter().count()).isEqualTo(2);
        assertThat(committed("group-" + topic + ".dlt")).isEqualTo(endOffset(consumer.settings().deadLetterTopic()));
    }

    @Test
    void anUndecodableParkedRecordIsListedAsSuchAndARetryStopsAtIt() throws Exception {
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        CaseEventsConsumer consumer = start(inGroup(), CaseEventsHandler.eachEvent(event -> handled.add(event.envelope().eventId())));
        producer.send(new ProducerRecord<>(topic, "not-a-cloud-event", "{garbage".getBytes())).get();
        publish(List.of(event()));
        await().atMost(WITHIN).until(() -> handled.size() == 1 && consumer.deadLetters().list(0).total() == 1);

        DeadLetters.Parked parked = consumer.deadLetters().list(10).records().getFirst();
        assertThat(parked.reason()).isEqualTo("no version of the event catalogue can read it");
        assertThat(parked.error()).isNotBlank();
        assertThat(parked.eventId()).isNull();
        DeadLetters.Retried retried = consumer.deadLetters().retry();
        assertThat(retried.retried()).isZero();
        assertThat(retried.remaining()).isEqualTo(1);
        assertThat(retried.stoppedAt().offset()).isEqualTo(parked.offset());
        assertThat(handled).hasSize(1);
    }

    @Test
    void aPausedConsumerHandsNothingUntilResumed() throws Exception {
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        CaseEventsConsumer consumer = start(inGroup(), CaseEventsHandler.eachEvent(event -> handled.add(event.envelope().eventId())));
        publish(events(3));
        await().atMost(WITHIN).until(() -> handled.size() == 3);

        consumer.pause();
        await().atMost(WITHIN).until(consumer::isPaused);
        publish(events(3));
        Thread.sleep(1_500);
        assertThat(handled).hasSize(3);

        consumer.resume();
        await().atMost(WITHIN).until(() -> handled.size() == 6);
    }

    @Test
    void aConsumerOfEveryPartitionStartsAtItsStoredPositionsAndReadsPartitionsAddedLater() throws Exception {
        createTopic(2);
        List<RecordMetadata> early = publish(events(6));
        Map<Integer, Long> stored = new ConcurrentHashMap<>();
        early.forEach(landed -> stored.merge(landed.partition(), landed.offset() + 1, Math::max));
        List<EventEnvelope> later = events(6);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger idle = new AtomicInteger();
        CaseEventsConsumer consumer = start(new CaseEventsHandler() {
            @Override
            public void handle(CaseEventBatch batch) {
                batch.events().forEach(event -> handled.add(event.envelope().eventId()));
                stored.putAll(batch.positions());
            }

            @Override
            public void idle() {
                idle.incrementAndGet();
            }
        }, stored);
        assertThat(consumer.awaitAssignment(WITHIN)).isTrue();
        publish(later);

        await().atMost(WITHIN).until(() -> handled.size() >= later.size() && consumer.lag() == 0 && idle.get() > 0);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(later.stream().map(EventEnvelope::eventId).toList());

        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(4))).all().get(10, TimeUnit.SECONDS);
        List<EventEnvelope> spread = events(4);
        for (int i = 0; i < spread.size(); i++) {
            ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topic, spread.get(i));
            producer.send(new ProducerRecord<>(topic, 2 + i % 2, record.key(), record.value(), record.headers())).get();
        }
        await().atMost(WITHIN).until(() -> handled.size() >= later.size() + spread.size());
        assertThat(handled).containsAll(spread.stream().map(EventEnvelope::eventId).toList()).doesNotHaveDuplicates();
        assertThat(consumer.appliedPositions()).containsKeys(0, 1, 2, 3);
    }

    private CaseEventsSettings inGroup() {
        return CaseEventsSettings.inGroup("kit", topic, 2, "group-" + topic).withIdleInterval(Duration.ofMillis(200));
    }

    private CaseEventsConsumer start(CaseEventsSettings settings, CaseEventsHandler handler) {
        CaseEventsConsumer consumer = consumers.inGroup(settings, handler);
        consumer.start();
        started.add(consumer);
        return consumer;
    }

    private CaseEventsConsumer start(CaseEventsHandler handler, Map<Integer, Long> positions) {
        CaseEventsSettings settings = CaseEventsSettings.everyPartition("kit-all", topic, 2, "all-" + topic)
                .withIdleInterval(Duration.ofMillis(200)).withPartitionRefresh(Duration.ofMillis(500));
        CaseEventsConsumer consumer = consumers.everyPartition(settings, () -> Map.copyOf(positions), handler);
        consumer.start();
        started.add(consumer);
        return consumer;
    }

    private void createTopic(int partitions) throws Exception {
        admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                .all().get(10, TimeUnit.SECONDS);
    }

    private static EventEnvelope event() {
        return new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), 1, "test", null,
                new CaseTagged(UUID.randomUUID(), List.of("kit"), List.of()));
    }

    private static List<EventEnvelope> events(int count) {
        // one key for the lot keeps them in one partition, so their order is the topic's
        UUID caseId = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), i + 1, "test", null,
                    new CaseTagged(caseId, List.of("kit-" + i), List.of())));
        }
        return events;
    }

    private List<RecordMetadata> publish(List<EventEnvelope> events) throws ExecutionException, InterruptedException {
        List<RecordMetadata> landed = new ArrayList<>();
        for (EventEnvelope event : events) {
            landed.add(producer.send(CloudEventsKafka.toRecord(topic, event)).get());
        }
        return landed;
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(CaseEventsConsumer consumer, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(config)) {
            reader.subscribe(List.of(consumer.settings().deadLetterTopic()));
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(found::add);
            }
            // anything more would be a duplicate
            reader.poll(Duration.ofMillis(500)).forEach(found::add);
        }
        return found;
    }

    private long committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    private long endOffset(String name) throws Exception {
        var partitions = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name).partitions();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(info -> latest.put(new TopicPartition(name, info.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }
}
