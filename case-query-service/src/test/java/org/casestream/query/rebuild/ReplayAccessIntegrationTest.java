package org.casestream.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Only ops (and admin) start a rebuild, and a request the service cannot honour starts nothing. */
class ReplayAccessIntegrationTest extends QueryIntegrationTest {

    @Test
    void onlyOpsStartARebuildAndABadRequestStartsNone() {
        int served = projections.live().models().generation();
        for (Role role : new Role[] {Role.AGENT, Role.LEAD, Role.MANAGER, Role.CHANNEL}) {
            assertThat(replay(as(role), Map.of("target", "read-models")).getStatusCode().value()).as(role.name()).isEqualTo(403);
        }
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        assertThat(replay(anonymous, Map.of("target", "read-models")).getStatusCode().value()).isEqualTo(401);

        ResponseEntity<JsonNode> wrongTarget = replay(as(Role.OPS), Map.of("target", "search-index"));
        assertThat(wrongTarget.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongTarget.getBody().get("errors").findValuesAsText("field")).containsExactly("target");
        ResponseEntity<JsonNode> fromPosition = replay(as(Role.OPS), Map.of("target", "read-models", "fromPosition", 10));
        assertThat(fromPosition.getStatusCode().value()).isEqualTo(400);
        assertThat(fromPosition.getBody().get("errors").findValuesAsText("field")).containsExactly("fromPosition");

        assertThat(as(Role.OPS).get().uri("/api/ops/replays/{id}", UUID.randomUUID()).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as(Role.AGENT).get().uri("/api/ops/replays/{id}", UUID.randomUUID()).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(projections.live().models().generation()).as("no rebuild ran").isEqualTo(served);
    }

    private static ResponseEntity<JsonNode> replay(RestClient client, Map<String, Object> body) {
        return client.post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }
}
