package org.casestream.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.DomainEvent;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Correcting a case through the HTTP API: subject, customer and tags with their history, a duplicate merged into
 * another case (both halves or neither), and an agent reopening a done case with the reason. Each endpoint by role,
 * and bad input that names its field and stores nothing.
 */
class CaseEditingIntegrationTest extends IntegrationTest {

    private RestClient agent() {
        return as(Role.AGENT, "grace");
    }

    private JsonNode openCase(String subject) {
        ResponseEntity<JsonNode> opened = agent().post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"),
                        "subject", subject, "description", "Two charges on my card", "channel", "phone"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return opened.getBody();
    }

    private String open(String subject) {
        return openCase(subject).get("caseId").asText();
    }

    private ResponseEntity<JsonNode> call(RestClient client, HttpMethod method, String caseId, String action,
            Object body) {
        return client.method(method).uri("/api/cases/{id}/" + action, caseId).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode history(String caseId) {
        return agent().get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private JsonNode current(String caseId) {
        return agent().get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
    }

    private String registerCustomer(String name, String email) {
        ResponseEntity<JsonNode> registered = agent().post().uri("/api/customers")
                .body(Map.of("name", name, "email", email, "tier", "platinum")).retrieve().toEntity(JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return registered.getBody().get("customerId").asText();
    }

    @Test
    void subjectCustomerAndTagsChangeWithTheirHistory() {
        String caseId = open("Charged twice");
        String other = registerCustomer("Ada King", "ada.king." + UUID.randomUUID() + "@example.com");

        JsonNode renamed = call(agent(), HttpMethod.PUT, caseId, "subject", Map.of("subject", " Charged twice in May "))
                .getBody();
        assertThat(renamed.get("subject").asText()).isEqualTo("Charged twice in May");
        JsonNode moved = call(as(Role.LEAD, "lee"), HttpMethod.PUT, caseId, "customer", Map.of("customerId", other))
                .getBody();
        assertThat(moved.at("/customer/customerId").asText()).isEqualTo(other);
        assertThat(moved.at("/customer/name").asText()).isEqualTo("Ada King");
        assertThat(moved.at("/customer/tier").asText()).isEqualTo("platinum");
        call(agent(), HttpMethod.POST, caseId, "tags", Map.of("add", List.of("Billing", "refund")));
        JsonNode untagged = call(agent(), HttpMethod.POST, caseId, "tags", Map.of("remove", List.of("refund")))
                .getBody();
        assertThat(untagged.get("tags")).extracting(JsonNode::asText).containsExactly("billing");
        // the same subject again changes nothing
        call(agent(), HttpMethod.PUT, caseId, "subject", Map.of("subject", "Charged twice in May"));

        JsonNode history = history(caseId);
        assertThat(types(history)).containsExactly("CaseOpened", "CaseSubjectChanged", "CaseCustomerChanged",
                "CaseTagged", "CaseTagged");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("grace");
        assertThat(history.get(1).at("/data/previousSubject").asText()).isEqualTo("Charged twice");
        assertThat(history.get(2).get("actor").asText()).isEqualTo("lee");
        assertThat(history.get(2).at("/data/previousCustomer/email").asText()).isEqualTo("ada@example.com");
        assertThat(history.get(2).at("/data/customer/customerId").asText()).isEqualTo(other);
        assertThat(history.get(4).at("/data/removed/0").asText()).isEqualTo("refund");
    }

    @Test
    void eachEndpointIsForThoseWhoWorkCases() {
        String target = open("The case that goes on");
        for (Role role : List.of(Role.AGENT, Role.LEAD, Role.ADMIN)) {
            String caseId = open("Worked by " + role);
            RestClient caller = as(role);
            assertThat(call(caller, HttpMethod.PUT, caseId, "subject", Map.of("subject", "By " + role)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            String customer = registerCustomer("Customer of " + role, role + "." + UUID.randomUUID() + "@example.com");
            assertThat(call(caller, HttpMethod.PUT, caseId, "customer", Map.of("customerId", customer))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            call(caller, HttpMethod.POST, caseId, "status", Map.of("status", "inprogress"));
            call(caller, HttpMethod.POST, caseId, "status", Map.of("status", "done"));
            assertThat(call(caller, HttpMethod.POST, caseId, "reopen", Map.of("reason", "Not fixed")).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(call(caller, HttpMethod.POST, caseId, "merge", Map.of("into", target)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        String caseId = open("Not theirs to change");
        String customer = registerCustomer("Someone", "someone." + UUID.randomUUID() + "@example.com");
        long before = eventCount();
        for (Role role : List.of(Role.MANAGER, Role.OPS, Role.CHANNEL, Role.ROUTING, Role.NOTIFICATION)) {
            RestClient caller = as(role);
            assertThat(call(caller, HttpMethod.PUT, caseId, "subject", Map.of("subject", "Hijacked")).getStatusCode())
                    .as(role + " subject").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(caller, HttpMethod.PUT, caseId, "customer", Map.of("customerId", customer))
                    .getStatusCode()).as(role + " customer").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(caller, HttpMethod.POST, caseId, "merge", Map.of("into", target)).getStatusCode())
                    .as(role + " merge").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(caller, HttpMethod.POST, caseId, "reopen", Map.of("reason", "Because")).getStatusCode())
                    .as(role + " reopen").isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(current(caseId).get("subject").asText()).isEqualTo("Not theirs to change");
    }

    @Test
    void badInputNamesItsFieldAndStoresNothing() {
        String caseId = open("Charged twice");
        String target = open("Charged twice, again");
        long before = eventCount();

        assertField(call(agent(), HttpMethod.PUT, caseId, "subject", Map.of("subject", " ")),
                HttpStatus.BAD_REQUEST, "subject");
        assertField(call(agent(), HttpMethod.PUT, caseId, "subject", Map.of("subject", "x".repeat(251))),
                HttpStatus.BAD_REQUEST, "subject");
        assertField(call(agent(), HttpMethod.PUT, caseId, "customer", Map.of()), HttpStatus.BAD_REQUEST, "customerId");
        assertField(call(agent(), HttpMethod.PUT, caseId, "customer", Map.of("customerId", "cus-nobody")),
                HttpStatus.UNPROCESSABLE_ENTITY, "customerId");
        assertField(call(agent(), HttpMethod.POST, caseId, "merge", Map.of()), HttpStatus.BAD_REQUEST, "into");
        assertField(call(agent(), HttpMethod.POST, caseId, "merge", Map.of("into", "CS-1001")),
                HttpStatus.BAD_REQUEST, "into");
        assertField(call(agent(), HttpMethod.POST, caseId, "merge", Map.of("into", caseId)),
                HttpStatus.UNPROCESSABLE_ENTITY, "into");
        assertField(call(agent(), HttpMethod.POST, caseId, "merge", Map.of("into", UUID.randomUUID().toString())),
                HttpStatus.UNPROCESSABLE_ENTITY, "into");
        assertField(call(agent(), HttpMethod.POST, caseId, "reopen", Map.of("reason", "")),
                HttpStatus.BAD_REQUEST, "reason");
        assertThat(call(agent(), HttpMethod.POST, UUID.randomUUID().toString(), "merge", Map.of("into", target))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(agent(), HttpMethod.PUT, UUID.randomUUID().toString(), "subject", Map.of("subject", "Hi"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(eventCount()).isEqualTo(before);
    }

    private static void assertField(ResponseEntity<JsonNode> answer, HttpStatus status, String field) {
        assertThat(answer.getStatusCode()).as(field).isEqualTo(status);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void aMergedDuplicateClosesWithALinkAndBothKeepTheirThreadsAndHistory() {
        JsonNode target = openCase("Cannot log in");
        JsonNode duplicate = openCase("Cannot log in (sent again)");
        String targetId = target.get("caseId").asText();
        String duplicateId = duplicate.get("caseId").asText();
        call(agent(), HttpMethod.POST, duplicateId, "status", Map.of("status", "inprogress"));
        call(agent(), HttpMethod.POST, duplicateId, "comments", Map.of("body", "Looking into it"));
        var consumer = caseEventsConsumer();

        ResponseEntity<JsonNode> merged = call(as(Role.LEAD, "lee"), HttpMethod.POST, duplicateId, "merge",
                Map.of("into", targetId));

        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(merged.getBody().get("status").asText()).isEqualTo("done");
        assertThat(merged.getBody().at("/mergedInto/caseId").asText()).isEqualTo(targetId);
        assertThat(merged.getBody().at("/mergedInto/caseNumber").asText()).isEqualTo(target.get("caseNumber").asText());
        assertThat(merged.getBody().get("comments")).hasSize(1);
        JsonNode absorbing = current(targetId);
        assertThat(absorbing.at("/merged/0/caseId").asText()).isEqualTo(duplicateId);
        assertThat(absorbing.at("/merged/0/caseNumber").asText()).isEqualTo(duplicate.get("caseNumber").asText());
        assertThat(absorbing.get("status").asText()).isEqualTo("new");

        JsonNode duplicateHistory = history(duplicateId);
        assertThat(types(duplicateHistory)).endsWith("CaseMergedInto", "CaseStatusChanged");
        assertThat(duplicateHistory.get(duplicateHistory.size() - 2).get("actor").asText()).isEqualTo("lee");
        JsonNode targetHistory = history(targetId);
        assertThat(types(targetHistory)).containsExactly("CaseOpened", "CaseMerged");
        assertThat(targetHistory.get(1).get("actor").asText()).isEqualTo("lee");

        // duplicate: opened, in progress, reply, first response, merged into, done; target: opened, merged
        List<DomainEvent> published = recordsFor(consumer, List.of(duplicateId, targetId), 8, Duration.ofSeconds(30))
                .stream().map(record -> CloudEventsKafka.fromRecord(record).orElseThrow().event()).toList();
        assertThat(published).contains(
                new CaseMergedInto(UUID.fromString(duplicateId), UUID.fromString(targetId),
                        target.get("caseNumber").asText()),
                new CaseMerged(UUID.fromString(targetId), UUID.fromString(duplicateId),
                        duplicate.get("caseNumber").asText()));
    }

    @Test
    void aMergeIsWholeOrNotAtAll() {
        String target = open("The case that goes on");
        String duplicate = open("A duplicate");
        String third = open("Another duplicate");
        assertThat(call(agent(), HttpMethod.POST, duplicate, "merge", Map.of("into", target)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long before = eventCount();

        ResponseEntity<JsonNode> again = call(agent(), HttpMethod.POST, duplicate, "merge", Map.of("into", third));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("merged into");
        // the third case's half is written first and refused by the merged target: it goes too
        ResponseEntity<JsonNode> intoMerged = call(agent(), HttpMethod.POST, third, "merge", Map.of("into", duplicate));
        assertThat(intoMerged.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(eventCount()).isEqualTo(before);
        assertThat(types(history(third))).containsExactly("CaseOpened");
        assertThat(current(third).get("mergedInto")).isNull();
        assertThat(current(third).get("status").asText()).isEqualTo("new");
        assertThat(call(agent(), HttpMethod.PUT, duplicate, "subject", Map.of("subject", "Renamed")).getStatusCode())
                .as("a merged case takes no more changes").isEqualTo(HttpStatus.CONFLICT);
        assertThat(call(agent(), HttpMethod.POST, duplicate, "reopen", Map.of("reason", "Oops")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anAgentReopensADoneCaseWithTheReason() {
        String caseId = open("Charged twice");
        ResponseEntity<JsonNode> notDone = call(agent(), HttpMethod.POST, caseId, "reopen", Map.of("reason", "Again"));
        assertThat(notDone.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        call(agent(), HttpMethod.POST, caseId, "status", Map.of("status", "inprogress"));
        call(agent(), HttpMethod.POST, caseId, "status", Map.of("status", "done"));

        JsonNode reopened = call(agent(), HttpMethod.POST, caseId, "reopen",
                Map.of("reason", "The customer called: charged a third time")).getBody();

        assertThat(reopened.get("status").asText()).isEqualTo("inprogress");
        assertThat(reopened.get("resolvedAt")).isNull();
        JsonNode entry = history(caseId).get(3);
        assertThat(entry.get("type").asText()).isEqualTo("CaseReopened");
        assertThat(entry.get("version").asInt()).isEqualTo(2);
        assertThat(entry.get("actor").asText()).isEqualTo("grace");
        assertThat(entry.at("/data/source").asText()).isEqualTo("agent");
        assertThat(entry.at("/data/reason").asText()).isEqualTo("The customer called: charged a third time");
    }

    @Test
    void aCustomersReplyToAMergedDuplicateGoesToTheCaseItWasMergedInto() {
        RestClient channel = as(Role.CHANNEL, "web-form");
        JsonNode duplicate = channel.post().uri("/api/intake/tickets")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Locked out"))
                .retrieve().body(JsonNode.class);
        String duplicateId = duplicate.get("caseId").asText();
        String targetId = open("Locked out of my account");
        call(agent(), HttpMethod.POST, duplicateId, "merge", Map.of("into", targetId));

        JsonNode receipt = channel.post().uri("/api/intake/replies")
                .body(Map.of("caseNumber", duplicate.get("caseNumber").asText(), "body", "Still locked out"))
                .retrieve().body(JsonNode.class);

        assertThat(receipt.get("caseId").asText()).isEqualTo(targetId);
        assertThat(current(targetId).at("/comments/0/body").asText()).isEqualTo("Still locked out");
        assertThat(current(duplicateId).get("comments")).isEmpty();
        assertThat(current(duplicateId).get("status").asText()).isEqualTo("done");
    }
}
