package org.casestream.command.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casestream.command.CaseCommandApplication;
import org.casestream.events.Topics;
import org.casestream.localstack.testing.TestInfrastructure;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The base of every integration test: the whole service on a random port, on real PostgreSQL and Kafka,
 * called over HTTP with real signed JWTs, and a Kafka consumer to see what it published. Metrics are exported
 * as in production. Every test class shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.start();
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The properties that point a service instance at the test infrastructure. */
    public static Map<String, String> properties() {
        TestInfrastructure.start();
        return Map.of(
                "spring.datasource.url", TestInfrastructure.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                TestInfrastructure.publicKeyLocation());
    }

    /** Starts one more instance of the service on a random port, with the given properties on top. */
    public static ConfigurableApplicationContext startInstance(Map<String, String> overrides) {
        Map<String, Object> all = new HashMap<>(properties());
        all.put("server.port", "0");
        all.putAll(overrides);
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CaseCommandApplication.class).run(arguments);
    }

    public static int portOf(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @BeforeEach
    void noConsumersYet() {
        consumers.clear();
    }

    @AfterEach
    void closeConsumers() {
        consumers.forEach(KafkaConsumer::close);
    }

    protected RestClient as(Role role) {
        return as(role, role.claimValue() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected RestClient as(Role role, String user) {
        return client("http://localhost:" + port, TestInfrastructure.token(role, user));
    }

    public static RestClient client(String baseUrl, String token) {
        return RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** A consumer of the case events topic from its very beginning, in a group of its own. */
    protected KafkaConsumer<String, byte[]> caseEventsConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.CASE_EVENTS));
        consumers.add(consumer);
        return consumer;
    }

    /** Polls until {@code enough} records with one of {@code keys} arrived, or the timeout passes. */
    protected static List<ConsumerRecord<String, byte[]>> recordsFor(KafkaConsumer<String, byte[]> consumer,
            java.util.Collection<String> keys, int enough, Duration timeout) {
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

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
