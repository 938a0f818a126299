package org.casestream.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * A case with a long history is snapshotted (here every 20 events) and loaded from its latest snapshot plus the
 * events after it, by a freshly started instance with nothing cached: everything the rules need survives, i.e. the
 * comment ids (a reply to an old comment is accepted, to an unknown one refused), the status and the tags.
 */
class SnapshotIntegrationTest {

    private static final Map<String, String> EVERY_20 = Map.of("casestream.snapshots.every", "20");

    @Test
    void aCaseLoadedFromItsSnapshotKeepsEveryRuleItsHistoryGave() {
        String database = TestInfrastructure.createDatabase("snapshots_" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> settings = new java.util.HashMap<>(EVERY_20);
        settings.put("spring.datasource.url", database);
        String caseId;
        List<String> commentIds = new ArrayList<>();
        try (ConfigurableApplicationContext first = IntegrationTest.startInstance(settings)) {
            RestClient agent = agent(first);
            caseId = agent.post().uri("/api/cases").body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"),
                    "subject", "Snapshot me", "description", "A long story", "channel", "phone", "tags", List.of("vip")))
                    .retrieve().body(JsonNode.class).get("caseId").asText();
            assertThat(post(agent, caseId, "status", Map.of("status", "inprogress")).getStatusCode().value()).isEqualTo(200);
            for (int i = 0; i < 45; i++) {
                ResponseEntity<JsonNode> added = post(agent, caseId, "comments", Map.of("body", "Reply " + i));
                assertThat(added.getStatusCode().value()).as("comment %d: %s", i, added.getBody()).isEqualTo(201);
                JsonNode comments = added.getBody().get("comments");
                commentIds.add(comments.get(comments.size() - 1).get("commentId").asText());
            }
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            long snapshotAt = jdbc.sql("SELECT coalesce(max(sequence_number), -1) FROM snapshot_event_entry "
                    + "WHERE aggregate_identifier = ?").param(caseId).query(Long.class).single();
            assertThat(snapshotAt).as("latest snapshot's sequence").isGreaterThanOrEqualTo(20);
        }

        try (ConfigurableApplicationContext second = IntegrationTest.startInstance(settings)) {
            RestClient agent = agent(second);
            ResponseEntity<JsonNode> reply = post(agent, caseId, "comments",
                    Map.of("body", "About your first message", "parentId", commentIds.getFirst()));
            assertThat(reply.getStatusCode().value()).as("%s", reply.getBody()).isEqualTo(201);
            ResponseEntity<JsonNode> orphan = post(agent, caseId, "comments",
                    Map.of("body", "Hi", "parentId", UUID.randomUUID().toString()));
            assertThat(orphan.getStatusCode().value()).isEqualTo(422);
            ResponseEntity<JsonNode> backwards = post(agent, caseId, "status", Map.of("status", "new"));
            assertThat(backwards.getStatusCode().value()).isGreaterThanOrEqualTo(400);
            JsonNode done = post(agent, caseId, "status", Map.of("status", "done")).getBody();
            assertThat(done.get("status").asText()).isEqualTo("done");
            assertThat(done.get("tags")).extracting(JsonNode::asText).containsExactly("vip");
            JsonNode history = agent.get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
            // opened, in progress, first response, 45 replies, the late reply, done: the snapshots are not history
            assertThat(history.size()).isEqualTo(1 + 1 + 1 + 45 + 1 + 1);
        }
    }

    private static RestClient agent(ConfigurableApplicationContext instance) {
        return Callers.as("http://localhost:" + Instances.port(instance), Role.AGENT, "grace");
    }

    private static ResponseEntity<JsonNode> post(RestClient client, String caseId, String action, Object body) {
        return client.post().uri("/api/cases/{id}/" + action, caseId).body(body).retrieve().toEntity(JsonNode.class);
    }
}
