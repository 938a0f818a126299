package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A site's own wording, which no shipped example knows, is learnt from the agents' re-queues. */
class LearningIntegrationTest extends RoutingIntegrationTest {

    /** A product name and a code of this site's own: nothing the shipped examples say. */
    private static final String WORDING = "Quorbit vexel %d: the zimmering flux on my quorbit keeps going grey";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAgentsReQueueTeachesTheClassifierAndRoutesTheCase() {
        UUID refunds = registerAgent(Map.of("Refunds", 5), 100);
        setAvailability(refunds, "online");
        UUID first = openCase("Quorbit", WORDING.formatted(1), "standard", "email");
        await(Duration.ofSeconds(30), () -> assertThat(decisionKinds(first)).contains("classified", "waiting"));
        assertThat(caseView(first).get("queue").asText()).isEqualTo("Unclassified");

        requeue(first, "Refunds");
        await(Duration.ofSeconds(30), () -> {
            assertThat(jdbc.sql("SELECT queue FROM routing.training_examples WHERE case_id = ?").param(first)
                    .query(String.class).optional()).contains("Refunds");
            // to a Refunds agent: ours, or one that other tests in this JVM left online with a higher level
            String assignee = caseView(first).path("assignee").asText();
            assertThat(assignee).isNotBlank();
            assertThat(jdbc.sql("SELECT (skills -> 'Refunds') IS NOT NULL FROM routing.agents WHERE agent_id = ?::uuid")
                    .param(assignee).query(Boolean.class).single()).isTrue();
        });
        assertThat(decisionKinds(first)).contains("learnt");
        UUID second = openCase("Quorbit", WORDING.formatted(2), "standard", "email");
        requeue(second, "Refunds");

        // the same wording again: now the classifier knows it, from the two cases agents moved
        UUID third = openCase("Quorbit", WORDING.formatted(3), "standard", "email");
        await(Duration.ofSeconds(30), () -> assertThat(caseView(third).get("queue").asText()).isEqualTo("Refunds"));
        JsonNode classified = decision(third, "classified");
        assertThat(classified.path("source").asText()).isEqualTo("classifier");
        JsonNode nearest = classified.path("neighbours").get(0);
        assertThat(nearest.path("source").asText()).isEqualTo("learnt");
        assertThat(List.of(first.toString(), second.toString())).contains(nearest.path("exampleId").asText());
        assertThat(nearest.path("text").asText(null)).as("a customer's words are not shown as an example").isNull();
    }

    private void requeue(UUID caseId, String queue) {
        ResponseEntity<JsonNode> requeued = commands(Role.AGENT, "agent-alan").post()
                .uri("/api/cases/{id}/classification", caseId).body(Map.of("queue", queue))
                .retrieve().toEntity(JsonNode.class);
        assertThat(requeued.getStatusCode().value()).isEqualTo(200);
        await(Duration.ofSeconds(30), () -> assertThat(decisionKinds(caseId)).contains("learnt"));
    }

    /** The case's decision of that kind: noted when routing's transaction commits, just after the command. */
    private JsonNode decision(UUID caseId, String kind) {
        JsonNode[] found = new JsonNode[1];
        await(Duration.ofSeconds(10), () -> {
            JsonNode decisions = routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId)
                    .retrieve().body(JsonNode.class).path("decisions");
            for (JsonNode decision : decisions) {
                if (decision.path("kind").asText().equals(kind)) {
                    found[0] = decision.path("detail");
                }
            }
            assertThat(found[0]).as("the " + kind + " decision on " + caseId + ": " + decisions).isNotNull();
        });
        return found[0];
    }

    private List<String> decisionKinds(UUID caseId) {
        ResponseEntity<JsonNode> answer = routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId)
                .retrieve().toEntity(JsonNode.class);
        return answer.getStatusCode().value() == 200 ? answer.getBody().path("decisions").findValuesAsText("kind")
                : List.of();
    }
}
