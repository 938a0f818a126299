package org.casestream.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseReopened;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;

/**
 * Events written before CaseAssigned v2 and CaseReopened v2 existed are still in the store as v1 JSON. Reading them
 * goes through the catalogue's upcaster: history, as-of and the aggregate itself see today's shape.
 */
class StoredV1EventsIntegrationTest extends IntegrationTest {

    @Test
    void aStoredV1AssignmentReadsAsV2Everywhere() {
        String caseId = as(Role.AGENT).post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Old case",
                        "channel", "email"))
                .retrieve().body(JsonNode.class).get("caseId").asText();
        String agentId = UUID.randomUUID().toString();
        String v1 = "{\"caseId\":\"" + caseId + "\",\"agentId\":\"" + agentId + "\"}";
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        VALUES (:id, :meta, :payload, '1', :type, :at, :caseId, 1, 'CaseAggregate')""")
                .param("id", UUID.randomUUID().toString())
                .param("meta", "{\"actor\":\"legacy-import\"}".getBytes(StandardCharsets.UTF_8))
                .param("payload", v1.getBytes(StandardCharsets.UTF_8))
                .param("type", CaseAssigned.class.getName())
                .param("at", Instant.now().toString())
                .param("caseId", caseId)
                .update();

        JsonNode history = as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        JsonNode assigned = history.get(1);
        assertThat(assigned.get("type").asText()).isEqualTo("CaseAssigned");
        assertThat(assigned.get("version").asInt()).isEqualTo(2);
        assertThat(assigned.get("data").get("reason").asText()).isEqualTo("manual");
        assertThat(assigned.get("actor").asText()).isEqualTo("legacy-import");

        JsonNode now = as(Role.AGENT).get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
        assertThat(now.get("assignee").asText()).isEqualTo(agentId);

        JsonNode unassigned = as(Role.AGENT).post().uri("/api/cases/{id}/assignment", caseId).body(Map.of())
                .retrieve().body(JsonNode.class);
        assertThat(unassigned.get("assignee")).as("the aggregate rebuilt the v1 assignment").isNull();
    }

    @Test
    void aStoredV1ReopeningReadsAsACustomersReply() {
        String caseId = as(Role.AGENT).post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Old case",
                        "channel", "email"))
                .retrieve().body(JsonNode.class).get("caseId").asText();
        for (String status : new String[] {"inprogress", "done"}) {
            as(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", status)).retrieve()
                    .toBodilessEntity();
        }
        String v1 = "{\"caseId\":\"" + caseId + "\",\"status\":\"inprogress\",\"commentId\":\""
                + UUID.randomUUID() + "\"}";
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        VALUES (:id, :meta, :payload, '1', :type, :at, :caseId, 3, 'CaseAggregate')""")
                .param("id", UUID.randomUUID().toString())
                .param("meta", "{\"actor\":\"legacy-import\"}".getBytes(StandardCharsets.UTF_8))
                .param("payload", v1.getBytes(StandardCharsets.UTF_8))
                .param("type", CaseReopened.class.getName())
                .param("at", Instant.now().toString())
                .param("caseId", caseId)
                .update();

        JsonNode reopened = as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve()
                .body(JsonNode.class).get(3);
        assertThat(reopened.get("type").asText()).isEqualTo("CaseReopened");
        assertThat(reopened.get("version").asInt()).isEqualTo(2);
        assertThat(reopened.at("/data/source").asText()).isEqualTo("customer-reply");

        JsonNode done = as(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "done"))
                .retrieve().body(JsonNode.class);
        assertThat(done.get("status").asText()).as("the aggregate rebuilt the v1 reopening").isEqualTo("done");
    }
}
