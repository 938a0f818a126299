package org.casestream.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.localstack.jwt.Role;
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
 * Instances sharing one database coordinate their generations: one rebuild at a time across all of them, any
 * instance answers for any job, and what a crashed instance left behind (a half-built generation, a lease, a job
 * that will never finish) is cleaned up, while a generation a live instance still holds is kept.
 */
class GenerationsIntegrationTest extends QueryIntegrationTest {

    private final String topic = "generations-" + UUID.randomUUID();
    private final String database = "generations_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void aRebuildRequestedOnAnotherInstanceJoinsTheOneRunningAndEitherInstanceReportsIt() throws Exception {
        ConfigurableApplicationContext a = start(temporaryDirectory("generations-a-"));
        ConfigurableApplicationContext b = start(temporaryDirectory("generations-b-"));
        try {
            awaitApplied(a.getBean(Projections.class).live(), publish(topic, cases(300)));

            JsonNode onA = startRebuild(a);
            JsonNode onB = startRebuild(b);

            assertThat(onB.get("jobId").asText()).as("B joins A's rebuild instead of starting a second one")
                    .isEqualTo(onA.get("jobId").asText());
            String jobId = onA.get("jobId").asText();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "SWITCHED".equals(job(b, jobId).get("state").asText()));
            JsonNode finished = job(b, jobId);
            assertThat(finished.get("generation").asInt()).isEqualTo(2);
            assertThat(finished.get("done").asLong()).isEqualTo(300);
            assertThat(finished.get("total").asLong()).isEqualTo(300);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> b.getBean(Projections.class).live().models().generation() == 2);
        } finally {
            b.close();
            a.close();
        }
    }

    @Test
    void whatACrashedInstanceLeftIsDroppedAndItsRebuildTakenOverButALiveInstancesGenerationStays() throws Exception {
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            MongoDatabase shared = mongo.getDatabase(database);
            Date longAgo = Date.from(Instant.now().minus(1, ChronoUnit.HOURS));
            String abandoned = UUID.randomUUID().toString();
            // a rebuild of generation 5 whose instance died mid-way, and another instance alive that still serves 4
            shared.getCollection("read_model_instances").insertMany(List.of(
                    new Document("_id", "crashed").append("generations", List.of(1, 5)).append("heartbeatAt", longAgo),
                    new Document("_id", "alive").append("generations", List.of(4)).append("heartbeatAt", inAMinute())));
            shared.getCollection("read_model_generation").insertOne(new Document("_id", "rebuild")
                    .append("jobId", abandoned).append("generation", 5).append("instance", "crashed").append("version", 1L));
            shared.getCollection("replay_jobs").insertOne(new Document("_id", abandoned).append("target", "read-models")
                    .append("state", "RUNNING").append("generation", 5).append("done", 10L).append("startedAt", longAgo)
                    .append("instance", "crashed"));
            shared.getCollection("case_views_g5").insertOne(new Document("_id", "half-built"));
            shared.getCollection("dashboard_counters_g5").insertOne(new Document("_id", "half-built"));
            shared.getCollection("case_comments_g5").insertOne(new Document("_id", "half-built"));
            shared.getCollection("parked_streams_g5").insertOne(new Document("_id", "half-built"));
            shared.getCollection("case_views_g4").insertOne(new Document("_id", "in-use"));

            ConfigurableApplicationContext a = start(temporaryDirectory("generations-crash-"));
            try {
                awaitApplied(a.getBean(Projections.class).live(), publish(topic, cases(20)));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !collections(shared).contains("case_views_g5")
                        && !collections(shared).contains("dashboard_counters_g5")
                        && !collections(shared).contains("case_comments_g5")
                        && !collections(shared).contains("parked_streams_g5"));
                assertThat(collections(shared)).as("generation 4 is held by a live instance").contains("case_views_g4");

                assertThat(job(a, abandoned).get("state").asText()).as("its instance is gone").isEqualTo("FAILED");
                JsonNode started = startRebuild(a);
                assertThat(started.get("jobId").asText()).isNotEqualTo(abandoned);
                assertThat(started.get("generation").asInt()).as("past every generation in use or left").isEqualTo(6);
                String jobId = started.get("jobId").asText();
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "SWITCHED".equals(job(a, jobId).get("state").asText()));
                assertThat(total(a)).isEqualTo(20);

                // once the other instance is gone too, its generation goes, and so does the replaced generation 1
                shared.getCollection("read_model_instances").deleteOne(new Document("_id", "alive"));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !collections(shared).contains("case_views_g4")
                        && !collections(shared).contains("case_views_g1")
                        && !collections(shared).contains("case_comments_g1"));
                assertThat(collections(shared)).contains("case_views_g6", "case_comments_g6");
            } finally {
                a.close();
            }
        }
    }

    private static Date inAMinute() {
        return Date.from(Instant.now().plus(1, ChronoUnit.MINUTES));
    }

    private static List<String> collections(MongoDatabase database) {
        return database.listCollectionNames().into(new ArrayList<>());
    }

    private List<ProducerRecord<String, byte[]>> cases(int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseScript script = new CaseScript(Instant.now().minus(1, ChronoUnit.HOURS));
            records.add(script.then(new CaseOpened(UUID.randomUUID(), "CS-" + (5000 + i),
                    new Customer("c" + i, "Name", "n@example.com", Tier.GOLD), "Generation " + i, "", Channel.EMAIL,
                    null, null, null, List.of(), script.clock())));
        }
        return records;
    }

    private ConfigurableApplicationContext start(Path indexDirectory) throws InterruptedException {
        // one record per poll: a rebuild of a few hundred events lasts long enough to ask the other instance
        return startInstance(database, topic, indexDirectory, Map.of("casestream.query.max-poll-records", "1"));
    }

    private static JsonNode startRebuild(ConfigurableApplicationContext instance) {
        ResponseEntity<JsonNode> response = client(instance).post().uri("/api/ops/replays")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("target", "read-models")).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        return response.getBody();
    }

    private static JsonNode job(ConfigurableApplicationContext instance, String jobId) {
        ResponseEntity<JsonNode> response = client(instance).get().uri("/api/ops/replays/{id}", jobId).retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static long total(ConfigurableApplicationContext instance) {
        return client(instance, Role.AGENT).get().uri("/api/cases?limit=1").retrieve().body(JsonNode.class).get("total").asLong();
    }

    private static RestClient client(ConfigurableApplicationContext context) {
        return client(context, Role.OPS);
    }

    private static RestClient client(ConfigurableApplicationContext context, Role role) {
        return Callers.client("http://localhost:" + Instances.port(context), TestInfrastructure.token(role, "generations-" + role.claimValue()));
    }
}
