package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * A queue an admin creates on the command service reaches routing as an event: rules may name it and cases go
 * there; once archived, rules naming it are refused and the rule already stored sends no new case there.
 */
class QueuesAsDataIntegrationTest extends RoutingIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rulesAndCasesFollowTheQueueCatalogueAsItsEventsArrive() throws Exception {
        String word = "warranty" + UUID.randomUUID().toString().substring(0, 6);
        String key = "Warranty " + word.substring(8);
        List<Map<String, Object>> original = rules();
        List<Map<String, Object>> withNew = new ArrayList<>(original);
        withNew.add(Map.of("position", 0, "queue", key, "kind", "keyword", "pattern", word, "decisive", true));
        try {
            ResponseEntity<JsonNode> unknown = putRules(withNew);
            assertThat(unknown.getStatusCode().value()).isEqualTo(400);
            assertThat(unknown.getBody().get("errors").findValuesAsText("field"))
                    .containsExactly("rules[" + original.size() + "].queue");

            assertThat(commands(Role.ADMIN, "admin").post().uri("/api/queues").body(Map.of("name", key)).retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(201);
            await(Duration.ofSeconds(30), () -> assertThat(putRules(withNew).getStatusCode().value()).isEqualTo(200));

            UUID routed = openCase("Broken kettle", "Is my kettle still under " + word + "?", "standard", "web");
            await(Duration.ofSeconds(30), () -> assertThat(caseView(routed).get("queue").asText()).isEqualTo(key));

            assertThat(commands(Role.ADMIN, "admin").patch().uri("/api/queues/{key}", key)
                    .body(Map.of("archived", true)).retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
            await(Duration.ofSeconds(30), () -> {
                ResponseEntity<JsonNode> archived = putRules(withNew);
                assertThat(archived.getStatusCode().value()).isEqualTo(400);
                assertThat(archived.getBody().get("errors").get(0).get("message").asText()).contains("archived");
            });
            UUID after = openCase("Broken toaster", "Is my toaster still under " + word + "?", "standard", "web");
            await(Duration.ofSeconds(30), () -> assertThat(count(history(after), "SlaTargetsSet")).isEqualTo(1));
            assertThat(caseView(after).get("queue").asText()).as("the stored rule's queue is archived")
                    .isNotEqualTo(key);
        } finally {
            ResponseEntity<JsonNode> restored = putRules(original);
            assertThat(restored.getStatusCode().value()).as("%s", restored.getBody()).isEqualTo(200);
        }
    }

    private List<Map<String, Object>> rules() throws Exception {
        JsonNode rules = routing(Role.ADMIN, "admin").get().uri("/api/routing/config/classification-rules")
                .retrieve().body(JsonNode.class).get("rules");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (JsonNode rule : rules) {
            bodies.add(Map.of("position", rule.get("position").asInt(), "queue", rule.get("queue").asText(),
                    "kind", rule.get("kind").asText(), "pattern", rule.get("pattern").asText(),
                    "decisive", rule.get("decisive").asBoolean()));
        }
        return bodies;
    }

    private ResponseEntity<JsonNode> putRules(List<Map<String, Object>> rules) {
        return routing(Role.ADMIN, "admin").put().uri("/api/routing/config/classification-rules")
                .body(Map.of("rules", rules)).retrieve().toEntity(JsonNode.class);
    }
}
