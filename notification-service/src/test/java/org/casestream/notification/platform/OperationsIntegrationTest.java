package org.casestream.notification.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.casestream.localstack.jwt.Role;
import org.casestream.notification.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class OperationsIntegrationTest extends IntegrationTest {

    @Test
    void healthAndTheOpenApiDocumentAreOpenAndListEveryEndpoint() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        assertThat(anonymous.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(anonymous.get().uri("/v3/api-docs").retrieve().body(String.class)).contains(
                "/api/webhooks", "/api/webhooks/{id}/deliveries", "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                "/api/notifications", "/api/notification-rules/{trigger}/{audience}", "/api/notification-settings");
        assertThat(anonymous.get().uri("/api/notifications?caseId=00000000-0000-0000-0000-000000000000").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theDeliveryLogIsForLeadsManagersAdminsAndOpsAndNeedsACaseOrASubscription() {
        assertThat(as(Role.AGENT).get().uri("/api/notifications?caseId=00000000-0000-0000-0000-000000000000")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(as(Role.AGENT).get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(403);
        var missing = as(Role.MANAGER).get().uri("/api/notifications").retrieve().toEntity(String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).contains("\"field\":\"caseId\"");
        var settings = as(Role.ADMIN).get().uri("/api/notification-settings").retrieve().body(String.class);
        // Slack URLs are credentials: the settings say which teams have one, never the URL
        assertThat(settings).contains("\"slackTeams\":[\"default\"]").doesNotContain("/slack/team");
    }
}
