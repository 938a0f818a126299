package org.casestream.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** An agent works a case through the HTTP API; history, as-of and the audit log tell what happened. */
class CaseLifecycleIntegrationTest extends IntegrationTest {

    private RestClient agent() {
        return as(Role.AGENT, "grace");
    }

    private String openCase() {
        ResponseEntity<JsonNode> opened = agent().post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"),
                        "subject", "Charged twice", "description", "Two charges on my card", "channel", "phone",
                        "tags", List.of("Billing")))
                .retrieve().toEntity(JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return opened.getBody().get("caseId").asText();
    }

    private ResponseEntity<JsonNode> post(RestClient client, String caseId, String action, Object body) {
        return client.post().uri("/api/cases/{id}/" + action, caseId).body(body).retrieve().toEntity(JsonNode.class);
    }

    private String registerAgent(String name) {
        ResponseEntity<JsonNode> registered = as(Role.ADMIN).post().uri("/api/agents")
                .body(Map.of("name", name, "email", name + "@example.com",
                        "skills", List.of(Map.of("queue", "Payments", "level", 4)), "capacity", 5))
                .retrieve().toEntity(JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("availability").asText()).isEqualTo("offline");
        return registered.getBody().get("agentId").asText();
    }

    @Test
    void agentsOpenAndWorkACaseToDone() {
        String caseId = openCase();
        String agentId = registerAgent("grace");

        assertThat(post(agent(), caseId, "assignment", Map.of("agentId", agentId)).getBody().get("assignee").asText())
                .isEqualTo(agentId);
        assertThat(post(agent(), caseId, "priority", Map.of("priority", "high")).getBody().get("priority").asText())
                .isEqualTo("high");
        assertThat(post(agent(), caseId, "status", Map.of("status", "inprogress")).getBody().get("status").asText())
                .isEqualTo("inprogress");

        JsonNode reply = post(agent(), caseId, "comments", Map.of("body", "We refunded one charge")).getBody();
        String replyId = reply.get("comments").get(0).get("commentId").asText();
        JsonNode note = post(agent(), caseId, "comments",
                Map.of("body", "Card provider confirmed", "visibility", "internal", "parentId", replyId)).getBody();
        assertThat(note.get("comments")).hasSize(2);
        assertThat(note.get("comments").get(1).get("parentId").asText()).isEqualTo(replyId);
        assertThat(note.get("comments").get(1).get("visibility").asText()).isEqualTo("internal");
        assertThat(note.get("sla").get("firstRespondedAt")).isNotNull();

        assertThat(post(agent(), caseId, "escalations", Map.of("reason", "VIP")).getBody().get("escalationLevel").asInt())
                .isEqualTo(1);
        JsonNode done = post(agent(), caseId, "status", Map.of("status", "done")).getBody();
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("resolvedAt")).isNotNull();

        JsonNode history = agent().get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).containsExactly("CaseOpened", "CaseAssigned", "CasePriorityChanged", "CaseStatusChanged",
                "CommentAdded", "FirstResponseRecorded", "CommentAdded", "CaseEscalated", "CaseStatusChanged");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("grace");
            assertThat(entry.get("at").asText()).isNotBlank();
        });
        assertThat(history.get(1).get("data").get("reason").asText()).isEqualTo("manual");
        assertThat(history.get(1).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void illegalTransitionsAre409AndChangeNothing() {
        String caseId = openCase();

        ResponseEntity<JsonNode> skip = post(agent(), caseId, "status", Map.of("status", "done"));
        assertThat(skip.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(skip.getBody().get("detail").asText()).contains("new").contains("done");

        ResponseEntity<JsonNode> unassign = post(agent(), caseId, "assignment", Map.of());
        assertThat(unassign.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode history = agent().get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        assertThat(history).hasSize(1);
    }

    @Test
    void badReferencesAndBadBodiesNameTheirField() {
        String caseId = openCase();

        ResponseEntity<JsonNode> unknownParent = post(agent(), caseId, "comments",
                Map.of("body", "Hi", "parentId", UUID.randomUUID().toString()));
        assertThat(unknownParent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownParent.getBody().get("errors").get(0).get("field").asText()).isEqualTo("parentId");

        ResponseEntity<JsonNode> unknownAgent = post(agent(), caseId, "assignment",
                Map.of("agentId", UUID.randomUUID().toString()));
        assertThat(unknownAgent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownAgent.getBody().get("errors").get(0).get("field").asText()).isEqualTo("agentId");

        ResponseEntity<JsonNode> blank = post(agent(), caseId, "comments", Map.of("body", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().get("errors").get(0).get("field").asText()).isEqualTo("body");

        ResponseEntity<JsonNode> badStatus = post(agent(), caseId, "status", Map.of("status", "closed"));
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");

        ResponseEntity<JsonNode> missingCase = post(agent(), UUID.randomUUID().toString(), "status",
                Map.of("status", "inprogress"));
        assertThat(missingCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> badId = post(agent(), "not-a-uuid", "status", Map.of("status", "inprogress"));
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody().get("errors").get(0).get("field").asText()).isEqualTo("caseId");

        ResponseEntity<JsonNode> noChannel = agent().post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Hi"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(noChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noChannel.getBody().get("errors").get(0).get("field").asText()).isEqualTo("channel");

        assertThat(agent().get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class)).hasSize(1);
    }

    @Test
    void aCustomerReplyReopensADoneCase() {
        RestClient channel = as(Role.CHANNEL, "web-form");
        JsonNode opened = channel.post().uri("/api/intake/tickets")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Charged twice"))
                .retrieve().body(JsonNode.class);
        String caseId = opened.get("caseId").asText();
        post(agent(), caseId, "status", Map.of("status", "inprogress"));
        post(agent(), caseId, "status", Map.of("status", "done"));

        JsonNode reopened = channel.post().uri("/api/intake/replies")
                .body(Map.of("caseNumber", opened.get("caseNumber").asText(), "body", "It happened again"))
                .retrieve().body(JsonNode.class);

        assertThat(reopened.get("status").asText()).isEqualTo("inprogress");
        JsonNode now = agent().get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
        assertThat(now.get("resolvedAt")).isNull();
        assertThat(now.get("comments").get(0).get("authorType").asText()).isEqualTo("customer");
    }

    @Test
    void asOfShowsTheCaseAsItWasThen() throws InterruptedException {
        String caseId = openCase();
        post(agent(), caseId, "status", Map.of("status", "inprogress"));
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        post(agent(), caseId, "priority", Map.of("priority", "critical"));
        post(agent(), caseId, "comments", Map.of("body", "On it"));

        JsonNode then = agent().get().uri("/api/cases/{id}?asOf={at}", caseId, between.toString())
                .retrieve().body(JsonNode.class);
        JsonNode now = agent().get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);

        assertThat(then.get("status").asText()).isEqualTo("inprogress");
        assertThat(then.get("priority").asText()).isEqualTo("medium");
        assertThat(then.get("comments")).isEmpty();
        assertThat(then.get("tags").get(0).asText()).isEqualTo("billing");
        assertThat(now.get("priority").asText()).isEqualTo("critical");
        assertThat(now.get("comments")).hasSize(1);

        ResponseEntity<JsonNode> before = agent().get().uri("/api/cases/{id}?asOf={at}", caseId, "2000-01-01T00:00:00Z")
                .retrieve().toEntity(JsonNode.class);
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badInstant = agent().get().uri("/api/cases/{id}?asOf=yesterday", caseId)
                .retrieve().toEntity(JsonNode.class);
        assertThat(badInstant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badInstant.getBody().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void theAuditLogPagesEveryEventInLogOrder() {
        String first = openCase();
        String second = openCase();
        post(agent(), first, "status", Map.of("status", "inprogress"));

        List<JsonNode> all = new ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page = as(Role.OPS).get().uri("/api/audit?after={after}&limit=7", after).retrieve()
                    .body(JsonNode.class);
            page.get("items").forEach(all::add);
            if (page.get("items").isEmpty()) {
                break;
            }
            assertThat(page.get("items").size()).isLessThanOrEqualTo(7);
            after = page.get("nextAfter").asLong();
        }

        List<Long> positions = all.stream().map(entry -> entry.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        List<String> ours = all.stream().map(entry -> entry.get("subject").asText())
                .filter(subject -> subject.equals(first) || subject.equals(second)).toList();
        assertThat(ours).containsExactly(first, second, first);
        assertThat(as(Role.AGENT).get().uri("/api/audit").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCommandRetriedWithItsIdempotencyKeyIsAppliedOnce() {
        String caseId = openCase();
        RestClient routing = as(Role.ROUTING, "routing-service");

        for (int attempt = 0; attempt < 3; attempt++) {
            ResponseEntity<JsonNode> escalated = routing.post().uri("/api/cases/{id}/escalations", caseId)
                    .header("Idempotency-Key", "breach-42").body(Map.of("reason", "SLA breached"))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(escalated.getBody().get("escalationLevel").asInt()).isEqualTo(1);
        }
        JsonNode anotherKey = routing.post().uri("/api/cases/{id}/escalations", caseId)
                .header("Idempotency-Key", "breach-43").body(Map.of()).retrieve().body(JsonNode.class);
        assertThat(anotherKey.get("escalationLevel").asInt()).isEqualTo(2);

        JsonNode sameKeyOtherCaller = as(Role.LEAD, "someone-else").post().uri("/api/cases/{id}/escalations", caseId)
                .header("Idempotency-Key", "breach-42").body(Map.of()).retrieve().body(JsonNode.class);
        assertThat(sameKeyOtherCaller.get("escalationLevel").asInt()).as("keys are per caller").isEqualTo(3);

        ResponseEntity<JsonNode> badKey = routing.post().uri("/api/cases/{id}/escalations", caseId)
                .header("Idempotency-Key", "has spaces").body(Map.of()).retrieve().toEntity(JsonNode.class);
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKey.getBody().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void routingRecordsWhyItAssignedAndClassified() {
        String caseId = openCase();
        String agentId = registerAgent("ada");
        RestClient routing = as(Role.ROUTING, "routing-service");

        routing.post().uri("/api/cases/{id}/classification", caseId).body(Map.of("queue", "Payments", "source", "rule"))
                .retrieve().toBodilessEntity();
        routing.post().uri("/api/cases/{id}/assignment", caseId).body(Map.of("agentId", agentId, "reason", "auto"))
                .retrieve().toBodilessEntity();
        Map<String, Object> unassign = new java.util.HashMap<>();
        unassign.put("agentId", null);
        unassign.put("reason", "agent-offline");
        routing.post().uri("/api/cases/{id}/assignment", caseId).body(unassign).retrieve().toBodilessEntity();

        JsonNode history = agent().get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        assertThat(history.get(1).get("data").get("source").asText()).isEqualTo("rule");
        assertThat(history.get(2).get("data").get("reason").asText()).isEqualTo("auto");
        assertThat(history.get(3).get("type").asText()).isEqualTo("CaseUnassigned");
        assertThat(history.get(3).get("data").get("reason").asText()).isEqualTo("agent-offline");

        ResponseEntity<JsonNode> badSource = routing.post().uri("/api/cases/{id}/classification", caseId)
                .body(Map.of("queue", "Payments", "source", "guess")).retrieve().toEntity(JsonNode.class);
        assertThat(badSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSource.getBody().get("errors").get(0).get("field").asText()).isEqualTo("source");
    }

    @Test
    void bulkActionsAnswerPerCase() {
        String a = openCase();
        String b = openCase();
        post(agent(), b, "status", Map.of("status", "inprogress"));
        String missing = UUID.randomUUID().toString();

        JsonNode result = as(Role.LEAD).post().uri("/api/cases/bulk")
                .body(Map.of("caseIds", List.of(a, b, missing), "action", "status", "status", "inprogress"))
                .retrieve().body(JsonNode.class);

        assertThat(result.get("applied").asInt()).isEqualTo(1);
        assertThat(result.get("failed").asInt()).isEqualTo(2);
        assertThat(result.get("results").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(result.get("results").get(1).get("status").asInt()).isEqualTo(409);
        assertThat(result.get("results").get(2).get("status").asInt()).isEqualTo(404);

        ResponseEntity<JsonNode> incomplete = as(Role.LEAD).post().uri("/api/cases/bulk")
                .body(Map.of("caseIds", List.of(a), "action", "priority")).retrieve().toEntity(JsonNode.class);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().get("errors").get(0).get("field").asText()).isEqualTo("priority");

        JsonNode tagged = as(Role.LEAD).post().uri("/api/cases/bulk")
                .body(Map.of("caseIds", List.of(a, b), "action", "tag", "tags", List.of("Outage")))
                .retrieve().body(JsonNode.class);
        assertThat(tagged.get("applied").asInt()).isEqualTo(2);
        assertThat(agent().get().uri("/api/cases/{id}", b).retrieve().body(JsonNode.class).get("tags").toString())
                .contains("outage");
    }

    @Test
    void agentsChangeAvailabilityAndOnlyAdminsRegister() {
        String agentId = registerAgent("linus");

        RestClient linus = Callers.client("http://localhost:" + port,
                org.casestream.testkit.TestInfrastructure.token(Role.AGENT, "linus", Map.of("agentId", agentId)));
        JsonNode online = linus.put().uri("/api/agents/{id}/availability", agentId)
                .body(Map.of("availability", "online")).retrieve().body(JsonNode.class);
        assertThat(online.get("availability").asText()).isEqualTo("online");

        JsonNode skills = as(Role.LEAD).put().uri("/api/agents/{id}/skills", agentId)
                .body(Map.of("skills", List.of(Map.of("queue", "Refunds", "level", 2)), "capacity", 9))
                .retrieve().body(JsonNode.class);
        assertThat(skills.get("capacity").asInt()).isEqualTo(9);

        ResponseEntity<JsonNode> byAgent = as(Role.AGENT).post().uri("/api/agents")
                .body(Map.of("name", "x", "email", "x@example.com", "skills", List.of(), "capacity", 1))
                .retrieve().toEntity(JsonNode.class);
        assertThat(byAgent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> badLevel = as(Role.ADMIN).post().uri("/api/agents")
                .body(Map.of("name", "x", "email", "x@example.com",
                        "skills", List.of(Map.of("queue", "Refunds", "level", 9)), "capacity", -1))
                .retrieve().toEntity(JsonNode.class);
        assertThat(badLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        badLevel.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("capacity", "skills[0].level");
    }
}
