package org.casestream.command.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** What ops and other services read: OpenAPI, health, and the publisher's lag in Prometheus. */
class OperationsIntegrationTest extends IntegrationTest {

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    @Test
    void servesItsOpenApiDocument() {
        JsonNode api = anonymous().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);

        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("paths").has("/api/intake/tickets")).isTrue();
        assertThat(api.get("paths").has("/api/cases/{caseId}/status")).isTrue();
        assertThat(api.get("paths").has("/api/audit")).isTrue();
        assertThat(api.get("paths").has("/api/agents/{agentId}/availability")).isTrue();
    }

    @Test
    void healthIsPublicAndUp() {
        var health = anonymous().get().uri("/actuator/health").retrieve().toEntity(JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsThePublisherLagToOpsOnly() {
        assertThat(anonymous().get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(Role.AGENT).get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = as(Role.OPS).get().uri("/actuator/prometheus").retrieve().body(String.class);
            assertThat(metrics).containsPattern("(?m)^casestream_publisher_lag_events\\{[^}]*\\} 0\\.0$");
        });
    }
}
