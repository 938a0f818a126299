package org.casestream.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.localstack.infra.LocalPostgres;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.Ports;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The command service's own event store goes away: intake answers 503 problem+json with Retry-After within
 * seconds and stores nothing, readiness says DOWN, and when PostgreSQL is back the same request opens its case
 * once and the publisher goes on putting events on the topic, without a restart.
 */
class DatabaseAwayIntegrationTest extends IntegrationTest {

    @Test
    void withItsDatabaseAwayIntakeIsUnavailableAtOnceAndEverythingResumesWhenItReturns() throws Exception {
        var topic = caseEventsConsumer();
        Path directory = TestInfrastructure.temporaryDirectory("command-pg-");
        int port = Ports.free();
        LocalPostgres postgres = LocalPostgres.start(directory, port, false);
        try (ConfigurableApplicationContext instance = startInstance(Map.of("spring.datasource.url", postgres.jdbcUrl()))) {
            String base = "http://localhost:" + Instances.port(instance);
            RestClient channel = Callers.as(base, Role.CHANNEL, "web-form");
            String before = open(channel, "before-" + UUID.randomUUID()).getBody().get("caseId").asText();
            assertThat(readiness(base)).isEqualTo(200);
            postgres.close();

            String ref = "while-away-" + UUID.randomUUID();
            long start = System.nanoTime();
            ResponseEntity<JsonNode> away = open(channel, ref);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(away.getStatusCode().value()).isEqualTo(503);
            assertThat(away.getBody().get("type").asText()).endsWith("/dependency-unavailable");
            assertThat(away.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(readiness(base)).isEqualTo(503);

            postgres = LocalPostgres.start(directory, port, false);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> readiness(base) == 200);
            ResponseEntity<JsonNode> again = open(channel, ref);
            assertThat(again.getStatusCode().value()).isEqualTo(201);
            String after = again.getBody().get("caseId").asText();

            List<ConsumerRecord<String, byte[]>> records = recordsFor(topic, Set.of(before, after), 2, Duration.ofSeconds(120));
            records.addAll(recordsFor(topic, Set.of(before, after), Integer.MAX_VALUE, Duration.ofSeconds(3)));
            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(before, after);
            assertThat(records).allSatisfy(record -> assertThat(CloudEventsKafka.fromRecord(record).orElseThrow().event())
                    .isInstanceOf(CaseOpened.class));
            try (Connection store = postgres.connect();
                 ResultSet cases = store.createStatement().executeQuery(
                         "SELECT count(*) FROM intake_request WHERE external_ref = '" + ref + "'")) {
                cases.next();
                assertThat(cases.getInt(1)).as("the refused request stored nothing, its retry one case").isEqualTo(1);
            }
        } finally {
            postgres.close();
        }
    }

    private static ResponseEntity<JsonNode> open(RestClient channel, String externalRef) {
        return channel.post().uri("/api/intake/tickets")
                .header("Idempotency-Key", externalRef)
                .body(Map.of("customer", Map.of("name", "Away Customer", "email", "away@example.com"),
                        "subject", "Order missing", "externalRef", externalRef))
                .retrieve().toEntity(JsonNode.class);
    }

    private static int readiness(String base) {
        return RestClient.builder().baseUrl(base).defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode().value();
    }
}
