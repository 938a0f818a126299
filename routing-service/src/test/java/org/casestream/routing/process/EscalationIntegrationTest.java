package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class EscalationIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aBreachedFirstResponseIsRecordedEscalatedRaisedAndHandedToALead() {
        double breachesBefore = meters.counter("casestream.sla.breaches", "target", "first-response").count();
        UUID agent = registerAgent(Map.of("Orders", 2), 5);
        setAvailability(agent, "online");
        UUID caseId = openCase("Cancel my order", "I ordered the wrong colour", "standard", "web");
        await(Duration.ofSeconds(30), () -> {
            JsonNode view = caseView(caseId);
            assertThat(view.path("assignee").asText()).isEqualTo(agent.toString());
            assertThat(view.path("sla").path("policy").asText()).isEqualTo("medium/standard@office");
        });
        UUID lead = registerAgent(Map.of("Orders", 5), 3);
        setAvailability(lead, "online");

        // new SLA targets (only the routing role may set them) make the first response due three seconds from
        // now; routing's timer follows the event
        Instant due = Instant.now().plusSeconds(3);
        ResponseEntity<JsonNode> set = commands(Role.ROUTING, "sla-test").post().uri("/api/cases/{id}/sla-targets", caseId)
                .body(Map.of("firstResponseDue", due.toString(),
                        "resolutionDue", Instant.now().plus(Duration.ofDays(2)).toString(), "policy", "test"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(set.getStatusCode().value()).isEqualTo(200);

        await(Duration.ofSeconds(40), () -> {
            JsonNode view = caseView(caseId);
            assertThat(view.path("sla").path("breached").toString()).contains("first-response");
            assertThat(view.get("escalationLevel").asInt()).isEqualTo(1);
            assertThat(view.get("priority").asText()).isEqualTo("high");
            assertThat(view.path("assignee").asText()).isEqualTo(lead.toString());
        });
        List<JsonNode> history = history(caseId);
        assertThat(count(history, "SlaBreached")).isEqualTo(1);
        assertThat(count(history, "CaseEscalated")).isEqualTo(1);
        JsonNode breach = history.stream().filter(e -> e.get("type").asText().equals("SlaBreached")).findFirst()
                .orElseThrow();
        // fired no earlier than due
        assertThat(Instant.parse(breach.get("at").asText())).isAfterOrEqualTo(due);
        JsonNode handOver = history.stream().filter(e -> e.get("type").asText().equals("CaseAssigned"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(handOver.get("data").get("reason").asText()).isEqualTo("escalation");
        assertThat(handOver.get("data").get("agentId").asText()).isEqualTo(lead.toString());
        // what the dashboard shows: the breach counted, and the case's routing timed from its opening
        assertThat(meters.counter("casestream.sla.breaches", "target", "first-response").count())
                .isEqualTo(breachesBefore + 1);
        assertThat(meters.get("casestream.routing.latency").timer().count()).isPositive();
    }
}
