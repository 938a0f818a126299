package org.casestream.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.QueryApplication;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.query.rebuild.Projections;
import org.casestream.testkit.Callers;
import org.casestream.testkit.CaseEventsTopic;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        properties("query_it", "casestream.case-events", temporaryDirectory("query-index-"))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The properties that point an instance at the test infrastructure, with its own database, topic and index. */
    public static Map<String, String> properties(String database, String topic, Path indexDirectory) {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.serviceProperties());
        // no PostgreSQL here: the read models live in MongoDB
        properties.remove("spring.datasource.url");
        properties.remove("spring.datasource.username");
        properties.put("spring.data.mongodb.uri", TestInfrastructure.mongoUri());
        properties.put("spring.data.mongodb.database", database);
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
        all.putAll(overrides);
        ConfigurableApplicationContext context = Instances.start(QueryApplication.class, all);
        assertThat(context.getBean(Projections.class).live().awaitAssignment(APPLIED_WITHIN)).isTrue();
        return context;
    }

    public static Path temporaryDirectory(String prefix) {
        return TestInfrastructure.temporaryDirectory(prefix);
    }

    /** Publishes the records to {@code topic} in order and returns where each landed. */
    protected static List<RecordMetadata> publish(String topic, List<ProducerRecord<String, byte[]>> records) {
        return CaseEventsTopic.publishRecords(topic, records);
    }

    /** Waits until the projection has applied every one of these records (read models, index and stream). */
    protected static void awaitApplied(GenerationConsumer consumer, List<RecordMetadata> landed) {
        Awaitility.await().atMost(APPLIED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> landed.stream()
                .allMatch(metadata -> consumer.appliedPositions().getOrDefault(metadata.partition(), 0L) > metadata.offset()));
    }

    protected RestClient as(Role role) {
        return Callers.as("http://localhost:" + port, role);
    }
}
