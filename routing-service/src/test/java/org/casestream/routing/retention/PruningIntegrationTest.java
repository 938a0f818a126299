package org.casestream.routing.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.casestream.support.pruning.PruningJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decisions log (why each case went where it went) is kept for 180 days, as in application.yml; routing's
 * state, from which it decides (cases, SLA timers, fired ones included), is never pruned.
 */
class PruningIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private PruningJob pruning;

    @Autowired
    private JdbcClient jdbc;

    private void decision(UUID caseId, String kind, String ago) {
        jdbc.sql("INSERT INTO routing.decisions (case_id, at, kind, detail) "
                        + "VALUES (?, now() - CAST(? AS interval), ?, '{}'::jsonb)")
                .params(caseId, ago, kind).update();
    }

    private ResponseEntity<JsonNode> decisionsOf(UUID caseId) {
        return routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", caseId).retrieve()
                .toEntity(JsonNode.class);
    }

    @Test
    void decisionsGoAfterTheirRetentionWhileRoutingStateStays() {
        UUID recent = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        decision(recent, "classified", "181 days");
        decision(recent, "assigned", "179 days");
        decision(old, "classified", "200 days");
        jdbc.sql("INSERT INTO routing.sla_timers (case_id, target, due_at, fired_at) "
                + "VALUES (?, 'resolution', now() - interval '400 days', now() - interval '400 days')").param(old)
                .update();

        pruning.prune();

        assertThat(decisionsOf(recent).getBody().path("decisions").findValuesAsText("kind"))
                .containsExactly("assigned");
        assertThat(decisionsOf(old).getBody().path("decisions")).as("the old case's decisions are gone").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM routing.sla_timers WHERE case_id = ?").param(old)
                .query(Long.class).single()).as("a fired timer keeps its target from breaching twice").isEqualTo(1);
    }
}
