package org.casestream.notification.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.casestream.localstack.infra.LocalPostgres;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.NotificationApplication;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.Ports;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * An instance on a PostgreSQL of its own that stops: a request that needs the database answers 503 problem+json
 * with Retry-After within seconds (not a 500 after the pool's default 30 s), readiness says DOWN, and both recover
 * when the database is back.
 */
class DatabaseAwayIntegrationTest {

    @Test
    void withPostgresAwayRequestsAreServiceUnavailableAtOnceAndReadinessIsDown() throws Exception {
        Path directory = TestInfrastructure.temporaryDirectory("notification-pg-");
        int port = Ports.free();
        LocalPostgres postgres = LocalPostgres.start(directory, port, false);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (ConfigurableApplicationContext instance = Instances.start(Instances.onTestInfrastructure(Map.of(
                "spring.datasource.url", postgres.jdbcUrl(),
                "casestream.notification.key", Base64.getEncoder().encodeToString(key),
                "casestream.notification.mail-mode", "log",
                "casestream.notification.consumer-group", "database-away")), NotificationApplication.class)) {
            String base = "http://localhost:" + Instances.port(instance);
            RestClient admin = Callers.as(base, Role.ADMIN);
            assertThat(admin.get().uri("/api/notification-settings").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
            assertThat(status(base)).isEqualTo(200);
            postgres.close();

            long start = System.nanoTime();
            ResponseEntity<JsonNode> answer = admin.get().uri("/api/notification-settings").retrieve().toEntity(JsonNode.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody().get("type").asText()).endsWith("/dependency-unavailable");
            assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(status(base)).isEqualTo(503);

            postgres = LocalPostgres.start(directory, port, false);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(base) == 200);
            assertThat(admin.get().uri("/api/notification-settings").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    private static int status(String base) {
        return RestClient.builder().baseUrl(base).defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode().value();
    }
}
