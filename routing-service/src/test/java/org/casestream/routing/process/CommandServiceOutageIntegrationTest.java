package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casestream.events.Topics;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.casestream.support.events.CaseEventsConsumer;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CommandServiceOutageIntegrationTest extends RoutingIntegrationTest {

    private static final int CASES = 6;

    @Autowired
    private CaseEventsConsumer routing;

    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void everythingRunsAgain() {
        startCommandService();
        routing.start();
    }

    @Test
    void decisionsWaitWhileTheCommandServiceIsDownAndApplyOnceWhenItReturns() {
        UUID agent = registerAgent(Map.of("Refunds", 3), 50);
        setAvailability(agent, "online");
        await(Duration.ofSeconds(30), () -> assertThat(jdbc.sql("SELECT availability FROM routing.agents WHERE agent_id = ?")
                .param(agent).query(String.class).optional()).contains("online"));

        routing.stop();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(openCase("Refund please " + i, "I want my money back", "standard", "email"));
        }
        awaitPublished(cases);
        stopCommandService();

        routing.start();
        // routing reads the events but cannot apply a decision: nothing is committed, the records are retried
        await(Duration.ofSeconds(30), () -> assertThat(jdbc.sql(
                "SELECT count(*) FROM routing.cases WHERE case_id = ANY (?)").param(cases.toArray(UUID[]::new))
                .query(Long.class).single()).isZero());
        long waitingStart = System.nanoTime();
        while (System.nanoTime() - waitingStart < Duration.ofSeconds(3).toNanos()) {
            assertThat(jdbc.sql("SELECT count(*) FROM routing.decisions WHERE case_id = ANY (?)")
                    .param(cases.toArray(UUID[]::new)).query(Long.class).single()).isZero();
            Thread.onSpinWait();
        }

        startCommandService();

        await(Duration.ofSeconds(90), () -> {
            for (UUID caseId : cases) {
                JsonNode view = caseView(caseId);
                assertThat(view.get("queue").asText()).isEqualTo("Refunds");
                assertThat(view.path("assignee").asText()).isNotBlank();
            }
        });
        for (UUID caseId : cases) {
            List<JsonNode> history = history(caseId);
            assertThat(count(history, "CaseClassified")).as("classified once").isEqualTo(1);
            assertThat(count(history, "SlaTargetsSet")).as("SLA once").isEqualTo(1);
            assertThat(count(history, "CaseAssigned")).as("assigned once").isEqualTo(1);
        }
    }

    /** Waits until the command service has published the cases' CaseOpened to Kafka. */
    private static void awaitPublished(List<UUID> cases) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Set<String> missing = cases.stream().map(UUID::toString).collect(Collectors.toSet());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> missing.remove(record.key()));
            }
        }
        assertThat(missing).as("published").isEmpty();
    }
}
