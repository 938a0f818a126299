package org.casestream.command.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.DomainEvent;
import org.casestream.events.Queue;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.queues.QueueArchived;
import org.casestream.events.queues.QueueCreated;
import org.casestream.events.queues.QueueRenamed;
import org.casestream.events.queues.QueueRestored;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Queues are data: admins create, rename, archive and restore them through the API, each change an event on the
 * topic, and the commands that name a queue (an agent's skills, moving a case) refuse one that does not exist or
 * is archived, naming the field, with nothing stored.
 */
class QueuesIntegrationTest extends IntegrationTest {

    private RestClient admin() {
        return as(Role.ADMIN, "ada-admin");
    }

    private ResponseEntity<JsonNode> call(RestClient client, HttpMethod method, String uri, Object body) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> problem) {
        return problem.getBody().get("errors").findValuesAsText("field");
    }

    @Test
    void anAdminCreatesRenamesArchivesAndRestoresAQueueAndEachChangeIsAnEventOnTheTopic() {
        String name = "Billing " + UUID.randomUUID().toString().substring(0, 8);
        var consumer = caseEventsConsumer();

        ResponseEntity<JsonNode> created = call(admin(), HttpMethod.POST, "/api/queues", Map.of("name", name));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("key").asText()).isEqualTo(name);
        assertThat(created.getBody().get("archived").asBoolean()).isFalse();
        String key = created.getBody().get("key").asText();

        assertThat(call(admin(), HttpMethod.POST, "/api/queues", Map.of("name", name.toUpperCase()))
                .getStatusCode().value()).as("a name that differs only in letter case").isEqualTo(409);
        ResponseEntity<JsonNode> renamed = call(admin(), HttpMethod.PATCH, "/api/queues/" + key,
                Map.of("name", "Invoices " + name.substring(8)));
        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(renamed.getBody().get("key").asText()).as("the key stays").isEqualTo(key);
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/" + key, Map.of("archived", true))
                .getBody().get("archived").asBoolean()).isTrue();
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/" + key, Map.of("archived", true))
                .getStatusCode().value()).as("archiving again changes nothing").isEqualTo(200);
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/" + key, Map.of("archived", false))
                .getBody().get("archived").asBoolean()).isFalse();

        JsonNode listed = call(as(Role.AGENT), HttpMethod.GET, "/api/queues", null).getBody();
        List<String> keys = listed.findValuesAsText("key");
        assertThat(keys).startsWith("Login", "Orders", "Deliveries", "Payments", "Refunds").contains(key)
                .endsWith("Unclassified");

        List<DomainEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recordsFor(consumer, List.of("queue:" + key), 4,
                Duration.ofSeconds(30))) {
            events.add(CloudEventsKafka.fromRecord(record).orElseThrow().event());
        }
        Queue queue = Queue.of(key);
        assertThat(events).containsExactly(new QueueCreated(queue, name),
                new QueueRenamed(queue, "Invoices " + name.substring(8), name), new QueueArchived(queue),
                new QueueRestored(queue));
    }

    @Test
    void renamingAShippedQueueKeepsItsKeyAndUnclassifiedIsNeitherRenamedNorArchived() {
        ResponseEntity<JsonNode> renamed = call(admin(), HttpMethod.PATCH, "/api/queues/Deliveries",
                Map.of("name", "Shipping"));
        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(renamed.getBody().get("key").asText()).isEqualTo("Deliveries");
        assertThat(renamed.getBody().get("name").asText()).isEqualTo("Shipping");
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/Deliveries", Map.of("name", "Deliveries"))
                .getStatusCode().value()).isEqualTo(200);

        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/Unclassified", Map.of("archived", true))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/Unclassified", Map.of("name", "Inbox"))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/Orders", Map.of("name", "refunds"))
                .getStatusCode().value()).as("another queue's name").isEqualTo(409);
    }

    @Test
    void onlyAdminsKeepTheCatalogueAndBadNamesAreRefusedByField() {
        assertThat(call(as(Role.LEAD), HttpMethod.POST, "/api/queues", Map.of("name", "Sales"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(as(Role.AGENT), HttpMethod.PATCH, "/api/queues/Login", Map.of("archived", true))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(as(Role.CHANNEL), HttpMethod.GET, "/api/queues", null).getStatusCode().value())
                .isEqualTo(403);
        long before = eventCount();

        for (String bad : List.of("", "9 lives", "a.b", "x".repeat(41), " ")) {
            ResponseEntity<JsonNode> refused = call(admin(), HttpMethod.POST, "/api/queues", Map.of("name", bad));
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(fields(refused)).as(bad).containsExactly("name");
        }
        ResponseEntity<JsonNode> blank = call(admin(), HttpMethod.PATCH, "/api/queues/Login", Map.of("name", "  "));
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(blank)).containsExactly("name");
        assertThat(call(admin(), HttpMethod.PATCH, "/api/queues/Nowhere", Map.of("archived", true))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void skillsAndCaseMovesMustNameAQueueThatExistsAndTakesCases() {
        String key = call(admin(), HttpMethod.POST, "/api/queues",
                Map.of("name", "Claims " + UUID.randomUUID().toString().substring(0, 6))).getBody().get("key").asText();
        ResponseEntity<JsonNode> agent = call(admin(), HttpMethod.POST, "/api/agents", Map.of("name", "Grace",
                "email", "grace@example.com", "capacity", 5, "skills", List.of(Map.of("queue", key, "level", 3))));
        assertThat(agent.getStatusCode().value()).as("a new queue is a skill at once").isEqualTo(201);
        String agentId = agent.getBody().get("agentId").asText();
        String caseId = as(Role.AGENT, "grace").post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Claim",
                        "description", "My parcel arrived broken", "channel", "phone"))
                .retrieve().body(JsonNode.class).get("caseId").asText();
        assertThat(call(as(Role.LEAD), HttpMethod.POST, "/api/cases/" + caseId + "/classification",
                Map.of("queue", key)).getBody().get("queue").asText()).isEqualTo(key);

        call(admin(), HttpMethod.PATCH, "/api/queues/" + key, Map.of("archived", true));
        long before = eventCount();
        ResponseEntity<JsonNode> skills = call(as(Role.LEAD), HttpMethod.PUT, "/api/agents/" + agentId + "/skills",
                Map.of("capacity", 5, "skills", List.of(Map.of("queue", "Login", "level", 2),
                        Map.of("queue", key, "level", 4))));
        assertThat(skills.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(skills)).containsExactly("skills[1].queue");
        ResponseEntity<JsonNode> unknown = call(as(Role.LEAD), HttpMethod.PUT, "/api/agents/" + agentId + "/skills",
                Map.of("capacity", 5, "skills", List.of(Map.of("queue", "Nowhere", "level", 2))));
        assertThat(fields(unknown)).containsExactly("skills[0].queue");
        ResponseEntity<JsonNode> moved = call(as(Role.LEAD), HttpMethod.POST,
                "/api/cases/" + caseId + "/classification", Map.of("queue", "Orders"));
        assertThat(moved.getStatusCode().value()).as("out of an archived queue").isEqualTo(200);
        before = eventCount();
        ResponseEntity<JsonNode> back = call(as(Role.LEAD), HttpMethod.POST,
                "/api/cases/" + caseId + "/classification", Map.of("queue", key));
        assertThat(back.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(back)).containsExactly("queue");
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);
    }
}
