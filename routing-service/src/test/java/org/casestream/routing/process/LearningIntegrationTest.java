package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class LearningIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAgentsReQueueTrainsTheClassifierAndRoutesTheCase() {
        UUID refunds = registerAgent(Map.of("Refunds", 5), 100);
        setAvailability(refunds, "online");
        UUID caseId = openCase("Jacket", "I would like to be reimbursed for the jacket", "standard", "email");
        await(Duration.ofSeconds(30), () -> assertThat(decisionKinds(caseId)).contains("classified", "waiting"));
        assertThat(caseView(caseId).get("queue").asText()).isEqualTo("Unclassified");

        ResponseEntity<JsonNode> requeued = commands(Role.AGENT, "agent-alan").post()
                .uri("/api/cases/{id}/classification", caseId).body(Map.of("queue", "Refunds"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(requeued.getStatusCode().value()).isEqualTo(200);

        await(Duration.ofSeconds(30), () -> {
            assertThat(jdbc.sql("SELECT queue FROM routing.training_examples WHERE case_id = ?").param(caseId)
                    .query(String.class).optional()).contains("Refunds");
            // to a Refunds agent: ours, or one that other tests in this JVM left online with a higher level
            String assignee = caseView(caseId).path("assignee").asText();
            assertThat(assignee).isNotBlank();
            assertThat(jdbc.sql("SELECT (skills -> 'Refunds') IS NOT NULL FROM routing.agents WHERE agent_id = ?::uuid")
                    .param(assignee).query(Boolean.class).single()).isTrue();
        });
        assertThat(decisionKinds(caseId)).contains("learnt");
    }

    private java.util.List<String> decisionKinds(UUID caseId) {
        ResponseEntity<JsonNode> answer = routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId)
                .retrieve().toEntity(JsonNode.class);
        return answer.getStatusCode().value() == 200 ? answer.getBody().path("decisions").findValuesAsText("kind")
                : java.util.List.of();
    }
}
