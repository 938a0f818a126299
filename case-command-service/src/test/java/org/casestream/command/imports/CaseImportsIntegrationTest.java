package org.casestream.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A case closed in another help desk comes over with its history: every event carries the instant it happened
 * there, in the store, the history and on the topic, marked as imported; importing it again imports nothing; bad
 * history is refused field by field with nothing stored.
 */
class CaseImportsIntegrationTest extends IntegrationTest {

    private final Instant opened = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private RestClient admin() {
        return as(Role.ADMIN, "ada-admin");
    }

    private String agent() {
        return admin().post().uri("/api/agents").body(Map.of("name", "Grace", "email", "grace@example.com",
                "capacity", 5, "skills", List.of(Map.of("queue", "Refunds", "level", 3))))
                .retrieve().body(JsonNode.class).get("agentId").asText();
    }

    private Map<String, Object> closedCase(String externalRef, String agentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalRef", externalRef);
        body.put("customer", Map.of("name", "Ada", "email", "ada@example.com"));
        body.put("subject", "Refund for the blue jacket");
        body.put("description", "I sent it back two weeks ago");
        body.put("channel", "email");
        body.put("queue", "Refunds");
        body.put("priority", "high");
        body.put("openedAt", opened.toString());
        body.put("assignee", agentId);
        body.put("firstResponseDue", opened.plus(2, ChronoUnit.HOURS).toString());
        body.put("resolutionDue", opened.plus(1, ChronoUnit.DAYS).toString());
        body.put("comments", List.of(
                Map.of("at", opened.plus(3, ChronoUnit.HOURS).toString(), "author", "agent", "authorName", "Grace",
                        "body", "The refund is on its way."),
                Map.of("at", opened.plus(1, ChronoUnit.HOURS).toString(), "author", "customer",
                        "body", "Any news?"),
                Map.of("at", opened.plus(4, ChronoUnit.HOURS).toString(), "author", "agent",
                        "visibility", "internal", "body", "Checked with finance")));
        body.put("resolvedAt", opened.plus(2, ChronoUnit.DAYS).toString());
        body.put("rating", 4);
        return body;
    }

    @Test
    void aClosedCaseComesOverWithEveryEventAtTheInstantItHappenedAndOnlyOnce() {
        String agentId = agent();
        String externalRef = "zendesk-" + UUID.randomUUID();
        var consumer = caseEventsConsumer();

        ResponseEntity<JsonNode> imported = admin().post().uri("/api/imports/cases")
                .body(closedCase(externalRef, agentId)).retrieve().toEntity(JsonNode.class);
        assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(201);
        String caseId = imported.getBody().get("caseId").asText();

        JsonNode history = admin().get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        List<String> steps = new ArrayList<>();
        history.forEach(entry -> steps.add(entry.get("type").asText() + "@"
                + Duration.between(opened, Instant.parse(entry.get("at").asText())).toMinutes()));
        assertThat(steps).containsExactly("CaseOpened@0", "SlaTargetsSet@0", "CaseAssigned@0", "CommentAdded@60",
                "CaseStatusChanged@180", "CommentAdded@180", "FirstResponseRecorded@180", "CommentAdded@240",
                "CaseStatusChanged@2880", "SatisfactionRated@2880");
        history.forEach(entry -> assertThat(entry.get("actor").asText()).isEqualTo("import:ada-admin"));
        JsonNode state = admin().get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
        assertThat(state.get("status").asText()).isEqualTo("done");
        assertThat(state.get("queue").asText()).isEqualTo("Refunds");
        assertThat(state.get("assignee").asText()).isEqualTo(agentId);

        List<EventEnvelope> published = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recordsFor(consumer, List.of(caseId), 10,
                Duration.ofSeconds(30))) {
            published.add(CloudEventsKafka.fromRecord(record).orElseThrow());
        }
        assertThat(published).hasSize(10).allMatch(EventEnvelope::imported);
        assertThat(published.getFirst().time()).isEqualTo(opened);
        assertThat(published.getLast().time()).isEqualTo(opened.plus(2, ChronoUnit.DAYS));

        long events = eventCount();
        ResponseEntity<JsonNode> again = admin().post().uri("/api/imports/cases")
                .body(closedCase(externalRef, agentId)).retrieve().toEntity(JsonNode.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("caseId").asText()).isEqualTo(caseId);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badHistoryIsRefusedNamingEachFieldAndNothingIsStored() {
        String agentId = agent();
        Map<String, Object> bad = closedCase("zendesk-" + UUID.randomUUID(), UUID.randomUUID().toString());
        bad.put("resolvedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        bad.put("resolutionDue", null);
        bad.put("comments", List.of(
                Map.of("at", opened.minus(1, ChronoUnit.HOURS).toString(), "author", "agent", "body", "Early"),
                Map.of("at", opened.plus(1, ChronoUnit.HOURS).toString(), "author", "customer",
                        "visibility", "internal", "body", "Secret")));
        long events = eventCount();

        ResponseEntity<JsonNode> refused = admin().post().uri("/api/imports/cases").body(bad).retrieve()
                .toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "resolvedAt", "resolutionDue", "assignee", "comments[0].at", "comments[1].visibility");

        Map<String, Object> noQueue = closedCase("zendesk-" + UUID.randomUUID(), agentId);
        noQueue.put("queue", "Nowhere");
        ResponseEntity<JsonNode> unknownQueue = admin().post().uri("/api/imports/cases").body(noQueue).retrieve()
                .toEntity(JsonNode.class);
        assertThat(unknownQueue.getBody().get("errors").findValuesAsText("field")).containsExactly("queue");
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);

        assertThat(as(Role.AGENT).post().uri("/api/imports/cases").body(closedCase("x", agentId)).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }
}
