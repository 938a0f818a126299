package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case an agent corrects is the case routing knows: its new subject is what a re-queue teaches, its new customer's
 * tier what its next decisions go by, and it counts among that customer's cases when duplicates are looked for.
 */
class CaseCorrectionsIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aCorrectedSubjectAndCustomerAreWhatRoutingKnowsOfTheCase() {
        UUID caseId = openCase("Parcel never came", "Ordered last week, nothing arrived", "standard", "email");
        await(Duration.ofSeconds(30), () -> assertThat(row(caseId)).isNotNull());
        String customerId = commands(Role.AGENT, "agent-alan").post().uri("/api/customers")
                .body(Map.of("name", "Ada King", "email", "ada.king." + UUID.randomUUID() + "@example.com",
                        "tier", "platinum"))
                .retrieve().body(com.fasterxml.jackson.databind.JsonNode.class).path("customerId").asText();

        assertThat(commands(Role.AGENT, "agent-alan").put().uri("/api/cases/{id}/subject", caseId)
                .body(Map.of("subject", "Parcel lost in transit")).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(commands(Role.AGENT, "agent-alan").put().uri("/api/cases/{id}/customer", caseId)
                .body(Map.of("customerId", customerId)).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);

        await(Duration.ofSeconds(30), () -> {
            Map<String, Object> known = row(caseId);
            assertThat(known).containsEntry("subject", "Parcel lost in transit").containsEntry("tier", "platinum");
            assertThat(jdbc.sql("SELECT customer_id FROM routing.case_vectors WHERE case_id = ?").param(caseId)
                    .query(String.class).single()).isEqualTo(customerId);
        });
    }

    private Map<String, Object> row(UUID caseId) {
        return jdbc.sql("SELECT subject, tier FROM routing.cases WHERE case_id = ?").param(caseId).query()
                .listOfRows().stream().findFirst().orElse(null);
    }
}
