package org.casestream.query.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casestream.events.AuthorType;
import org.casestream.events.Availability;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.Topics;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CommentAdded;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * An agent's own day from the query side: the agent their login works as (with its load), their open cases soonest
 * due first, and "unread" until they read a case, again when the customer writes after that.
 */
class MyWorkIntegrationTest extends QueryIntegrationTest {

    private final UUID mine = UUID.randomUUID();
    private final UUID theirs = UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<UUID, CaseScript> scripts = new HashMap<>();

    private RestClient agent(String user, UUID agentId) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.AGENT, user, Map.of("agentId", agentId.toString())));
    }

    @Test
    void myCasesAreMineAndOpenSoonestDueFirstAndUnreadUntilRead() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        CaseScript me = new CaseScript(now.minus(2, ChronoUnit.DAYS));
        records.add(me.then(new AgentRegistered(mine, "Mira", "mira@example.com", List.of(new Skill(Queue.LOGIN, 3)), 4,
                null)));
        records.add(me.then(new AgentAvailabilityChanged(mine, Availability.ONLINE, Availability.OFFLINE)));
        UUID later = UUID.randomUUID();
        UUID soonest = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID noSla = UUID.randomUUID();
        records.addAll(myCase(later, mine, now.plus(5, ChronoUnit.HOURS), false));
        records.addAll(myCase(soonest, mine, now.plus(1, ChronoUnit.HOURS), false));
        records.addAll(myCase(done, mine, now.plus(2, ChronoUnit.HOURS), true));
        records.addAll(myCase(other, theirs, now.plus(1, ChronoUnit.HOURS), false));
        records.addAll(myCase(noSla, mine, null, false));
        awaitApplied(consumer, publish(Topics.CASE_EVENTS, records));
        RestClient mira = agent("mira-" + mine, mine);

        JsonNode agent = mira.get().uri("/api/agents/me").retrieve().body(JsonNode.class);
        assertThat(agent.get("agentId").asText()).isEqualTo(mine.toString());
        assertThat(agent.get("availability").asText()).isEqualTo("online");
        assertThat(agent.get("capacity").asInt()).isEqualTo(4);
        assertThat(agent.get("load").asLong()).as("three open cases assigned").isEqualTo(3);

        JsonNode cases = mira.get().uri("/api/me/cases").retrieve().body(JsonNode.class);
        assertThat(cases.get("items").findValuesAsText("caseId"))
                .containsExactly(soonest.toString(), later.toString(), noSla.toString());
        assertThat(cases.get("unread").asLong()).as("nothing read yet").isEqualTo(3);
        assertThat(mira.get().uri("/api/cases?assignee=me&status=new,inprogress&sort=slaDue").retrieve()
                .body(JsonNode.class).get("items").findValuesAsText("caseId"))
                .as("assignee=me on the list is the same set").containsExactly(soonest.toString(), later.toString(),
                        noSla.toString());

        assertThat(mira.put().uri("/api/me/cases/{id}/read", soonest).retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(204);
        JsonNode afterReading = mira.get().uri("/api/me/cases").retrieve().body(JsonNode.class);
        assertThat(unread(afterReading)).containsExactly(later.toString(), noSla.toString());
        assertThat(agent("someone-else", mine).get().uri("/api/me/cases").retrieve().body(JsonNode.class)
                .get("unread").asLong()).as("read marks are each login's own").isEqualTo(3);

        awaitApplied(consumer, publish(Topics.CASE_EVENTS, List.of(scripts.get(soonest).thenAt(
                Instant.now().plusSeconds(1), new CommentAdded(soonest, UUID.randomUUID(), null, AuthorType.CUSTOMER,
                        "cust", "Cora", Visibility.PUBLIC, "Any news?", List.of())))));
        assertThat(unread(mira.get().uri("/api/me/cases").retrieve().body(JsonNode.class)))
                .as("the customer wrote after I read it").contains(soonest.toString());
    }

    @Test
    void aLoginLinkedToNoAgentIsToldSo() {
        RestClient unlinked = as(Role.AGENT);
        ResponseEntity<JsonNode> agent = unlinked.get().uri("/api/agents/me").retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> cases = unlinked.get().uri("/api/me/cases").retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> list = unlinked.get().uri("/api/cases?assignee=me").retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> unknownCase = agent("mira", mine).put().uri("/api/me/cases/{id}/read",
                UUID.randomUUID()).retrieve().toEntity(JsonNode.class);

        assertThat(agent.getStatusCode().value()).isEqualTo(404);
        assertThat(cases.getStatusCode().value()).isEqualTo(400);
        assertThat(cases.getBody().get("errors").findValuesAsText("field")).containsExactly("assignee");
        assertThat(list.getStatusCode().value()).isEqualTo(400);
        assertThat(list.getBody().get("errors").findValuesAsText("field")).containsExactly("assignee");
        assertThat(unknownCase.getStatusCode().value()).isEqualTo(404);
        assertThat(as(Role.CHANNEL).get().uri("/api/me/cases").retrieve().toEntity(JsonNode.class).getStatusCode()
                .value()).isEqualTo(403);
    }

    private static List<String> unread(JsonNode cases) {
        List<String> unread = new ArrayList<>();
        cases.get("items").forEach(item -> {
            if (item.get("unread").asBoolean()) {
                unread.add(item.get("caseId").asText());
            }
        });
        return unread;
    }

    /** A case opened a day ago, assigned, with an SLA due at {@code due} (none when null), done when asked. */
    private List<ProducerRecord<String, byte[]>> myCase(UUID caseId, UUID assignee, Instant due, boolean close) {
        CaseScript script = CaseScript.assignedCase(caseId, Queue.LOGIN, assignee, now.minus(1, ChronoUnit.DAYS),
                due, close);
        scripts.put(caseId, script);
        return script.records();
    }
}
