package org.casestream.routing.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class RoutingConfigIntegrationTest extends RoutingIntegrationTest {

    @Test
    void seededRulesCoverTheFiveQueuesAndOnlyAdminsSeeThem() {
        JsonNode rules = routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/classification-rules")
                .retrieve().body(JsonNode.class);
        assertThat(rules.get("rules").findValuesAsText("queue"))
                .contains("Login", "Orders", "Deliveries", "Payments", "Refunds");
        assertThat(routing(Role.LEAD, "lead").get().uri("/api/routing/config/classification-rules")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        JsonNode policies = routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/sla-policies")
                .retrieve().body(JsonNode.class);
        assertThat(policies.get("policies")).hasSize(12);
    }

    @Test
    void badRulesAreRefusedNamingEachFieldAndNothingIsStored() {
        JsonNode before = routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/classification-rules")
                .retrieve().body(JsonNode.class);

        ResponseEntity<JsonNode> refused = routing(Role.ADMIN, "admin-ann").put()
                .uri("/api/routing/config/classification-rules")
                .body(Map.of("rules", List.of(
                        Map.of("position", 1, "queue", "Refunds", "kind", "regex", "pattern", "(unclosed"),
                        Map.of("position", 2, "queue", "Login", "kind", "keyword", "pattern", "two words"),
                        Map.of("position", 3, "queue", "Login", "kind", "phrase", "pattern", ""))))
                .retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .contains("rules[0].pattern", "rules[1].pattern", "rules[2].pattern");
        assertThat(routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/classification-rules")
                .retrieve().body(JsonNode.class)).isEqualTo(before);

        ResponseEntity<JsonNode> badPolicy = routing(Role.ADMIN, "admin-ann").put().uri("/api/routing/config/sla-policies")
                .body(Map.of("policies", List.of(Map.of("priority", "high", "tier", "gold", "firstResponseMinutes", 90,
                        "resolutionMinutes", 60, "calendar", "nowhere"))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(badPolicy.getStatusCode().value()).isEqualTo(400);
        assertThat(badPolicy.getBody().get("errors").findValuesAsText("field"))
                .contains("policies[0].firstResponseMinutes", "policies[0].calendar");
    }

    @Test
    void aCalendarChangeIsKeptWithWhoAndWhen() {
        ResponseEntity<JsonNode> badZone = routing(Role.ADMIN, "admin-ann").put().uri("/api/routing/config/calendars/ny")
                .body(Map.of("zone", "Mars/Olympus", "weekly", Map.of("MONDAY", List.of(Map.of("open", "09:00",
                        "close", "08:00")))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(badZone.getStatusCode().value()).isEqualTo(400);
        assertThat(badZone.getBody().get("errors").findValuesAsText("field")).contains("zone", "weekly.MONDAY[0]");
        assertThat(routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/calendars/ny")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);

        ResponseEntity<JsonNode> stored = routing(Role.ADMIN, "admin-ann").put().uri("/api/routing/config/calendars/ny")
                .body(Map.of("zone", "America/New_York",
                        "weekly", Map.of("MONDAY", List.of(Map.of("open", "09:00", "close", "17:00"))),
                        "holidays", List.of("2026-11-26")))
                .retrieve().toEntity(JsonNode.class);
        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        assertThat(stored.getBody().get("zone").asText()).isEqualTo("America/New_York");

        JsonNode changes = routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/changes?kind=calendar")
                .retrieve().body(JsonNode.class);
        JsonNode latest = changes.get("changes").get(0);
        assertThat(latest.get("item").asText()).isEqualTo("ny");
        assertThat(latest.get("changedBy").asText()).isEqualTo("admin-ann");
        assertThat(latest.get("changedAt").asText()).isNotBlank();
        assertThat(latest.get("after").get("holidays").get(0).asText()).isEqualTo("2026-11-26");
    }
}
