package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.QueryApplication;
import org.casestream.query.rebuild.Projections;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A service instance of its own (own topic, database and index), stopped while events keep coming, then started
 * with its index deleted: it resumes from its stored positions, rebuilds the index from the topic, and counts
 * nothing twice.
 */
class RestartIntegrationTest extends QueryIntegrationTest {

    private final String topic = "restart-" + UUID.randomUUID();
    private final String database = "restart_" + UUID.randomUUID().toString().replace("-", "");
    private final Path index = temporaryDirectory("restart-index-");

    @Test
    void aRestartWithTheIndexDeletedRebuildsItAndCountsNothingTwice() throws Exception {
        List<UUID> cases = new ArrayList<>();
        Map<UUID, CaseScript> scripts = new HashMap<>();
        ConfigurableApplicationContext first = start();
        try {
            List<ProducerRecord<String, byte[]>> opened = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                UUID caseId = UUID.randomUUID();
                CaseScript script = new CaseScript(Instant.now().minus(1, ChronoUnit.HOURS));
                opened.add(script.then(new CaseOpened(caseId, "CS-" + (100 + i), new Customer("c" + i, "Name", "n@example.com",
                        Tier.STANDARD), "Printer on fire " + i, "", Channel.WEB, null, null, null, List.of(), script.clock())));
                cases.add(caseId);
                scripts.put(caseId, script);
            }
            awaitApplied(first.getBean(Projections.class).live(), publish(topic, opened));
            assertThat(total(first, "/api/cases?limit=1")).isEqualTo(20);
        } finally {
            first.close();
        }

        // while the service is away: half the cases move on, and the index is lost
        List<ProducerRecord<String, byte[]>> progressed = new ArrayList<>();
        for (UUID caseId : cases.subList(0, 10)) {
            progressed.add(scripts.get(caseId).then(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        }
        List<RecordMetadata> landed = publish(topic, progressed);
        try (Stream<Path> files = Files.walk(index)) {
            files.sorted(Comparator.reverseOrder()).forEach(RestartIntegrationTest::delete);
        }

        ConfigurableApplicationContext second = start();
        try {
            awaitApplied(second.getBean(Projections.class).live(), landed);
            assertThat(total(second, "/api/cases?limit=1")).isEqualTo(20);
            assertThat(total(second, "/api/cases?limit=1&status=inprogress")).isEqualTo(10);
            assertThat(total(second, "/api/cases?limit=1&q=printer fire")).isEqualTo(20);
            JsonNode dashboard = client(second).get().uri("/api/dashboard").retrieve().body(JsonNode.class);
            assertThat(dashboard.get("byStatus").get("new").asLong()).isEqualTo(10);
            assertThat(dashboard.get("byStatus").get("inprogress").asLong()).isEqualTo(10);
        } finally {
            second.close();
        }
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            long stored = mongo.getDatabase(database).getCollection("projection_positions_g1").countDocuments();
            assertThat(stored).isPositive();
        }
    }

    private ConfigurableApplicationContext start() {
        Map<String, String> all = new HashMap<>(properties(database, topic, index));
        all.put("server.port", "0");
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryApplication.class).run(arguments);
        try {
            assertThat(context.getBean(Projections.class).live().awaitAssignment(APPLIED_WITHIN)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return context;
    }

    private static RestClient client(ConfigurableApplicationContext context) {
        return Callers.client("http://localhost:" + Instances.port(context), TestInfrastructure.token(Role.AGENT, "restart"));
    }

    private static long total(ConfigurableApplicationContext context, String path) {
        return client(context).get().uri(path).retrieve().body(JsonNode.class).get("total").asLong();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
