package org.casestream.query.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

class SavedSearchIntegrationTest extends QueryIntegrationTest {

    private RestClient user(String name) {
        return Callers.client("http://localhost:" + port, TestInfrastructure.token(Role.LEAD, name));
    }

    @Test
    void eachUserKeepsTheirOwnSavedSearchesAndBadOnesAreRefused() {
        RestClient ada = user("ada-saved");
        RestClient bob = user("bob-saved");
        ResponseEntity<JsonNode> saved = ada.put().uri("/api/saved-searches/{name}", "My critical")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("parameters", Map.of("priority", List.of("critical"), "status", List.of("new", "inprogress"))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(saved.getStatusCode().value()).isEqualTo(200);

        JsonNode mine = ada.get().uri("/api/saved-searches").retrieve().body(JsonNode.class);
        assertThat(mine.findValuesAsText("name")).containsExactly("My critical");
        assertThat(mine.get(0).get("parameters").get("status").toString()).isEqualTo("[\"new\",\"inprogress\"]");
        assertThat(bob.get().uri("/api/saved-searches").retrieve().body(JsonNode.class)).isEmpty();

        ResponseEntity<JsonNode> bad = ada.put().uri("/api/saved-searches/{name}", "Broken")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("parameters", Map.of("status", List.of("sleeping"), "limit", List.of("0"))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("status", "limit");
        ResponseEntity<JsonNode> missing = ada.put().uri("/api/saved-searches/{name}", "Empty")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toEntity(JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("errors").findValuesAsText("field")).containsExactly("parameters");
        assertThat(ada.get().uri("/api/saved-searches").retrieve().body(JsonNode.class).findValuesAsText("name"))
                .containsExactly("My critical");

        assertThat(ada.delete().uri("/api/saved-searches/{name}", "My critical").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);
        assertThat(ada.delete().uri("/api/saved-searches/{name}", "My critical").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(ada.get().uri("/api/saved-searches").retrieve().body(JsonNode.class)).isEmpty();
    }
}
