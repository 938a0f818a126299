package org.casestream.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The semantic classifier in the running service: its examples as data, its explanations, similar cases. */
class SemanticRoutingIntegrationTest extends RoutingIntegrationTest {

    @Test
    void aMessageTheRulesMissedGoesToItsQueueAndTheDecisionSaysWhy() {
        // the finding: no seeded rule matches, so this stayed Unclassified
        UUID caseId = openCase("PIN", "can I reset the PIN of my user profile?", "standard", "web");

        await(Duration.ofSeconds(30), () -> assertThat(caseView(caseId).get("queue").asText()).isEqualTo("Login"));
        JsonNode why = classified(caseId);
        assertThat(why.path("source").asText()).isEqualTo("classifier");
        assertThat(why.path("ruleId").asText(null)).as("no rule matched").isNull();
        assertThat(why.path("classifierScore").asDouble()).isGreaterThanOrEqualTo(
                why.path("classifierThreshold").asDouble());
        assertThat(why.path("classifierExamples").asInt()).isGreaterThanOrEqualTo(250);
        JsonNode nearest = why.path("neighbours").get(0);
        assertThat(nearest.path("queue").asText()).isEqualTo("Login");
        assertThat(nearest.path("source").asText()).isEqualTo("shipped");
        assertThat(nearest.path("text").asText()).isNotBlank();
        assertThat(nearest.path("similarity").asDouble()).isBetween(0.3, 1.0);
    }

    @Test
    void aDecisiveRuleWinsOverTheClassifier() {
        List<Map<String, Object>> rules = List.of(
                Map.of("position", 1, "queue", "Deliveries", "kind", "phrase", "pattern", "zebra crossing",
                        "decisive", true),
                Map.of("position", 2, "queue", "Refunds", "kind", "keyword", "pattern", "refund"));
        JsonNode before = routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/classification-rules")
                .retrieve().body(JsonNode.class);
        try {
            JsonNode saved = routing(Role.ADMIN, "admin-ann").put().uri("/api/routing/config/classification-rules")
                    .body(Map.of("rules", rules)).retrieve().body(JsonNode.class);
            assertThat(saved.path("rules").findValuesAsText("decisive")).containsExactly("true", "false");

            UUID caseId = openCase("Password", "I forgot my password at the zebra crossing", "standard", "web");

            await(Duration.ofSeconds(30), () -> assertThat(caseView(caseId).get("queue").asText())
                    .isEqualTo("Deliveries"));
            JsonNode why = classified(caseId);
            assertThat(why.path("source").asText()).isEqualTo("rule");
            assertThat(why.path("ruleDecisive").asBoolean()).isTrue();
            assertThat(why.path("classifierQueue").asText()).isEqualTo("Login");
        } finally {
            List<Map<String, Object>> restored = new java.util.ArrayList<>();
            before.path("rules").forEach(rule -> restored.add(Map.of("position", rule.path("position").asInt(),
                    "queue", rule.path("queue").asText(), "kind", rule.path("kind").asText(),
                    "pattern", rule.path("pattern").asText(), "decisive", rule.path("decisive").asBoolean())));
            routing(Role.ADMIN, "admin-ann").put().uri("/api/routing/config/classification-rules")
                    .body(Map.of("rules", restored)).retrieve().toBodilessEntity();
        }
    }

    @Test
    void onlyAdminsManageExamplesAndBadOnesAreRefusedNamingEachField() {
        assertThat(routing(Role.LEAD, "lead").get().uri("/api/routing/config/examples")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(routing(Role.AGENT, "agent").post().uri("/api/routing/config/examples")
                .body(Map.of("queue", "Login", "text", "my key fob code")).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> bad = routing(Role.ADMIN, "admin-ann").post().uri("/api/routing/config/examples")
                .body(Map.of("text", " ")).retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).contains("queue", "text");
        ResponseEntity<JsonNode> noSuchQueue = routing(Role.ADMIN, "admin-ann").post()
                .uri("/api/routing/config/examples")
                .body(Map.of("queue", "Nowhere", "text", "my key fob code")).retrieve().toEntity(JsonNode.class);
        assertThat(noSuchQueue.getStatusCode().value()).isEqualTo(400);
        assertThat(noSuchQueue.getBody().get("errors").findValuesAsText("field")).containsExactly("queue");

        String text = "my key fob code " + UUID.randomUUID() + " stopped opening the member area";
        ResponseEntity<JsonNode> added = routing(Role.ADMIN, "admin-ann").post().uri("/api/routing/config/examples")
                .body(Map.of("queue", "Login", "text", text)).retrieve().toEntity(JsonNode.class);
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody().path("source").asText()).isEqualTo("admin");
        assertThat(added.getBody().path("addedBy").asText()).isEqualTo("admin-ann");
        long id = added.getBody().path("id").asLong();
        assertThat(routing(Role.ADMIN, "admin-ann").post().uri("/api/routing/config/examples")
                .body(Map.of("queue", "Login", "text", text)).retrieve().toBodilessEntity().getStatusCode().value())
                .as("the same example twice").isEqualTo(409);

        JsonNode login = routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/examples?queue=Login")
                .retrieve().body(JsonNode.class);
        assertThat(login.path("examples").findValuesAsText("queue")).containsOnly("Login");
        assertThat(login.path("examples").findValuesAsText("source")).contains("shipped", "admin");
        assertThat(login.path("examples").findValuesAsText("text")).contains(text);

        assertThat(routing(Role.ADMIN, "admin-ann").delete().uri("/api/routing/config/examples/{id}", id)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        assertThat(routing(Role.ADMIN, "admin-ann").delete().uri("/api/routing/config/examples/{id}", id)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        assertThat(routing(Role.ADMIN, "admin-ann").get().uri("/api/routing/config/examples?queue=Login")
                .retrieve().body(JsonNode.class).path("examples").findValuesAsText("text")).doesNotContain(text);
    }

    @Test
    void similarCasesAndTheSameCustomersDuplicateOfTheDay() {
        String customer = "grace-" + UUID.randomUUID() + "@example.com";
        UUID first = openCase("Parcel never came", "My parcel was meant to arrive on Monday and it never came",
                "standard", "email", customer);
        UUID again = openCase("Parcel did not arrive", "The parcel that should have come on Monday never arrived",
                "standard", "email", customer);
        UUID other = openCase("Parcel missing", "My parcel from last week never arrived either", "standard",
                "email", "someone-" + UUID.randomUUID() + "@example.com");
        UUID unlike = openCase("Invoice", "Please send me a VAT invoice for my March purchases", "standard",
                "email", customer);

        await(Duration.ofSeconds(30), () -> {
            JsonNode similar = routing(Role.AGENT, "agent").get().uri("/api/routing/similar/{id}", again)
                    .retrieve().body(JsonNode.class);
            assertThat(similar.path("similar").findValuesAsText("caseId"))
                    .contains(first.toString(), other.toString()).doesNotContain(again.toString(), unlike.toString());
            assertThat(similar.path("possibleDuplicates").findValuesAsText("caseId"))
                    .containsExactly(first.toString());
            assertThat(similar.path("similar").get(0).path("caseNumber").asText()).isNotBlank();
        });
        assertThat(routing(Role.CHANNEL, "web-form").get().uri("/api/routing/similar/{id}", again)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(routing(Role.AGENT, "agent").get().uri("/api/routing/similar/{id}", UUID.randomUUID())
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    /**
     * The case's classified decision: noted when routing's transaction commits, just after the command service
     * took the classification (which the case shows a moment earlier).
     */
    private JsonNode classified(UUID caseId) {
        JsonNode[] found = new JsonNode[1];
        await(Duration.ofSeconds(10), () -> {
            JsonNode decisions = routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId)
                    .retrieve().body(JsonNode.class).path("decisions");
            for (JsonNode decision : decisions) {
                if (decision.path("kind").asText().equals("classified")) {
                    found[0] = decision.path("detail");
                }
            }
            assertThat(found[0]).as("the classified decision on " + caseId + ": " + decisions).isNotNull();
        });
        return found[0];
    }
}
