package org.casestream.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The dashboard as of an instant, folded from the event store: a case opened after the instant is not counted at it,
 * one moved on after it is counted as it was, SLA and agents' load as they stood then; who may ask, and what a bad
 * instant gets. Every figure is compared with the same dashboard at an earlier instant, so other tests' cases in
 * the shared store do not matter.
 */
class DashboardAsOfIntegrationTest extends IntegrationTest {

    @Test
    void theDashboardAtAnInstantCountsTheCasesAsTheyWereThen() throws InterruptedException {
        RestClient agent = as(Role.AGENT);
        RestClient routing = as(Role.ROUTING, "routing-service");
        Instant before = tick();
        String agentId = as(Role.ADMIN).post().uri("/api/agents")
                .body(Map.of("name", "Asa Of", "email", "asa@example.com",
                        "skills", List.of(Map.of("queue", "Refunds", "level", 3)), "capacity", 4))
                .retrieve().body(JsonNode.class).get("agentId").asText();
        String first = open(agent, "Refund not received");
        agent.post().uri("/api/cases/{id}/priority", first).body(Map.of("priority", "critical")).retrieve()
                .toBodilessEntity();
        // due in 30 minutes: at risk within the hour's window
        routing.post().uri("/api/cases/{id}/sla-targets", first).body(Map.of(
                        "firstResponseDue", Instant.now().plus(30, ChronoUnit.MINUTES).toString(),
                        "resolutionDue", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .retrieve().toBodilessEntity();
        Instant then = tick();

        String second = open(agent, "Parcel lost");
        routing.post().uri("/api/cases/{id}/sla-targets", second).body(Map.of(
                        "resolutionDue", Instant.now().minus(1, ChronoUnit.MINUTES).toString()))
                .retrieve().toBodilessEntity();
        agent.post().uri("/api/cases/{id}/assignment", first).body(Map.of("agentId", agentId)).retrieve()
                .toBodilessEntity();
        for (String status : List.of("inprogress", "done")) {
            agent.post().uri("/api/cases/{id}/status", first).body(Map.of("status", status)).retrieve()
                    .toBodilessEntity();
        }
        Instant now = tick();

        JsonNode atBefore = dashboard(agent, before);
        JsonNode atThen = dashboard(agent, then);
        JsonNode atNow = dashboard(agent, now);

        assertThat(atThen.get("asOf").asText()).isEqualTo(then.toString());
        // then: the first case new and critical, at risk; the second not opened yet
        assertThat(delta(atBefore, atThen, "byStatus", "new")).isEqualTo(1);
        assertThat(delta(atBefore, atThen, "byStatus", "done")).isZero();
        assertThat(delta(atBefore, atThen, "openByPriority", "critical")).isEqualTo(1);
        assertThat(atThen.at("/criticalOpen/count").asLong() - atBefore.at("/criticalOpen/count").asLong()).isEqualTo(1);
        assertThat(atThen.at("/criticalOpen/cases").findValuesAsText("caseId")).contains(first);
        assertThat(atThen.at("/sla/atRisk").asLong() - atBefore.at("/sla/atRisk").asLong()).isEqualTo(1);
        assertThat(atThen.at("/sla/breached").asLong()).isEqualTo(atBefore.at("/sla/breached").asLong());
        assertThat(atThen.at("/byQueueAndStatus/Unclassified/new").asLong()
                - atBefore.at("/byQueueAndStatus/Unclassified/new").asLong()).isEqualTo(1);
        JsonNode asaThen = agentRow(atThen, agentId);
        assertThat(asaThen.get("load").asLong()).isZero();
        assertThat(agentRow(atBefore, agentId)).as("not registered before").isNull();

        // now: the first case done by Asa (resolved today, no longer critical open), the second new and breached
        assertThat(delta(atThen, atNow, "byStatus", "new")).isZero();
        assertThat(delta(atThen, atNow, "byStatus", "done")).isEqualTo(1);
        assertThat(delta(atThen, atNow, "openByPriority", "critical")).isEqualTo(-1);
        assertThat(atNow.at("/criticalOpen/cases").findValuesAsText("caseId")).doesNotContain(first);
        assertThat(atNow.at("/sla/breached").asLong() - atThen.at("/sla/breached").asLong()).isEqualTo(1);
        assertThat(atNow.at("/sla/atRisk").asLong() - atThen.at("/sla/atRisk").asLong()).isEqualTo(-1);
        JsonNode asaNow = agentRow(atNow, agentId);
        assertThat(asaNow.get("load").asLong()).isZero();
        assertThat(asaNow.get("resolvedToday").asLong()).isEqualTo(1);
        assertThat(asaNow.get("capacity").asInt()).isEqualTo(4);
        assertThat(atNow.get("volume")).hasSize(14);
        assertThat(atNow.get("volume").get(13).get("resolved").asLong()
                - atThen.get("volume").get(13).get("resolved").asLong()).isEqualTo(1);
    }

    @Test
    void aStoredV1AssignmentCountsAsTheAgentsLoad() throws InterruptedException {
        String agentId = as(Role.ADMIN).post().uri("/api/agents")
                .body(Map.of("name", "Old Timer", "email", "old@example.com", "skills", List.of(), "capacity", 2))
                .retrieve().body(JsonNode.class).get("agentId").asText();
        String caseId = open(as(Role.AGENT), "Imported case");
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        VALUES (:id, :meta, :payload, '1', :type, :at, :caseId, 1, 'CaseAggregate')""")
                .param("id", UUID.randomUUID().toString())
                .param("meta", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", ("{\"caseId\":\"" + caseId + "\",\"agentId\":\"" + agentId + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .param("type", CaseAssigned.class.getName())
                .param("at", Instant.now().toString())
                .param("caseId", caseId)
                .update();

        JsonNode now = dashboard(as(Role.AGENT), tick());

        assertThat(agentRow(now, agentId).get("load").asLong()).as("the v1 event upcast and folded").isEqualTo(1);
    }

    @Test
    void everyCaseReaderMayAskAndNobodyElse() {
        String asOf = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        for (Role role : List.of(Role.AGENT, Role.LEAD, Role.MANAGER, Role.ADMIN, Role.OPS)) {
            assertThat(status(as(role), asOf)).as(role.name()).isEqualTo(200);
        }
        for (Role role : List.of(Role.CHANNEL, Role.ROUTING, Role.NOTIFICATION)) {
            assertThat(status(as(role), asOf)).as(role.name()).isEqualTo(403);
        }
    }

    @Test
    void anInstantThatIsMissingUnreadableInTheFutureOrTooLongAgoIsA400NamingIt() {
        RestClient agent = as(Role.AGENT);
        for (String bad : List.of("", "yesterday", "2026-13-40T00:00:00Z",
                Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                Instant.now().minus(Duration.ofDays(1100)).toString(), "-999999999-01-01T00:00:00Z")) {
            ResponseEntity<JsonNode> answer = agent.get().uri(uri -> uri.path("/api/dashboard")
                    .queryParam("asOf", bad).build()).retrieve().toEntity(JsonNode.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(bad).containsExactly("asOf");
        }
        ResponseEntity<JsonNode> missing = agent.get().uri("/api/dashboard").retrieve().toEntity(JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("errors").findValuesAsText("field")).containsExactly("asOf");
    }

    private static String open(RestClient agent, String subject) {
        return agent.post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", subject,
                        "channel", "email"))
                .retrieve().body(JsonNode.class).get("caseId").asText();
    }

    /** An instant strictly between what was stored before and what is stored after. */
    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant instant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        return instant;
    }

    private JsonNode dashboard(RestClient caller, Instant asOf) {
        return caller.get().uri(uri -> uri.path("/api/dashboard").queryParam("asOf", asOf.toString()).build())
                .retrieve().body(JsonNode.class);
    }

    private static int status(RestClient caller, String asOf) {
        return caller.get().uri(uri -> uri.path("/api/dashboard").queryParam("asOf", asOf).build()).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    private static long delta(JsonNode from, JsonNode to, String figure, String key) {
        return to.get(figure).get(key).asLong() - from.get(figure).get(key).asLong();
    }

    private static JsonNode agentRow(JsonNode dashboard, String agentId) {
        for (JsonNode row : dashboard.get("agents")) {
            if (row.get("agentId").asText().equals(agentId)) {
                return row;
            }
        }
        return null;
    }
}
