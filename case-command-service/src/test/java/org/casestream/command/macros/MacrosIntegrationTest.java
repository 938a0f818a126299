package org.casestream.command.macros;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Macros through the HTTP API: who keeps and sees which (shared ones leads and admins, personal ones their owner
 * alone), bad ones refused naming each field, and one applied to a case in one step: its text rendered for the case
 * and the agent, its actions, a MacroApplied in the history and on Kafka, its use counted; all of it or nothing.
 */
class MacrosIntegrationTest extends IntegrationTest {

    private RestClient person(Role role, String user, String displayName) {
        return Callers.as("http://localhost:" + port, role, user, Map.of("name", displayName));
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ResponseEntity<JsonNode> create(RestClient client, Map<String, ?> macro) {
        return client.post().uri("/api/macros").body(macro).retrieve().toEntity(JsonNode.class);
    }

    private static int status(RestClient client, String method, String uri, Object body) {
        RestClient.RequestBodySpec request = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static List<String> names(RestClient client) {
        JsonNode list = client.get().uri("/api/macros").retrieve().body(JsonNode.class);
        return list.findValuesAsText("name");
    }

    private String openCase(String customerName, String subject) {
        ResponseEntity<JsonNode> opened = as(Role.AGENT).post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", customerName, "email", "ada-" + UUID.randomUUID() + "@example.com"),
                        "subject", subject, "description", "Charged twice", "channel", "phone"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return opened.getBody().get("caseId").asText();
    }

    private List<String> historyTypes(String caseId) {
        List<String> types = new ArrayList<>();
        as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class)
                .forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private long usage(RestClient client, String macroId) {
        return client.get().uri("/api/macros/{id}", macroId).retrieve().body(JsonNode.class).path("usageCount").asLong(-1);
    }

    @Test
    void sharedMacrosAreKeptByLeadsAndAdminsPersonalOnesByTheirOwnerAlone() {
        RestClient ada = person(Role.AGENT, "agent-ada-" + UUID.randomUUID(), "Ada");
        RestClient bob = person(Role.AGENT, "agent-bob-" + UUID.randomUUID(), "Bob");
        RestClient lead = as(Role.LEAD);
        String shared = unique("Welcome");
        String mine = unique("My sign-off");

        ResponseEntity<JsonNode> refused = create(ada, Map.of("name", shared, "scope", "shared", "body", "Hello"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("scope");
        assertThat(names(lead)).doesNotContain(shared);

        ResponseEntity<JsonNode> created = create(lead, Map.of("name", shared, "scope", "shared",
                "body", "Hello {{customer.name}}"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sharedId = created.getBody().path("macroId").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/macros/" + sharedId);
        assertThat(created.getBody().path("scope").asText()).isEqualTo("shared");
        assertThat(created.getBody().path("owner").isMissingNode()).as("a shared macro has no owner").isTrue();
        assertThat(created.getBody().path("visibility").asText()).isEqualTo("public");
        assertThat(created.getBody().path("usageCount").asLong()).isZero();

        ResponseEntity<JsonNode> personal = create(ada, Map.of("name", mine, "body", "Best, {{agent.name}}",
                "visibility", "internal"));
        assertThat(personal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String mineId = personal.getBody().path("macroId").asText();
        assertThat(personal.getBody().path("scope").asText()).as("personal unless said otherwise").isEqualTo("personal");

        JsonNode adasList = ada.get().uri("/api/macros").retrieve().body(JsonNode.class);
        assertThat(adasList.findValuesAsText("name")).contains(shared, mine);
        for (JsonNode macro : adasList) {
            if (macro.path("macroId").asText().equals(sharedId)) {
                assertThat(macro.path("editable").asBoolean()).as("an agent may not change a shared macro").isFalse();
            }
            if (macro.path("macroId").asText().equals(mineId)) {
                assertThat(macro.path("editable").asBoolean()).isTrue();
            }
        }
        assertThat(names(bob)).contains(shared).doesNotContain(mine);
        assertThat(names(lead)).contains(shared).doesNotContain(mine);

        Map<String, String> change = Map.of("name", mine + " v2", "body", "Cheers");
        for (RestClient other : List.of(bob, lead, as(Role.ADMIN))) {
            assertThat(status(other, "GET", "/api/macros/" + mineId, null)).as("another's macro is not there").isEqualTo(404);
            assertThat(status(other, "PUT", "/api/macros/" + mineId, change)).isEqualTo(404);
            assertThat(status(other, "DELETE", "/api/macros/" + mineId, null)).isEqualTo(404);
        }
        assertThat(status(ada, "PUT", "/api/macros/" + sharedId, Map.of("name", shared, "body", "Hi"))).isEqualTo(403);
        assertThat(status(ada, "DELETE", "/api/macros/" + sharedId, null)).isEqualTo(403);
        assertThat(ada.get().uri("/api/macros/{id}", sharedId).retrieve().body(JsonNode.class).path("body").asText())
                .isEqualTo("Hello {{customer.name}}");

        JsonNode renamed = lead.put().uri("/api/macros/{id}", sharedId)
                .body(Map.of("name", shared + " v2", "body", "Hi {{customer.firstName}}",
                        "actions", Map.of("priority", "high", "tags", List.of("Welcome"))))
                .retrieve().body(JsonNode.class);
        assertThat(renamed.path("name").asText()).isEqualTo(shared + " v2");
        assertThat(renamed.path("actions").path("priority").asText()).isEqualTo("high");
        assertThat(renamed.path("actions").path("tags").get(0).asText()).isEqualTo("welcome");
        assertThat(status(lead, "PUT", "/api/macros/" + sharedId, Map.of("name", "x", "body", "y", "scope", "personal")))
                .as("the scope stays").isEqualTo(400);

        assertThat(ada.put().uri("/api/macros/{id}", mineId).body(change).retrieve().body(JsonNode.class)
                .path("body").asText()).isEqualTo("Cheers");
        assertThat(status(ada, "DELETE", "/api/macros/" + mineId, null)).isEqualTo(204);
        assertThat(status(ada, "GET", "/api/macros/" + mineId, null)).isEqualTo(404);
        assertThat(status(as(Role.ADMIN), "DELETE", "/api/macros/" + sharedId, null)).isEqualTo(204);
        assertThat(names(lead)).doesNotContain(shared + " v2");

        for (Role outsider : List.of(Role.MANAGER, Role.OPS, Role.CHANNEL, Role.ROUTING)) {
            assertThat(status(as(outsider), "GET", "/api/macros", null)).as(outsider.name()).isEqualTo(403);
            assertThat(status(as(outsider), "POST", "/api/macros", Map.of("name", "x", "body", "y")))
                    .as(outsider.name()).isEqualTo(403);
        }
    }

    @Test
    void badMacrosAreRefusedNamingEachFieldAndStoreNothing() {
        RestClient lead = as(Role.LEAD);
        String name = unique("Bad");

        ResponseEntity<JsonNode> unknown = create(lead, Map.of("name", name, "scope", "shared",
                "body", "Hi {{customer.nmae}}, about {{ticket.id}}",
                "actions", Map.of("status", "new", "note", "for {{case.numbr}}")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unknown.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("body", "actions.note", "actions.status");
        assertThat(unknown.getBody().path("errors").findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message).contains("{{customer.nmae}}", "{{ticket.id}}",
                        "{{customer.name}}"));

        Map<String, Object> blank = new LinkedHashMap<>();
        blank.put("name", " ");
        blank.put("body", "");
        blank.put("actions", Map.of("tags", List.of(" ", "x".repeat(51)), "note", "n".repeat(10_001)));
        ResponseEntity<JsonNode> empty = create(lead, blank);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().path("errors").findValuesAsText("field"))
                .contains("name", "body", "actions.note").anySatisfy(field -> assertThat(field).startsWith("actions.tags"));

        ResponseEntity<JsonNode> loud = create(lead, Map.of("name", name, "body", "Hi", "visibility", "loud"));
        assertThat(loud.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(loud.getBody().path("errors").findValuesAsText("field")).containsExactly("visibility");
        assertThat(names(lead)).doesNotContain(name);

        assertThat(create(lead, Map.of("name", name, "scope", "shared", "body", "Hi")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> twice = create(lead, Map.of("name", name.toUpperCase(), "scope", "shared", "body", "Hi"));
        assertThat(twice.getStatusCode()).as("one name per scope, whatever its case").isEqualTo(HttpStatus.CONFLICT);
        assertThat(create(lead, Map.of("name", name, "body", "Hi")).getStatusCode())
                .as("a personal macro may share a shared one's name").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aMacroIsRenderedForTheCaseAndTheAgentAndAppliedInOneStep() {
        String customerName = "Ada <b>Lovelace</b> {{agent.name}}";
        String caseId = openCase(customerName, "Charged twice");
        String caseNumber = as(Role.AGENT).get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class)
                .path("caseNumber").asText();
        String name = unique("Refund on its way");
        String macroId = create(as(Role.LEAD), Map.of("name", name, "scope", "shared",
                "body", "Hi {{customer.firstName}}, about {{ case.number }} ({{case.subject}}): {{agent.name}} from "
                        + "{{case.queue}} here.",
                "actions", Map.of("status", "inprogress", "priority", "high", "tags", List.of("Refund"),
                        "note", "Refund promised to {{customer.name}}")))
                .getBody().path("macroId").asText();
        String agentUser = "agent-grace-" + UUID.randomUUID();
        RestClient grace = person(Role.AGENT, agentUser, "Grace Hopper");
        String expected = "Hi Ada, about " + caseNumber + " (Charged twice): Grace Hopper from Unclassified here.";
        KafkaConsumer<String, byte[]> kafka = caseEventsConsumer();

        JsonNode preview = grace.get().uri("/api/macros/{id}/preview?caseId={caseId}", macroId, caseId).retrieve()
                .body(JsonNode.class);
        assertThat(preview.path("body").asText()).isEqualTo(expected);
        assertThat(preview.path("note").asText()).isEqualTo("Refund promised to " + customerName);
        assertThat(preview.path("actions").path("status").asText()).isEqualTo("inprogress");
        assertThat(historyTypes(caseId)).as("a preview changes nothing").containsExactly("CaseOpened");

        ResponseEntity<JsonNode> applied = grace.post().uri("/api/cases/{id}/macros/{macroId}", caseId, macroId)
                .retrieve().toEntity(JsonNode.class);

        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = applied.getBody();
        assertThat(view.path("status").asText()).isEqualTo("inprogress");
        assertThat(view.path("priority").asText()).isEqualTo("high");
        assertThat(view.path("tags").toString()).contains("\"refund\"");
        JsonNode comments = view.path("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).path("body").asText()).isEqualTo(expected);
        assertThat(comments.get(0).path("visibility").asText()).isEqualTo("public");
        assertThat(comments.get(0).path("authorName").asText()).isEqualTo("Grace Hopper");
        assertThat(comments.get(0).path("authorId").asText()).isEqualTo(agentUser);
        assertThat(comments.get(1).path("visibility").asText()).isEqualTo("internal");
        assertThat(comments.get(1).path("body").asText()).as("the customer's name as it is, never read again")
                .isEqualTo("Refund promised to " + customerName);

        assertThat(historyTypes(caseId)).containsExactly("CaseOpened", "MacroApplied", "CommentAdded",
                "FirstResponseRecorded", "CommentAdded", "CaseTagged", "CasePriorityChanged", "CaseStatusChanged");
        JsonNode history = grace.get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        JsonNode macroApplied = history.get(1);
        assertThat(macroApplied.path("actor").asText()).isEqualTo(agentUser);
        assertThat(macroApplied.path("data").path("macroName").asText()).isEqualTo(name);
        assertThat(macroApplied.path("data").path("appliedByName").asText()).isEqualTo("Grace Hopper");
        assertThat(macroApplied.path("data").path("status").asText()).isEqualTo("inprogress");
        assertThat(macroApplied.path("data").path("commentIds")).hasSize(2);
        assertThat(usage(grace, macroId)).isEqualTo(1);
        assertThat(grace.get().uri("/api/macros/{id}", macroId).retrieve().body(JsonNode.class).path("lastUsedAt")
                .asText()).isNotBlank();

        List<ConsumerRecord<String, byte[]>> published = recordsFor(kafka, Set.of(caseId), 8, Duration.ofSeconds(30));
        assertThat(published).anySatisfy(record -> {
            EventEnvelope envelope = CloudEventsKafka.fromRecord(record).orElseThrow();
            assertThat(envelope.event()).isInstanceOfSatisfying(MacroApplied.class, event -> {
                assertThat(event.macroId()).hasToString(macroId);
                assertThat(event.priority().wire()).isEqualTo("high");
            });
        });
    }

    @Test
    void anActionTheCaseRefusesStoresNothingAndCountsNoUse() {
        String caseId = openCase("Bo Jones", "Where is my parcel");
        RestClient lead = as(Role.LEAD);
        String macroId = create(lead, Map.of("name", unique("Close it"), "scope", "shared", "body", "Done, {{customer.name}}",
                "actions", Map.of("status", "done", "tags", List.of("closed"), "note", "closing")))
                .getBody().path("macroId").asText();

        ResponseEntity<JsonNode> refused = as(Role.AGENT).post().uri("/api/cases/{id}/macros/{macroId}", caseId, macroId)
                .retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode()).as("new cannot go to done").isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("new", "done");
        assertThat(historyTypes(caseId)).containsExactly("CaseOpened");
        assertThat(usage(lead, macroId)).isZero();

        String someonesOwn = create(as(Role.AGENT), Map.of("name", unique("Mine"), "body", "Hi"))
                .getBody().path("macroId").asText();
        assertThat(status(as(Role.AGENT), "POST", "/api/cases/" + caseId + "/macros/" + someonesOwn, null))
                .as("another agent's macro").isEqualTo(404);
        assertThat(status(as(Role.AGENT), "POST", "/api/cases/" + UUID.randomUUID() + "/macros/" + macroId, null))
                .as("no such case").isEqualTo(404);
        assertThat(status(as(Role.AGENT), "GET", "/api/macros/" + macroId + "/preview?caseId=" + UUID.randomUUID(),
                null)).isEqualTo(404);
        assertThat(status(as(Role.MANAGER), "POST", "/api/cases/" + caseId + "/macros/" + macroId, null)).isEqualTo(403);
        assertThat(status(as(Role.CHANNEL), "POST", "/api/cases/" + caseId + "/macros/" + macroId, null)).isEqualTo(403);
        assertThat(historyTypes(caseId)).containsExactly("CaseOpened");
    }

    @Test
    void aRetriedApplyWithTheSameIdempotencyKeyIsAppliedOnce() {
        String caseId = openCase("Cy Twice", "Double click");
        RestClient agent = as(Role.AGENT, "agent-retry-" + UUID.randomUUID());
        String macroId = create(agent, Map.of("name", unique("Thanks"), "body", "Thanks {{customer.firstName}}",
                "actions", Map.of("tags", List.of("thanked"))))
                .getBody().path("macroId").asText();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(agent.post().uri("/api/cases/{id}/macros/{macroId}", caseId, macroId)
                    .header("Idempotency-Key", "macro-retry-1").retrieve().toBodilessEntity().getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        assertThat(historyTypes(caseId)).containsExactly("CaseOpened", "MacroApplied", "CommentAdded",
                "FirstResponseRecorded", "CaseTagged");
        assertThat(usage(agent, macroId)).isEqualTo(1);
        assertThat(status(agent, "POST", "/api/cases/" + caseId + "/macros/" + macroId, null))
                .as("without a key it is a new use").isEqualTo(200);
        assertThat(usage(agent, macroId)).isEqualTo(2);
    }

    @Test
    void aUseThatCannotBeCountedStoresNothingOnTheCase() {
        String caseId = openCase("Di Count", "Counting fails");
        RestClient lead = as(Role.LEAD);
        String macroId = create(lead, Map.of("name", unique("Uncountable"), "scope", "shared", "body", "Hello",
                "actions", Map.of("priority", "low")))
                .getBody().path("macroId").asText();
        UUID.fromString(macroId); // only a UUID goes into the trigger's text below
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_macro_count() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'macro count refused by the test'; END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER refuse_count BEFORE UPDATE ON macro FOR EACH ROW WHEN (OLD.macro_id = '" + macroId
                + "') EXECUTE FUNCTION refuse_macro_count()").update();
        try {
            ResponseEntity<JsonNode> failed = as(Role.AGENT).post().uri("/api/cases/{id}/macros/{macroId}", caseId,
                    macroId).retrieve().toEntity(JsonNode.class);

            assertThat(failed.getStatusCode().is5xxServerError()).as(String.valueOf(failed.getBody())).isTrue();
            assertThat(historyTypes(caseId)).as("the count and the case's events commit together").containsExactly(
                    "CaseOpened");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_count ON macro").update();
        }
        assertThat(usage(lead, macroId)).isZero();
        assertThat(status(as(Role.AGENT), "POST", "/api/cases/" + caseId + "/macros/" + macroId, null)).isEqualTo(200);
        assertThat(usage(lead, macroId)).isEqualTo(1);
    }
}
