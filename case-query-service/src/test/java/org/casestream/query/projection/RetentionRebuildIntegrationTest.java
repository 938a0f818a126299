package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.localstack.infra.LocalKafka;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * On a broker configured as brokers are by default (records kept 7 days), with small segments and a retention check
 * every half second so that expired records would really go: events a month old, published to the topic the
 * service created, are all still there for a rebuild a while later.
 */
class RetentionRebuildIntegrationTest extends QueryIntegrationTest {

    private static final int CASES = 12;

    @Test
    void eventsOlderThanTheBrokersRetentionStillAppearAfterARebuild() throws Exception {
        String topic = "retention-" + UUID.randomUUID();
        String database = "retention_" + UUID.randomUUID().toString().replace("-", "");
        try (LocalKafka broker = TestInfrastructure.separateKafka(Map.of(
                "log.retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(7)),
                "log.segment.bytes", "1024",
                "log.retention.check.interval.ms", "500",
                "log.segment.delete.delay.ms", "0",
                "log.initial.task.delay.ms", "0"));
             ConfigurableApplicationContext instance = startInstance(database, topic,
                     temporaryDirectory("retention-index-"), Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers()));
             KafkaProducer<String, byte[]> producer = producer(broker)) {
            Instant monthAgo = Instant.now().minus(30, ChronoUnit.DAYS);
            for (int i = 0; i < CASES; i++) {
                CaseScript script = new CaseScript(monthAgo);
                ProducerRecord<String, byte[]> opened = script.then(new CaseOpened(UUID.randomUUID(), "CS-" + (500 + i),
                        new Customer("c" + i, "Name", "n@example.com", Tier.STANDARD), "A month old " + i, "",
                        Channel.EMAIL, null, null, null, List.of(), script.clock()));
                // the record's own time a month back, as an event stored then and published now would not have,
                // but as the segments of a topic that has been running for a month do
                producer.send(new ProducerRecord<>(topic, null, monthAgo.toEpochMilli(), opened.key(), opened.value(),
                        opened.headers())).get(10, TimeUnit.SECONDS);
            }
            RestClient ops = Callers.as(base(instance), Role.OPS);
            Awaitility.await().atMost(APPLIED_WITHIN).until(() -> total(instance) == CASES);
            // several retention checks: a topic with the broker's retention would lose every closed segment here
            Thread.sleep(3_000);

            String jobId = ops.post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("target", "read-models")).retrieve().body(JsonNode.class).get("jobId").asText();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !"RUNNING".equals(ops.get().uri("/api/ops/replays/{id}", jobId).retrieve().body(JsonNode.class)
                            .get("state").asText()));

            assertThat(ops.get().uri("/api/ops/replays/{id}", jobId).retrieve().body(JsonNode.class).get("state").asText())
                    .isEqualTo("SWITCHED");
            assertThat(total(instance)).isEqualTo(CASES);
        }
    }

    private static long total(ConfigurableApplicationContext instance) {
        return Callers.as(base(instance), Role.AGENT).get().uri("/api/cases?limit=1").retrieve().body(JsonNode.class)
                .get("total").asLong();
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + Instances.port(instance);
    }

    private static KafkaProducer<String, byte[]> producer(LocalKafka broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
