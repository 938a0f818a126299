package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.rebuild.Projections;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Partitions added to the topic while the service runs are read too, from their beginning, without a restart. */
class AddedPartitionsIntegrationTest extends QueryIntegrationTest {

    private final String topic = "grow-" + UUID.randomUUID();
    private final String database = "grow_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void casesOnPartitionsAddedWhileRunningAreProjected() throws Exception {
        try (ConfigurableApplicationContext instance = startInstance(database, topic, temporaryDirectory("grow-index-"),
                Map.of("casestream.query.topic-partitions", "1", "casestream.query.partition-refresh", "300ms"))) {
            GenerationConsumer live = instance.getBean(Projections.class).live();
            awaitApplied(live, publish(topic, List.of(opened(0), opened(1))));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrapServers()))) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
            }
            List<RecordMetadata> landed = new ArrayList<>();
            for (int partition = 1; partition <= 2; partition++) {
                ProducerRecord<String, byte[]> record = opened(10 + partition);
                landed.addAll(publish(topic, List.of(new ProducerRecord<>(topic, partition, record.key(), record.value(),
                        record.headers()))));
            }
            assertThat(landed).extracting(RecordMetadata::partition).containsExactly(1, 2);

            awaitApplied(live, landed);
            JsonNode page = Callers.client("http://localhost:" + Instances.port(instance), TestInfrastructure.token(Role.AGENT, "grow-agent"))
                    .get().uri("/api/cases?q=grown").retrieve().body(JsonNode.class);
            assertThat(page.get("total").asLong()).isEqualTo(4);
        }
    }

    private static ProducerRecord<String, byte[]> opened(int i) {
        CaseScript script = new CaseScript(Instant.now().minus(1, ChronoUnit.HOURS));
        return script.then(new CaseOpened(UUID.randomUUID(), "CS-" + (700 + i),
                new Customer("c" + i, "Name", "n@example.com", Tier.STANDARD), "Grown " + i, "", Channel.WEB,
                null, null, null, List.of(), script.clock()));
    }
}
