package org.casestream.command.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.casestream.command.CaseCommandApplication;
import org.casestream.events.Topics;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.CaseEventsTopic;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
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
        TestInfrastructure.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Starts one more instance of the service on a random port, on the test infrastructure, with {@code overrides}. */
    public static ConfigurableApplicationContext startInstance(Map<String, String> overrides) {
        return Instances.start(CaseCommandApplication.class, Instances.onTestInfrastructure(overrides));
    }

    @AfterEach
    void closeConsumers() {
        consumers.forEach(KafkaConsumer::close);
        consumers.clear();
    }

    protected RestClient as(Role role) {
        return Callers.as("http://localhost:" + port, role);
    }

    protected RestClient as(Role role, String user) {
        return Callers.as("http://localhost:" + port, role, user);
    }

    /** A consumer of the case events topic from its very beginning, in a group of its own, closed after the test. */
    protected KafkaConsumer<String, byte[]> caseEventsConsumer() {
        KafkaConsumer<String, byte[]> consumer = CaseEventsTopic.readFromStart(Topics.CASE_EVENTS);
        consumers.add(consumer);
        return consumer;
    }

    /** Polls until {@code enough} records with one of {@code keys} arrived, or the timeout passes. */
    protected static List<ConsumerRecord<String, byte[]>> recordsFor(KafkaConsumer<String, byte[]> consumer,
            Collection<String> keys, int enough, Duration timeout) {
        return CaseEventsTopic.recordsFor(consumer, keys, enough, timeout);
    }

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
