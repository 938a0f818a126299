package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.Customers.Customer;
import org.casestream.systemtests.GatewayClient.ApiKey;
import org.casestream.systemtests.GatewayClient.Bearer;
import org.casestream.systemtests.GatewayClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A ticket's whole life through the gateway only: a channel posts it with its API key (and retries), routing
 * classifies, prioritises, sets the SLA and assigns it to the one online agent skilled in its queue, an agent
 * replies and adds an internal note the channel never sees, and closes it; the read side, the dashboard, the
 * live stream and the case history all show it.
 */
@ExtendWith(PlatformExtension.class)
class TicketLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Platform platform;
    private static GatewayClient gateway;
    private static String agentId;

    @BeforeAll
    static void agentOnline(Platform started) {
        platform = started;
        gateway = platform.gateway();
        // Login is this test's queue: an online agent skilled in it, with room for the case
        Response registered = gateway.post("/api/agents", platform.admin(), Map.of(
                "name", "Lifecycle Agent " + platform.runId(),
                "email", "lifecycle-agent-" + platform.runId() + "@staff.example.test",
                "skills", List.of(Map.of("queue", "Login", "level", 4)),
                "capacity", 20));
        agentId = registered.expect(201).json().path("agentId").asText();
        gateway.put("/api/agents/" + agentId + "/availability", platform.admin(), Map.of("availability", "online"))
                .expect(200);
    }

    @Test
    void aTicketIsRoutedWorkedAndClosedAndEveryViewShowsIt() {
        ApiKey web = platform.apiKey("web");
        Bearer agent = platform.person("agent");
        Customer customer = platform.customers().next("platinum");
        String idempotencyKey = "st-" + UUID.randomUUID();
        String externalRef = "web-form-" + UUID.randomUUID();
        Map<String, Object> ticket = Map.of(
                "customer", customer.body(),
                "subject", "Cannot sign in since yesterday",
                "description", "The password reset mail never arrives, I tried three times.",
                "externalRef", externalRef);

        try (EventStream stream = EventStream.open(gateway, platform.person("lead"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");

            Response opened = gateway.post("/api/intake/tickets", web, ticket, Map.of("Idempotency-Key", idempotencyKey))
                    .expect(201);
            JsonNode receipt = opened.json();
            String caseId = receipt.path("caseId").asText();
            assertThat(receipt.path("caseNumber").asText()).matches("CS-\\d+");
            assertThat(receipt.path("channel").asText()).isEqualTo("web");
            assertThat(opened.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);

            // a retry with the same key, and another post of the same externalRef, are the same case
            Response retried = gateway.post("/api/intake/tickets", web, ticket, Map.of("Idempotency-Key", idempotencyKey))
                    .expect(201);
            assertThat(retried.json().path("caseId").asText()).isEqualTo(caseId);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            Response sameRef = gateway.post("/api/intake/tickets", web, ticket,
                    Map.of("Idempotency-Key", "st-" + UUID.randomUUID())).expect(201);
            assertThat(sameRef.json().path("caseId").asText()).isEqualTo(caseId);

            // routing: Login (a sign-in problem), high (a platinum customer), SLA from the matrix, our agent
            JsonNode routed = awaitCase(caseId, agent, view -> !view.path("assignee").isMissingNode()
                    && !view.path("assignee").isNull() && !view.path("sla").path("resolutionDue").isMissingNode());
            assertThat(routed.path("queue").asText()).isEqualTo("Login");
            assertThat(routed.path("priority").asText()).isEqualTo("high");
            // ours, unless another test has put a Login agent online too: then any online one skilled in Login
            JsonNode assignee = gateway.get("/api/agents/" + routed.path("assignee").asText(), agent).expect(200).json();
            assertThat(assignee.path("availability").asText()).isEqualTo("online");
            assertThat(assignee.path("skills").findValuesAsText("queue")).contains("Login");
            Instant openedAt = Instant.parse(routed.path("openedAt").asText());
            Instant firstResponseDue = Instant.parse(routed.path("sla").path("firstResponseDue").asText());
            Instant resolutionDue = Instant.parse(routed.path("sla").path("resolutionDue").asText());
            // high × platinum: first response within 60 minutes, resolution within 480 (no calendar)
            assertThat(Duration.between(openedAt, firstResponseDue)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
            assertThat(Duration.between(openedAt, resolutionDue)).isBetween(Duration.ofMinutes(479), Duration.ofMinutes(481));

            // the agent works it: a reply, an internal note, in progress, done
            gateway.post("/api/cases/" + caseId + "/status", agent, Map.of("status", "inprogress")).expect(200);
            gateway.post("/api/cases/" + caseId + "/comments", agent,
                    Map.of("body", "We are resending the reset mail now.", "visibility", "public")).success();
            gateway.post("/api/cases/" + caseId + "/comments", agent,
                    Map.of("body", "Mail relay shows a soft bounce for this domain.", "visibility", "internal")).success();
            gateway.post("/api/cases/" + caseId + "/status", agent, Map.of("status", "done")).expect(200);

            JsonNode done = awaitCase(caseId, agent, view -> view.path("status").asText().equals("done")
                    && view.path("comments").size() == 2);
            assertThat(done.path("resolvedAt").isMissingNode()).isFalse();
            List<String> internal = new ArrayList<>();
            done.path("comments").forEach(comment -> {
                if (comment.path("internal").asBoolean()) {
                    internal.add(comment.path("body").asText());
                }
            });
            assertThat(internal).containsExactly("Mail relay shows a soft bounce for this domain.");

            // the channel reads its case, but never the internal note
            JsonNode seenByChannel = gateway.get("/api/cases/" + caseId, web).expect(200).json();
            assertThat(seenByChannel.path("comments").size()).isEqualTo(1);
            assertThat(seenByChannel.toString()).doesNotContain("soft bounce");

            // the history: every event, oldest first, with its actor
            JsonNode history = gateway.get("/api/cases/" + caseId + "/history", agent).expect(200).json();
            List<String> types = new ArrayList<>();
            history.forEach(entry -> types.add(entry.path("type").asText()));
            assertThat(types.getFirst()).isEqualTo("CaseOpened");
            assertThat(types).contains("CaseClassified", "SlaTargetsSet", "CaseAssigned", "CommentAdded", "CaseStatusChanged");
            assertThat(types.stream().filter("CommentAdded"::equals)).hasSize(2);
            assertThat(history.get(0).path("actor").asText()).isNotBlank();

            // as it was when it was opened: new and unclassified (served by the command side)
            Instant openedEventAt = Instant.parse(history.get(0).path("at").asText());
            JsonNode asOpened = gateway.get("/api/cases/" + caseId + "?asOf=" + openedEventAt.plusMillis(1), agent)
                    .expect(200).json();
            assertThat(asOpened.path("status").asText()).isEqualTo("new");

            // the live stream carried the changes, up to done
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(stream.events())
                    .filteredOn(event -> event.data().path("summary").path("caseId").asText().equals(caseId))
                    .extracting(event -> event.data().path("summary").path("status").asText())
                    .contains("new", "done"));
            assertThat(stream.events()).allSatisfy(event -> assertThat(event.name()).isEqualTo("case"));

            // the dashboard counts it, and agrees with the case list status by status
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode dashboard = gateway.get("/api/dashboard", agent).expect(200).json();
                assertThat(dashboard.path("byQueueAndStatus").path("Login").path("done").asLong()).isPositive();
                for (String status : List.of("new", "inprogress", "done")) {
                    long listed = gateway.get("/api/cases?status=" + status + "&limit=1", agent).expect(200)
                            .json().path("total").asLong();
                    assertThat(dashboard.path("byStatus").path(status).asLong()).as(status).isEqualTo(listed);
                }
                assertThat(dashboard.path("agents").findValuesAsText("agentId")).contains(agentId);
            });
        }
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndNothingIsStored() {
        ApiKey chat = platform.apiKey("chat");
        String externalRef = "chat-" + UUID.randomUUID();
        Response refused = gateway.post("/api/intake/tickets", chat, Map.of(
                "customer", Map.of("name", "", "email", "not-an-address"), "externalRef", externalRef));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .contains("subject", "customer.email");
        // nothing half-stored: the same externalRef with a good body makes a new case
        Customer customer = platform.customers().next("standard");
        Response opened = gateway.post("/api/intake/tickets", chat, Map.of(
                "customer", customer.body(), "subject", "Where is my parcel", "externalRef", externalRef)).expect(201);
        assertThat(opened.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    }

    private static JsonNode awaitCase(String caseId, Bearer reader, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] seen = new JsonNode[1];
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                Response response = gateway.get("/api/cases/" + caseId, reader);
                if (response.status() != 200) {
                    return false;
                }
                seen[0] = response.json();
                return ready.test(seen[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("Case " + caseId + " was not ready within " + PATIENCE + "; the read side last showed "
                    + (seen[0] == null ? "nothing" : seen[0].toString()) + "; routing's decisions: "
                    + gateway.get("/api/routing/decisions/" + caseId, reader).body(), timeout);
        }
        return seen[0];
    }
}
