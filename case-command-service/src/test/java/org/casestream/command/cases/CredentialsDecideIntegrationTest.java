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
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Who acted, as what, and on whose case comes from the caller's credentials, never from the body: a channel
 * reaches only the cases its own channel opened; agents comment as agents; SLA targets, breaches and rule
 * decisions come only from the routing service's identity; ratings come from the customer's channel; a person
 * sets only their own availability unless they lead.
 */
class CredentialsDecideIntegrationTest extends IntegrationTest {

    private RestClient channel(String name) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.CHANNEL, "apikey:" + name, Map.of("channel", name)));
    }

    private RestClient routing() {
        return as(Role.ROUTING, "routing-service");
    }

    /** The notification service's identity as the gateway's token endpoint issues it. */
    private RestClient notificationService() {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.NOTIFICATION, "notification-service", Map.of("channel", "email")));
    }

    private JsonNode openThrough(RestClient client, Map<String, Object> extra) {
        Map<String, Object> ticket = new java.util.HashMap<>(Map.of(
                "customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com"),
                "subject", "Cannot log in", "description", "The reset mail never arrives",
                "externalRef", "ref-" + UUID.randomUUID()));
        ticket.putAll(extra);
        ResponseEntity<JsonNode> opened = client.post().uri("/api/intake/tickets").body(ticket).retrieve()
                .toEntity(JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return opened.getBody();
    }

    private ResponseEntity<JsonNode> reply(RestClient client, Map<String, Object> address) {
        Map<String, Object> body = new java.util.HashMap<>(address);
        body.put("body", "Any news?");
        return client.post().uri("/api/intake/replies").body(body).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(RestClient client, String caseId, String action, Object body) {
        return client.post().uri("/api/cases/{id}/" + action, caseId).body(body).retrieve().toEntity(JsonNode.class);
    }

    private List<String> types(String caseId) {
        List<String> types = new ArrayList<>();
        as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class)
                .forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    @Test
    void aChannelRepliesOnlyToCasesItsOwnChannelOpened() {
        JsonNode webCase = openThrough(channel("web"), Map.of());
        String webNumber = webCase.get("caseNumber").asText();

        ResponseEntity<JsonNode> byNumber = reply(channel("chat"), Map.of("caseNumber", webNumber));
        ResponseEntity<JsonNode> byRef = reply(channel("chat"),
                Map.of("externalRef", webCase.get("externalRef").asText()));
        assertThat(byNumber.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byRef.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byNumber.getBody().toString()).doesNotContain(webCase.get("caseId").asText());

        ResponseEntity<JsonNode> ownReply = reply(channel("web"), Map.of("caseNumber", webNumber));
        assertThat(ownReply.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(types(webCase.get("caseId").asText())).containsExactly("CaseOpened", "CommentAdded");
    }

    @Test
    void theNotificationServiceOpensTicketsAndPassesRepliesAsTheEmailChannelAndDoesNothingElse() {
        JsonNode mailCase = openThrough(notificationService(), Map.of());
        String caseId = mailCase.get("caseId").asText();
        assertThat(mailCase.get("channel").asText()).isEqualTo("email");
        assertThat(reply(notificationService(), Map.of("caseNumber", mailCase.get("caseNumber").asText()))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reply(channel("email"), Map.of("caseNumber", mailCase.get("caseNumber").asText()))
                .getStatusCode()).as("the email channel's own case").isEqualTo(HttpStatus.CREATED);

        JsonNode webCase = openThrough(channel("web"), Map.of());
        assertThat(reply(notificationService(), Map.of("caseNumber", webCase.get("caseNumber").asText()))
                .getStatusCode()).as("another channel's case").isEqualTo(HttpStatus.NOT_FOUND);

        RestClient mail = notificationService();
        assertThat(post(mail, caseId, "comments", Map.of("body", "as an agent?")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(mail, caseId, "status", Map.of("status", "done")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(mail, caseId, "classification", Map.of("queue", "Login")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(mail, caseId, "satisfaction", Map.of("rating", 5)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mail.get().uri("/api/cases/{id}/history", caseId).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mail.post().uri("/api/cases").body(Map.of("customer", Map.of("name", "A", "email", "a@example.com"),
                "subject", "x", "channel", "email")).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(types(caseId)).containsExactly("CaseOpened", "CommentAdded", "CommentAdded");
    }

    @Test
    void aChannelCannotReplyToACaseAnAgentOpenedForItsChannel() {
        ResponseEntity<JsonNode> opened = as(Role.AGENT, "grace").post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"),
                        "subject", "Charged twice", "channel", "web"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> reply = reply(channel("web"), Map.of("caseNumber",
                opened.getBody().get("caseNumber").asText()));

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(types(opened.getBody().get("caseId").asText())).containsExactly("CaseOpened");
    }

    @Test
    void aChannelsPriorityIsAHintThatRoutingDecidesOn() {
        JsonNode opened = openThrough(channel("web"), Map.of("priority", "critical", "channel", "phone"));

        assertThat(opened.get("priority").asText()).isEqualTo("medium");
        assertThat(opened.get("channel").asText()).isEqualTo("web");
        JsonNode data = as(Role.AGENT).get().uri("/api/cases/{id}/history", opened.get("caseId").asText())
                .retrieve().body(JsonNode.class).get(0).get("data");
        assertThat(data.get("priority").asText()).isEqualTo("medium");
        assertThat(data.get("requestedPriority").asText()).isEqualTo("critical");
        assertThat(data.get("origin").asText()).isEqualTo("channel");
    }

    @Test
    void agentsCommentAsAgentsWhateverTheBodySays() {
        String caseId = openThrough(channel("web"), Map.of()).get("caseId").asText();

        ResponseEntity<JsonNode> asCustomer = post(as(Role.AGENT, "mallory"), caseId, "comments",
                Map.of("body", "I am the customer now", "authorType", "customer"));
        ResponseEntity<JsonNode> asSystem = post(as(Role.AGENT, "mallory"), caseId, "comments",
                Map.of("body", "System says so", "authorType", "system"));

        assertThat(asCustomer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asCustomer.getBody().toString()).contains("authorType");
        assertThat(asSystem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(types(caseId)).containsExactly("CaseOpened");

        ResponseEntity<JsonNode> reply = post(as(Role.AGENT, "grace"), caseId, "comments",
                Map.of("body", "We are on it", "authorType", "agent"));
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode comment = reply.getBody().get("comments").get(0);
        assertThat(comment.get("authorType").asText()).isEqualTo("agent");
        assertThat(comment.get("authorId").asText()).isEqualTo("grace");
    }

    @Test
    void onlyRoutingSetsSlaTargetsRecordsBreachesAndRuleDecisions() {
        String caseId = openThrough(channel("web"), Map.of()).get("caseId").asText();
        Instant due = Instant.now().plusSeconds(3600);
        Map<String, Object> targets = Map.of("firstResponseDue", due.toString(),
                "resolutionDue", due.plusSeconds(3600).toString(), "policy", "high/gold");

        for (Role person : List.of(Role.AGENT, Role.LEAD, Role.ADMIN)) {
            assertThat(post(as(person), caseId, "sla-targets", targets).getStatusCode())
                    .as(person + " sets SLA targets").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(as(person), caseId, "sla-breaches", Map.of("target", "first-response"))
                    .getStatusCode()).as(person + " records a breach").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(as(person), caseId, "classification", Map.of("queue", "Login", "source", "rule"))
                    .getStatusCode()).as(person + " claims a rule decided").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(as(person), caseId, "assignment", Map.of("agentId", UUID.randomUUID().toString(),
                    "reason", "escalation")).getStatusCode()).as(person + " claims an escalation moved it")
                    .isIn(HttpStatus.FORBIDDEN);
        }
        assertThat(types(caseId)).containsExactly("CaseOpened");

        assertThat(post(routing(), caseId, "sla-targets", targets).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(routing(), caseId, "classification", Map.of("queue", "Login", "source", "rule"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(as(Role.AGENT), caseId, "classification", Map.of("queue", "Orders")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode history = as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        assertThat(history.get(2).get("data").get("source").asText()).isEqualTo("rule");
        assertThat(history.get(3).get("data").get("source").asText()).isEqualTo("manual");
    }

    @Test
    void theCustomersRatingComesThroughTheirChannelOnly() {
        JsonNode opened = openThrough(channel("web"), Map.of());
        String caseId = opened.get("caseId").asText();
        assertThat(post(channel("web"), caseId, "satisfaction", Map.of("rating", 4)).getStatusCode())
                .as("a case not yet done").isEqualTo(HttpStatus.CONFLICT);
        post(as(Role.AGENT), caseId, "status", Map.of("status", "inprogress"));
        post(as(Role.AGENT), caseId, "status", Map.of("status", "done"));

        assertThat(post(as(Role.AGENT), caseId, "satisfaction", Map.of("rating", 5)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(channel("chat"), caseId, "satisfaction", Map.of("rating", 1)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(types(caseId)).doesNotContain("SatisfactionRated");

        ResponseEntity<JsonNode> rated = post(channel("web"), caseId, "satisfaction", Map.of("rating", 4));
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rated.getBody().get("satisfaction").get("rating").asInt()).isEqualTo(4);
        assertThat(rated.getBody().toString()).doesNotContain("comments");
    }

    @Test
    void anAgentSetsOnlyTheirOwnAvailabilityAndLeadsSetAnyones() {
        String mine = register("ines");
        String theirs = register("otto");
        RestClient ines = Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.AGENT, "ines", Map.of("agentId", mine)));

        ResponseEntity<JsonNode> other = ines.put().uri("/api/agents/{id}/availability", theirs)
                .body(Map.of("availability", "offline")).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> unlinked = as(Role.AGENT).put().uri("/api/agents/{id}/availability", theirs)
                .body(Map.of("availability", "offline")).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> own = ines.put().uri("/api/agents/{id}/availability", mine)
                .body(Map.of("availability", "online")).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> byLead = as(Role.LEAD).put().uri("/api/agents/{id}/availability", theirs)
                .body(Map.of("availability", "away")).retrieve().toEntity(JsonNode.class);

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unlinked.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().get("availability").asText()).isEqualTo("online");
        assertThat(byLead.getBody().get("availability").asText()).isEqualTo("away");
    }

    @Test
    void anAgentSetsTheirOwnAvailabilityAsMeWithoutKnowingTheirId() {
        String mine = register("mara");
        RestClient mara = Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.AGENT, "mara", Map.of("agentId", mine)));

        ResponseEntity<JsonNode> away = mara.put().uri("/api/agents/me/availability")
                .body(Map.of("availability", "away")).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> unlinked = as(Role.AGENT).put().uri("/api/agents/me/availability")
                .body(Map.of("availability", "online")).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> bad = mara.put().uri("/api/agents/me/availability")
                .body(Map.of("availability", "asleep")).retrieve().toEntity(JsonNode.class);

        assertThat(away.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(away.getBody().get("agentId").asText()).isEqualTo(mine);
        assertThat(away.getBody().get("availability").asText()).isEqualTo("away");
        assertThat(unlinked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mara.get().uri("/api/agents/{id}", mine).retrieve().body(JsonNode.class).get("availability")
                .asText()).as("a refused change changes nothing").isEqualTo("away");
    }

    private String register(String name) {
        return as(Role.ADMIN).post().uri("/api/agents")
                .body(Map.of("name", name, "email", name + "@example.com",
                        "skills", List.of(Map.of("queue", "Payments", "level", 4)), "capacity", 5))
                .retrieve().body(JsonNode.class).get("agentId").asText();
    }
}
