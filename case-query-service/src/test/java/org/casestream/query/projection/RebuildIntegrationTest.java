package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.rebuild.Projections;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A blue/green rebuild on an instance of its own while events keep arriving: the old generation serves until the
 * new one caught up, then the new one serves and ends equal, case by case, to what was published.
 */
class RebuildIntegrationTest extends QueryIntegrationTest {

    private final String topic = "rebuild-" + UUID.randomUUID();
    private final String database = "rebuild_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void aRebuildWhileEventsArriveSwitchesToAGenerationEqualToThePublishedCases() throws Exception {
        Map<UUID, CaseScript> scripts = new ConcurrentHashMap<>();
        Map<UUID, CaseStatus> statuses = new ConcurrentHashMap<>();
        ConfigurableApplicationContext instance = start();
        try {
            Projections projections = instance.getBean(Projections.class);
            RestClient ops = client(instance, Role.OPS);
            List<ProducerRecord<String, byte[]>> first = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                first.add(open(scripts, statuses, i));
            }
            awaitApplied(projections.live(), publish(topic, first));

            AtomicBoolean publishing = new AtomicBoolean(true);
            List<RecordMetadata> later = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread writer = Thread.ofPlatform().start(() -> {
                int i = 40;
                while (publishing.get()) {
                    List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
                    batch.add(open(scripts, statuses, i++));
                    UUID moved = new ArrayList<>(scripts.keySet()).get(i % scripts.size());
                    if (statuses.get(moved) == CaseStatus.NEW) {
                        batch.add(scripts.get(moved).then(new CaseStatusChanged(moved, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
                        statuses.put(moved, CaseStatus.IN_PROGRESS);
                    }
                    later.addAll(publish(topic, batch));
                }
            });
            ResponseEntity<JsonNode> started = ops.post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("target", "read-models")).retrieve().toEntity(JsonNode.class);
            assertThat(started.getStatusCode().value()).isEqualTo(202);
            String jobId = started.getBody().get("jobId").asText();
            assertThat(started.getBody().get("generation").asInt()).isEqualTo(2);
            // the old generation keeps serving meanwhile
            assertThat(total(instance, "/api/cases?limit=1")).isGreaterThanOrEqualTo(40);
            JsonNode[] job = new JsonNode[1];
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                job[0] = ops.get().uri("/api/ops/replays/{id}", jobId).retrieve().body(JsonNode.class);
                return !"RUNNING".equals(job[0].get("state").asText());
            });
            assertThat(job[0].get("state").asText()).isEqualTo("SWITCHED");
            Thread.sleep(300);
            publishing.set(false);
            writer.join(10_000);

            awaitApplied(projections.live(), List.copyOf(later));
            assertThat(projections.live().models().generation()).isEqualTo(2);
            assertThat(job[0].get("done").asLong()).isPositive();
            assertThat(job[0].get("total").asLong()).isEqualTo(job[0].get("done").asLong());
            assertThat(total(instance, "/api/cases?limit=1")).isEqualTo(scripts.size());
            for (Map.Entry<UUID, CaseScript> entry : scripts.entrySet()) {
                JsonNode view = client(instance, Role.AGENT).get().uri("/api/cases/{id}", entry.getKey()).retrieve().body(JsonNode.class);
                assertThat(view.get("status").asText()).as(entry.getKey().toString()).isEqualTo(statuses.get(entry.getKey()).wire());
                assertThat(view.get("lastSequence").asLong()).isEqualTo(entry.getValue().records().size() - 1);
            }
            JsonNode dashboard = client(instance, Role.LEAD).get().uri("/api/dashboard").retrieve().body(JsonNode.class);
            long inProgress = statuses.values().stream().filter(status -> status == CaseStatus.IN_PROGRESS).count();
            assertThat(dashboard.get("byStatus").get("inprogress").asLong()).isEqualTo(inProgress);
            assertThat(dashboard.get("byStatus").get("new").asLong()).isEqualTo(scripts.size() - inProgress);
        } finally {
            instance.close();
        }
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            assertThat(mongo.getDatabase(database).getCollection("case_views_g1").countDocuments()).isZero();
            assertThat(mongo.getDatabase(database).getCollection("case_views_g2").countDocuments()).isEqualTo(scripts.size());
        }
    }

    private static ProducerRecord<String, byte[]> open(Map<UUID, CaseScript> scripts, Map<UUID, CaseStatus> statuses, int i) {
        UUID caseId = UUID.randomUUID();
        CaseScript script = new CaseScript(Instant.now().minus(1, ChronoUnit.HOURS));
        ProducerRecord<String, byte[]> record = script.then(new CaseOpened(caseId, "CS-" + (100 + i),
                new Customer("c" + i, "Name", "n@example.com", Tier.GOLD), "Rebuild me " + i, "", Channel.CHAT,
                null, null, null, List.of(), script.clock()));
        scripts.put(caseId, script);
        statuses.put(caseId, CaseStatus.NEW);
        return record;
    }

    private ConfigurableApplicationContext start() throws InterruptedException {
        return startInstance(database, topic, temporaryDirectory("rebuild-index-"), Map.of());
    }

    private static RestClient client(ConfigurableApplicationContext context, Role role) {
        return Callers.client("http://localhost:" + Instances.port(context), TestInfrastructure.token(role, "rebuild-" + role.claimValue()));
    }

    private static long total(ConfigurableApplicationContext context, String path) {
        return client(context, Role.AGENT).get().uri(path).retrieve().body(JsonNode.class).get("total").asLong();
    }
}
