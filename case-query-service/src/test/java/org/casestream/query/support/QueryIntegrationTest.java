package org.casestream.query.support;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.casestream.query.QueryApplication;
import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.localstack.jwt.Role;
import org.casestream.localstack.testing.TestInfrastructure;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.query.rebuild.Projections;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The base of the service's integration tests: the whole service on a random port, fed through a real Kafka
 * broker with the records the command service publishes, keeping its read models in the MongoDB wire server over
 * TCP and its index in a temporary directory; called over HTTP with real signed JWTs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
public abstract class QueryIntegrationTest {

    protected static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected Projections projections;

    /** The consumer of the served generation. */
    protected GenerationConsumer consumer;

    @BeforeEach
    void servedConsumer() {
        consumer = projections.live();
    }

    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        properties("query_it", "casestream.case-events", temporaryDirectory("query-index-"))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The properties that point an instance at the test infrastructure, with its own database, topic and index. */
    public static Map<String, String> properties(String database, String topic, Path indexDirectory) {
        TestInfrastructure.start();
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.data.mongodb.uri", TestInfrastructure.mongoUri());
        properties.put("spring.data.mongodb.database", database);
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", TestInfrastructure.publicKeyLocation());
        properties.put("casestream.query.topic", topic);
        properties.put("casestream.query.topic-partitions", "3");
        properties.put("casestream.query.index-directory", indexDirectory.toString());
        properties.put("casestream.query.index-commit-interval", "200ms");
        properties.put("casestream.query.stream.heartbeat", "500ms");
        properties.put("casestream.query.generation-poll", "200ms");
        properties.put("casestream.query.generation-drop-grace", "2s");
        return properties;
    }

    /**
     * A further instance of the service on a free port, with its own database, topic and index plus
     * {@code overrides}, returned once its projection has its partitions.
     */
    public static ConfigurableApplicationContext startInstance(String database, String topic, Path indexDirectory,
                                                               Map<String, String> overrides) throws InterruptedException {
        Map<String, String> all = new HashMap<>(properties(database, topic, indexDirectory));
        all.put("server.port", "0");
        all.putAll(overrides);
        // as command-line arguments: properties set on the builder lose to application.yml
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryApplication.class).run(arguments);
        assertThat(context.getBean(Projections.class).live().awaitAssignment(APPLIED_WITHIN)).isTrue();
        return context;
    }

    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static synchronized KafkaProducer<String, byte[]> producer() {
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

    /** Publishes the records to {@code topic} in order and returns where each landed. */
    protected static List<RecordMetadata> publish(String topic, List<ProducerRecord<String, byte[]>> records) {
        try {
            List<RecordMetadata> landed = new java.util.ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                landed.add(producer().send(new ProducerRecord<>(topic, null, record.key(), record.value(),
                        record.headers())).get());
            }
            return landed;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    /** Waits until the projection has applied every one of these records (read models, index and stream). */
    protected static void awaitApplied(GenerationConsumer consumer, List<RecordMetadata> landed) {
        Awaitility.await().atMost(APPLIED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> landed.stream()
                .allMatch(metadata -> consumer.appliedPositions().getOrDefault(metadata.partition(), 0L) > metadata.offset()));
    }

    protected RestClient as(Role role) {
        return client("http://localhost:" + port, TestInfrastructure.token(role, role.claimValue() + "-" + UUID.randomUUID()));
    }

    public static RestClient client(String baseUrl, String token) {
        return RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
