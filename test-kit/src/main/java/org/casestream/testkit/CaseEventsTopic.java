package org.casestream.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;

/**
 * The case events topic of the test broker, written as the command service writes it (CloudEvents records, acks
 * from all) and read as a consumer of its own would read it.
 */
public final class CaseEventsTopic {

    private static KafkaProducer<String, byte[]> producer;

    private CaseEventsTopic() {
    }

    /** Publishes the events to {@code topic} one by one, each acknowledged before the next; where each landed. */
    public static List<RecordMetadata> publish(String topic, List<EventEnvelope> events) {
        return publishRecords(topic, events.stream().map(event -> CloudEventsKafka.toRecord(topic, event)).toList());
    }

    /**
     * Publishes the records to {@code topic} in order (whatever topic they name; to their partition when they name
     * one), each acknowledged before the next.
     */
    public static List<RecordMetadata> publishRecords(String topic, List<ProducerRecord<String, byte[]>> records) {
        List<RecordMetadata> landed = new ArrayList<>();
        try {
            for (ProducerRecord<String, byte[]> record : records) {
                landed.add(producer().send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(),
                        record.headers())).get(10, TimeUnit.SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a test event", e);
        }
        return landed;
    }

    /** Publishes many events at once (the producer batches them) and returns once the broker has them all. */
    public static void publishAll(String topic, List<EventEnvelope> events) {
        events.forEach(event -> producer().send(CloudEventsKafka.toRecord(topic, event)));
        producer().flush();
    }

    /** A consumer of {@code topic} from its very beginning, in a group of its own; the caller closes it. */
    public static KafkaConsumer<String, byte[]> readFromStart(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until {@code enough} records with one of {@code keys} arrived, or {@code timeout} passed. */
    public static List<ConsumerRecord<String, byte[]>> recordsFor(KafkaConsumer<String, byte[]> consumer,
                                                                  Collection<String> keys, int enough, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < enough && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (keys.contains(record.key())) {
                    found.add(record);
                }
            });
        }
        return found;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }
}
