package org.casestream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casestream.events.Availability;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.Topics;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * A lead's team from the query side, fed through the real broker: the agents who share a queue skill with the lead's
 * own agent (not one who shares none, not the lead), each with load and open cases soonest due first and at most 20
 * of them; everyone for a login linked to no agent; leads and admins only.
 */
class MyTeamIntegrationTest extends QueryIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final UUID lead = UUID.randomUUID();
    private final UUID teammate = UUID.randomUUID();
    private final UUID busy = UUID.randomUUID();
    private final UUID outsider = UUID.randomUUID();

    private RestClient linked(Role role, UUID agentId) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(role, "team-" + run, Map.of("agentId", agentId.toString())));
    }

    @Test
    void aLeadsTeamSharesAQueueWithThemAndShowsTheirOpenCasesSoonestDueFirst() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.addAll(agent(lead, "Lena Lead " + run, List.of(new Skill(Queue.REFUNDS, 5))));
        records.addAll(agent(teammate, "Theo Mate " + run, List.of(new Skill(Queue.ORDERS, 3),
                new Skill(Queue.REFUNDS, 1))));
        records.addAll(agent(busy, "Bea Busy " + run, List.of(new Skill(Queue.REFUNDS, 2))));
        records.addAll(agent(outsider, "Otto Side " + run, List.of(new Skill(Queue.ORDERS, 4))));
        UUID later = UUID.randomUUID();
        UUID soonest = UUID.randomUUID();
        UUID noSla = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        records.addAll(assignedCase(later, teammate, now.plus(5, ChronoUnit.HOURS), false));
        records.addAll(assignedCase(soonest, teammate, now.plus(1, ChronoUnit.HOURS), false));
        records.addAll(assignedCase(noSla, teammate, null, false));
        records.addAll(assignedCase(done, teammate, now.plus(2, ChronoUnit.HOURS), true));
        for (int i = 0; i < MyTeamController.CASES_SHOWN + 1; i++) {
            records.addAll(assignedCase(UUID.randomUUID(), busy, now.plus(i + 1, ChronoUnit.HOURS), false));
        }
        records.addAll(assignedCase(UUID.randomUUID(), outsider, now.plus(1, ChronoUnit.HOURS), false));
        awaitApplied(consumer, publish(Topics.CASE_EVENTS, records));

        JsonNode team = linked(Role.LEAD, lead).get().uri("/api/me/team").retrieve().body(JsonNode.class);

        assertThat(team.at("/lead/agentId").asText()).isEqualTo(lead.toString());
        assertThat(team.get("queues").toString()).isEqualTo("[\"Refunds\"]");
        List<String> members = team.get("members").findValuesAsText("agentId");
        assertThat(members).contains(teammate.toString(), busy.toString())
                .doesNotContain(outsider.toString(), lead.toString());
        JsonNode theo = member(team, teammate);
        assertThat(theo.get("availability").asText()).isEqualTo("online");
        assertThat(theo.get("capacity").asInt()).isEqualTo(30);
        assertThat(theo.get("load").asLong()).isEqualTo(3);
        assertThat(theo.get("openCases").asLong()).isEqualTo(3);
        assertThat(theo.get("cases").findValuesAsText("caseId"))
                .containsExactly(soonest.toString(), later.toString(), noSla.toString());
        assertThat(theo.get("cases").get(0).get("slaState").asText()).isEqualTo("at-risk");
        JsonNode bea = member(team, busy);
        assertThat(bea.get("openCases").asLong()).isEqualTo(MyTeamController.CASES_SHOWN + 1);
        assertThat(bea.get("cases")).as("bounded").hasSize(MyTeamController.CASES_SHOWN);

        JsonNode everyone = as(Role.ADMIN).get().uri("/api/me/team").retrieve().body(JsonNode.class);
        assertThat(everyone.get("lead")).as("an admin linked to no agent leads everyone").isNull();
        assertThat(everyone.get("members").findValuesAsText("agentId"))
                .contains(lead.toString(), teammate.toString(), busy.toString(), outsider.toString());
        assertThat(linked(Role.ADMIN, outsider).get().uri("/api/me/team").retrieve().body(JsonNode.class)
                .get("members").findValuesAsText("agentId")).as("an admin linked to an agent leads its queues")
                .contains(teammate.toString()).doesNotContain(busy.toString(), outsider.toString());
    }

    @Test
    void onlyLeadsAndAdminsHaveATeam() {
        for (Role role : List.of(Role.AGENT, Role.MANAGER, Role.OPS, Role.CHANNEL)) {
            assertThat(as(role).get().uri("/api/me/team").retrieve().toBodilessEntity().getStatusCode().value())
                    .as(role.name()).isEqualTo(403);
        }
        assertThat(linked(Role.AGENT, lead).get().uri("/api/me/team").retrieve().toBodilessEntity().getStatusCode()
                .value()).as("an agent linked to an agent has no team either").isEqualTo(403);
        assertThat(as(Role.LEAD).get().uri("/api/me/team").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(linked(Role.LEAD, UUID.randomUUID()).get().uri("/api/me/team").retrieve().toBodilessEntity()
                .getStatusCode().value()).as("linked to an agent the query side does not know").isEqualTo(404);
    }

    private static JsonNode member(JsonNode team, UUID agentId) {
        for (JsonNode member : team.get("members")) {
            if (member.get("agentId").asText().equals(agentId.toString())) {
                return member;
            }
        }
        throw new AssertionError("no member " + agentId);
    }

    private List<ProducerRecord<String, byte[]>> agent(UUID agentId, String name, List<Skill> skills) {
        CaseScript script = new CaseScript(now.minus(3, ChronoUnit.DAYS));
        return List.of(script.then(new AgentRegistered(agentId, name, "team-" + run + "@example.com", skills, 30, null)),
                script.then(new AgentAvailabilityChanged(agentId, Availability.ONLINE, Availability.OFFLINE)));
    }

    private List<ProducerRecord<String, byte[]>> assignedCase(UUID caseId, UUID assignee, Instant due, boolean close) {
        return CaseScript.assignedCase(caseId, Queue.REFUNDS, assignee, now.minus(1, ChronoUnit.DAYS), due, close)
                .records();
    }
}
