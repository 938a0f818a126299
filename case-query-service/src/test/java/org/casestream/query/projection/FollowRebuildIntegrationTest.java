package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Two instances share MongoDB, each with its own index: a rebuild on A switches the active generation, B follows
 * it (rebuilding its own index for it) before A drops the old generation, and B keeps answering throughout.
 */
class FollowRebuildIntegrationTest extends QueryIntegrationTest {

    private final String topic = "follow-" + UUID.randomUUID();
    private final String database = "follow_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void anotherInstanceFollowsARebuildAndServesTheNewGeneration() throws Exception {
        Path indexOfB = temporaryDirectory("follow-index-b-");
        ConfigurableApplicationContext a = start(temporaryDirectory("follow-index-a-"));
        ConfigurableApplicationContext b = start(indexOfB);
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = null;
        try {
            List<ProducerRecord<String, byte[]>> first = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                first.add(open(i, UUID.randomUUID()));
            }
            var landed = publish(topic, first);
            awaitApplied(a.getBean(Projections.class).live(), landed);
            awaitApplied(b.getBean(Projections.class).live(), landed);

            // B answers every list, search and dashboard request while A rebuilds, switches and drops generation 1
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            reader = Thread.ofPlatform().start(() -> {
                while (reading.get()) {
                    for (String path : List.of("/api/cases?limit=1", "/api/cases?limit=1&q=follow")) {
                        ResponseEntity<JsonNode> response = client(b, Role.AGENT).get().uri(path).retrieve().toEntity(JsonNode.class);
                        if (response.getStatusCode().value() != 200 || response.getBody().get("total").asLong() < 30) {
                            failures.add(path + " -> " + response.getStatusCode() + " " + response.getBody());
                        }
                    }
                    ResponseEntity<JsonNode> dashboard = client(b, Role.LEAD).get().uri("/api/dashboard").retrieve().toEntity(JsonNode.class);
                    if (dashboard.getStatusCode().value() != 200 || dashboard.getBody().get("byStatus").get("new").asLong() < 30) {
                        failures.add("/api/dashboard -> " + dashboard.getStatusCode() + " " + dashboard.getBody());
                    }
                    reads.incrementAndGet();
                }
            });

            ResponseEntity<JsonNode> started = client(a, Role.OPS).post().uri("/api/ops/replays")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("target", "read-models")).retrieve().toEntity(JsonNode.class);
            assertThat(started.getStatusCode().value()).isEqualTo(202);
            String jobId = started.getBody().get("jobId").asText();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "SWITCHED".equals(client(a, Role.OPS).get().uri("/api/ops/replays/{id}", jobId).retrieve()
                            .body(JsonNode.class).get("state").asText()));

            Projections projectionsOfB = b.getBean(Projections.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> projectionsOfB.live().models().generation() == 2);
            assertThat(Files.isDirectory(indexOfB.resolve("g2"))).as("B rebuilt its own index for generation 2").isTrue();

            // generation 1 is gone from MongoDB (A dropped it after the grace) and from B's disk
            try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        !mongo.getDatabase(database).listCollectionNames().into(new ArrayList<>()).contains("case_views_g1")
                                && !Files.exists(indexOfB.resolve("g1")));
            }

            // what arrives now reaches B's new generation: its views, its index and its dashboard
            List<ProducerRecord<String, byte[]>> later = new ArrayList<>();
            UUID lastCase = null;
            for (int i = 30; i < 35; i++) {
                lastCase = UUID.randomUUID();
                later.add(open(i, lastCase));
            }
            awaitApplied(projectionsOfB.live(), publish(topic, later));
            assertThat(projectionsOfB.live().models().generation()).isEqualTo(2);
            assertThat(total(b, "/api/cases?limit=1")).isEqualTo(35);
            assertThat(total(b, "/api/cases?limit=1&q=follow")).isEqualTo(35);
            JsonNode view = client(b, Role.AGENT).get().uri("/api/cases/{id}", lastCase).retrieve().body(JsonNode.class);
            assertThat(view.get("caseNumber").asText()).isEqualTo("CS-134");
            JsonNode dashboard = client(b, Role.LEAD).get().uri("/api/dashboard").retrieve().body(JsonNode.class);
            assertThat(dashboard.get("byStatus").get("new").asLong()).isEqualTo(35);

            reading.set(false);
            reader.join(10_000);
            assertThat(reads.get()).isPositive();
            assertThat(failures).isEmpty();
        } finally {
            reading.set(false);
            if (reader != null) {
                reader.join(10_000);
            }
            b.close();
            a.close();
        }
    }

    private static ProducerRecord<String, byte[]> open(int i, UUID caseId) {
        CaseScript script = new CaseScript(Instant.now().minus(1, ChronoUnit.HOURS));
        return script.then(new CaseOpened(caseId, "CS-" + (100 + i),
                new Customer("c" + i, "Name", "n@example.com", Tier.GOLD), "Follow me " + i, "", Channel.CHAT,
                null, null, null, List.of(), script.clock()));
    }

    private ConfigurableApplicationContext start(Path indexDirectory) throws InterruptedException {
        // long enough for B to rebuild its index for the new generation on a busy machine before A drops the old one
        return startInstance(database, topic, indexDirectory, Map.of("casestream.query.generation-drop-grace", "8s"));
    }

    private static RestClient client(ConfigurableApplicationContext context, Role role) {
        return Callers.client("http://localhost:" + Instances.port(context), TestInfrastructure.token(role, "follow-" + role.claimValue()));
    }

    private static long total(ConfigurableApplicationContext context, String path) {
        return client(context, Role.AGENT).get().uri(path).retrieve().body(JsonNode.class).get("total").asLong();
    }
}
