package org.casestream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.casestream.localstack.infra.LocalMongo;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * An instance on a MongoDB of its own that goes away: reads answer 503 problem+json with Retry-After within
 * seconds (not a 500 after the driver's 30 s), readiness says DOWN, and both come back with MongoDB.
 */
class MongoAwayIntegrationTest extends QueryIntegrationTest {

    @Test
    void withMongoDbAwayReadsAreServiceUnavailableAtOnceAndReadinessIsDown() throws Exception {
        int port = Ports.free();
        LocalMongo mongo = LocalMongo.startInMemory(port);
        String database = "away_" + UUID.randomUUID().toString().replace("-", "");
        try (ConfigurableApplicationContext instance = startInstance(database, "away-" + UUID.randomUUID(),
                temporaryDirectory("away-index-"), Map.of("spring.data.mongodb.uri", mongo.connectionString()))) {
            String base = "http://localhost:" + Instances.port(instance);
            assertThat(status(base, "/actuator/health/readiness")).isEqualTo(200);
            mongo.close();

            long start = System.nanoTime();
            ResponseEntity<JsonNode> read = Callers.as(base, Role.AGENT).get().uri("/api/cases/{id}", UUID.randomUUID())
                    .retrieve().toEntity(JsonNode.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(read.getStatusCode().value()).isEqualTo(503);
            assertThat(read.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(read.getBody().get("type").asText()).endsWith("/dependency-unavailable");
            assertThat(read.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(status(base, "/actuator/health/readiness")).isEqualTo(503);

            mongo = LocalMongo.startInMemory(port);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(base, "/actuator/health/readiness") == 200);
            assertThat(Callers.as(base, Role.AGENT).get().uri("/api/cases?limit=1").retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(200);
        } finally {
            mongo.close();
        }
    }

    private static int status(String base, String path) {
        return RestClient.builder().baseUrl(base).defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }
}
