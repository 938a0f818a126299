package org.casestream.command.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.support.pruning.PruningJob;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * Command ids and intake keys are kept for their retention (30 days each here, as in application.yml) and then
 * pruned: within it a retry changes nothing, after it the retry is new. Which channel owns a case is kept for as
 * long as the case.
 */
class PruningIntegrationTest extends IntegrationTest {

    private static final String PAST_RETENTION = "31 days";

    @Autowired
    private PruningJob pruning;

    private RestClient channel(String name) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.CHANNEL, "apikey:" + name, Map.of("channel", name)));
    }

    private static Map<String, Object> ticket(String externalRef) {
        return Map.of("customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com"),
                "subject", "Cannot log in", "description", "The reset mail never arrives", "externalRef", externalRef);
    }

    private static ResponseEntity<JsonNode> open(RestClient channel, String key, String externalRef) {
        return channel.post().uri("/api/intake/tickets").header("Idempotency-Key", key).body(ticket(externalRef))
                .retrieve().toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> reply(RestClient channel, String field, String value) {
        return channel.post().uri("/api/intake/replies").body(Map.of(field, value, "body", "Any news?"))
                .retrieve().toEntity(JsonNode.class);
    }

    private JsonNode escalate(String caseId, String key) {
        ResponseEntity<JsonNode> escalated = as(Role.ROUTING, "routing-service").post()
                .uri("/api/cases/{id}/escalations", caseId).header("Idempotency-Key", key)
                .body(Map.of("reason", "SLA breached")).retrieve().toEntity(JsonNode.class);
        assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.OK);
        return escalated.getBody();
    }

    private long commandIds(String key, String caseId) {
        return jdbc.sql("SELECT count(*) FROM processed_command WHERE command_id = ?")
                .param("routing-service:" + key + ":" + caseId).query(Long.class).single();
    }

    private long intakeRequests(String key) {
        return jdbc.sql("SELECT count(*) FROM intake_request WHERE idempotency_key = ?").param(key)
                .query(Long.class).single();
    }

    @Test
    void aCommandIdIsAppliedOnceWithinItsRetentionAndAgainAfterIt() {
        String caseId = open(channel("web"), "k-" + UUID.randomUUID(), "ref-" + UUID.randomUUID()).getBody()
                .get("caseId").asText();
        String old = "breach-" + UUID.randomUUID();
        String fresh = "breach-" + UUID.randomUUID();
        escalate(caseId, old);
        assertThat(escalate(caseId, fresh).get("escalationLevel").asInt()).isEqualTo(2);
        jdbc.sql("UPDATE processed_command SET processed_at = now() - CAST(? AS interval) WHERE command_id = ?")
                .params(PAST_RETENTION, "routing-service:" + old + ":" + caseId).update();

        pruning.prune();

        assertThat(commandIds(old, caseId)).as("past its retention").isZero();
        assertThat(commandIds(fresh, caseId)).as("within its retention").isEqualTo(1);
        assertThat(escalate(caseId, fresh).get("escalationLevel").asInt()).as("a retry within it changes nothing")
                .isEqualTo(2);
        assertThat(escalate(caseId, old).get("escalationLevel").asInt()).as("a retry after it is a new command")
                .isEqualTo(3);
    }

    @Test
    void anIntakeKeyIsForgottenAfterItsRetentionWhileItsChannelKeepsTheCase() {
        RestClient web = channel("web");
        String oldKey = "k-" + UUID.randomUUID();
        String oldRef = "ref-" + UUID.randomUUID();
        String freshKey = "k-" + UUID.randomUUID();
        JsonNode old = open(web, oldKey, oldRef).getBody();
        JsonNode fresh = open(web, freshKey, "ref-" + UUID.randomUUID()).getBody();
        String caseId = old.get("caseId").asText();
        String caseNumber = old.get("caseNumber").asText();
        jdbc.sql("UPDATE intake_request SET created_at = now() - CAST(? AS interval) WHERE idempotency_key = ?")
                .params(PAST_RETENTION, oldKey).update();

        pruning.prune();

        assertThat(intakeRequests(oldKey)).as("past its retention").isZero();
        assertThat(intakeRequests(freshKey)).as("within its retention").isEqualTo(1);
        ResponseEntity<JsonNode> retried = open(web, freshKey, fresh.get("externalRef").asText());
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.getBody()).isEqualTo(fresh);

        ResponseEntity<JsonNode> byNumber = reply(web, "caseNumber", caseNumber);
        assertThat(byNumber.getStatusCode()).as("the channel still owns its case").isEqualTo(HttpStatus.CREATED);
        assertThat(byNumber.getBody().get("caseId").asText()).isEqualTo(caseId);
        assertThat(reply(web, "externalRef", oldRef).getBody().get("caseId").asText()).isEqualTo(caseId);
        assertThat(reply(channel("chat"), "caseNumber", caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (String status : new String[] {"inprogress", "done"}) {
            as(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", status)).retrieve()
                    .toBodilessEntity();
        }
        assertThat(web.post().uri("/api/cases/{id}/satisfaction", caseId).body(Map.of("rating", 5)).retrieve()
                .toEntity(JsonNode.class).getStatusCode()).as("its rating too").isEqualTo(HttpStatus.OK);
        assertThat(channel("chat").post().uri("/api/cases/{id}/satisfaction", caseId).body(Map.of("rating", 1))
                .retrieve().toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> reopened = open(web, oldKey, oldRef);
        assertThat(reopened.getStatusCode()).as("a key retried after its retention opens a new case")
                .isEqualTo(HttpStatus.CREATED);
        assertThat(reopened.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        String newCase = reopened.getBody().get("caseId").asText();
        assertThat(newCase).isNotEqualTo(caseId);
        assertThat(reply(web, "externalRef", oldRef).getBody().get("caseId").asText())
                .as("a reference names the newest case it opened").isEqualTo(newCase);
        assertThat(reply(web, "caseNumber", caseNumber).getBody().get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void casesOpenedBeforeKeepTheirOwnerWhenTheLedgerMoves() {
        String url = TestInfrastructure.createDatabase("command_case_owner_migration");
        Flyway.configure().dataSource(url, "postgres", "").target("5").load().migrate();
        JdbcClient before = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        UUID byChannel = UUID.randomUUID();
        UUID byAgent = UUID.randomUUID();
        before.sql("""
                        INSERT INTO intake_request (channel, idempotency_key, external_ref, request_hash, case_id,
                                                    response, case_number, origin, created_at)
                        VALUES ('email', 'k1', 'mail-1', repeat('a', 64), ?, '{}', 'CS-5001', 'channel', now() - interval '90 days'),
                               ('phone', 'k2', NULL, repeat('b', 64), ?, '{}', 'CS-5002', 'agent', now())""")
                .params(byChannel, byAgent).update();

        Flyway.configure().dataSource(url, "postgres", "").load().migrate();

        assertThat(before.sql("SELECT case_id, channel, case_number, external_ref FROM case_owner")
                .query((rs, row) -> rs.getObject(1, UUID.class) + " " + rs.getString(2) + " " + rs.getString(3)
                        + " " + rs.getString(4)).list())
                .as("the channel's case only: an agent's belongs to no channel")
                .containsExactly(byChannel + " email CS-5001 mail-1");
        assertThat(before.sql("SELECT count(*) FROM intake_request").query(Long.class).single())
                .as("the keys stay until their retention").isEqualTo(2);
    }
}
