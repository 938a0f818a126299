package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Cases opened on the real command service, routed by the real routing service through Kafka. */
class RoutingFlowIntegrationTest extends RoutingIntegrationTest {

    @Test
    void anOpenedCaseIsClassifiedPrioritisedGivenItsSlaAndAssigned() {
        UUID novice = registerAgent(Map.of("Payments", 2), 5);
        UUID expert = registerAgent(Map.of("Payments", 4, "Refunds", 3), 5);
        UUID offline = registerAgent(Map.of("Payments", 5), 5);
        setAvailability(novice, "online");
        setAvailability(expert, "online");
        Instant before = Instant.now();

        UUID caseId = openCase("I was charged twice", "Two identical debits on my statement", "gold", "web");

        await(Duration.ofSeconds(30), () -> {
            JsonNode view = caseView(caseId);
            assertThat(view.get("queue").asText()).isEqualTo("Payments");
            assertThat(view.get("priority").asText()).isEqualTo("high");
            assertThat(view.path("sla").path("policy").asText()).isEqualTo("high/gold");
            assertThat(view.path("assignee").asText()).isEqualTo(expert.toString());
        });
        JsonNode sla = caseView(caseId).get("sla");
        // high × gold: 2 h first response, 16 h resolution, round the clock, from when the case opened
        Instant firstResponseDue = Instant.parse(sla.get("firstResponseDue").asText());
        assertThat(firstResponseDue).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(2)));
        assertThat(Duration.between(firstResponseDue, Instant.parse(sla.get("resolutionDue").asText())))
                .isEqualTo(Duration.ofHours(14));

        List<JsonNode> history = history(caseId);
        assertThat(count(history, "CaseClassified")).isEqualTo(1);
        assertThat(count(history, "CasePriorityChanged")).isEqualTo(1);
        assertThat(count(history, "SlaTargetsSet")).isEqualTo(1);
        assertThat(count(history, "CaseAssigned")).isEqualTo(1);
        JsonNode assigned = history.stream().filter(e -> e.get("type").asText().equals("CaseAssigned")).findFirst()
                .orElseThrow();
        assertThat(assigned.get("actor").asText()).isEqualTo("routing-service");
        assertThat(assigned.get("data").get("reason").asText()).isEqualTo("auto");
        assertThat(offline).isNotEqualTo(expert);

        JsonNode decisions = routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId)
                .retrieve().body(JsonNode.class);
        JsonNode classified = find(decisions, "classified");
        // the classifier is sure; the rule that matched too is kept in the explanation
        assertThat(classified.get("detail").get("source").asText()).isEqualTo("classifier");
        assertThat(classified.get("detail").get("rulePattern").asText()).contains("charged twice");
        JsonNode assignment = find(decisions, "assigned");
        assertThat(assignment.get("detail").get("candidates")).hasSize(2);
        assertThat(assignment.get("detail").get("candidates").get(0).get("agentId").asText())
                .isEqualTo(expert.toString());
    }

    @Test
    void aCaseNobodyCanTakeWaitsAndIsAssignedWhenSomeoneComesOnline() {
        UUID caseId = openCase("Where is my parcel", "The tracking page has not moved", "standard", "email");
        await(Duration.ofSeconds(30), () -> {
            JsonNode view = caseView(caseId);
            assertThat(view.get("queue").asText()).isEqualTo("Deliveries");
            assertThat(view.path("sla").path("resolutionDue").isMissingNode()).isFalse();
        });
        assertThat(caseView(caseId).path("assignee").isNull() || caseView(caseId).path("assignee").isMissingNode())
                .isTrue();

        UUID courierExpert = registerAgent(Map.of("Deliveries", 3), 2);
        setAvailability(courierExpert, "online");

        await(Duration.ofSeconds(30), () ->
                assertThat(caseView(caseId).path("assignee").asText()).isEqualTo(courierExpert.toString()));
    }

    @Test
    void aManualAssignmentStaysWhenTheAgentGoesOfflineWhileRoutedCasesMove() {
        UUID first = registerAgent(Map.of("Login", 4), 5);
        setAvailability(first, "online");
        UUID routed = openCase("Cannot log in", "password reset never arrives", "standard", "chat");
        UUID manual = openCase("Sign in broken", "locked out again", "standard", "chat");
        await(Duration.ofSeconds(30), () -> {
            assertThat(caseView(routed).path("assignee").asText()).isEqualTo(first.toString());
            assertThat(caseView(manual).path("assignee").asText()).isEqualTo(first.toString());
        });
        UUID second = registerAgent(Map.of("Login", 2), 5);
        setAvailability(second, "online");
        // a lead hands the second case to the second agent and back: a person's decision now, never undone
        ResponseEntity<JsonNode> byLead = commands(Role.LEAD, "lead-lisa").post()
                .uri("/api/cases/{id}/assignment", manual).body(Map.of("agentId", second.toString()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(byLead.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> back = commands(Role.LEAD, "lead-lisa").post()
                .uri("/api/cases/{id}/assignment", manual).body(Map.of("agentId", first.toString()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(back.getStatusCode().value()).isEqualTo(200);
        await(Duration.ofSeconds(30), () -> assertThat(routingDecisionKinds(manual)).contains("manual-assignment"));

        setAvailability(first, "offline");

        await(Duration.ofSeconds(30), () ->
                assertThat(caseView(routed).path("assignee").asText()).isEqualTo(second.toString()));
        List<JsonNode> routedHistory = history(routed);
        assertThat(routedHistory.getLast().get("data").get("reason").asText()).isEqualTo("agent-offline");
        // the manually assigned case stays with the agent the lead chose
        assertThat(caseView(manual).path("assignee").asText()).isEqualTo(first.toString());
        assertThat(history(manual).stream().filter(e -> e.get("actor").asText().equals("routing-service")
                && e.get("type").asText().equals("CaseAssigned")).count()).isEqualTo(1);
    }

    private List<String> routingDecisionKinds(UUID caseId) {
        JsonNode decisions = routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId)
                .retrieve().body(JsonNode.class);
        return decisions.path("decisions").findValuesAsText("kind");
    }

    private static JsonNode find(JsonNode decisions, String kind) {
        for (JsonNode decision : decisions.get("decisions")) {
            if (decision.get("kind").asText().equals(kind)) {
                return decision;
            }
        }
        throw new AssertionError("no " + kind + " decision in " + decisions);
    }
}
