package org.casestream.command.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class IntakeIntegrationTest extends IntegrationTest {

    private static Map<String, Object> ticket(String externalRef) {
        return Map.of(
                "customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "tier", "gold"),
                "subject", "Cannot log in",
                "description", "The reset mail never arrives",
                "externalRef", externalRef);
    }

    private ResponseEntity<JsonNode> post(String idempotencyKey, Object body) {
        return as(Role.CHANNEL, "web-form").post().uri("/api/intake/tickets")
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void intakeStoresTheCaseAndPublishesItToKafkaWithCloudEventsHeaders() {
        var consumer = caseEventsConsumer();
        String correlationId = "corr-" + UUID.randomUUID();

        ResponseEntity<JsonNode> created = as(Role.CHANNEL, "web-form").post().uri("/api/intake/tickets")
                .header("X-Correlation-Id", correlationId)
                .body(ticket("ref-" + UUID.randomUUID())).retrieve().toEntity(JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().get("caseId").asText();
        assertThat(created.getBody().get("caseNumber").asText()).matches("CS-\\d{4,}");
        assertThat(created.getBody().get("status").asText()).isEqualTo("new");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);

        List<ConsumerRecord<String, byte[]>> records = recordsFor(consumer, Set.of(caseId), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(caseId);
        assertThat(header(record, "ce_type")).isEqualTo("org.casestream.case.CaseOpened");
        assertThat(header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_actor")).isEqualTo("web-form");
        assertThat(header(record, "ce_correlationid")).isEqualTo(correlationId);
        EventEnvelope envelope = CloudEventsKafka.fromRecord(record).orElseThrow();
        CaseOpened opened = (CaseOpened) envelope.event();
        assertThat(opened.caseNumber()).isEqualTo(created.getBody().get("caseNumber").asText());
        assertThat(opened.customer().email()).isEqualTo("ada@example.com");
        assertThat(envelope.sequence()).isZero();

        JsonNode history = as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("type").asText()).isEqualTo("CaseOpened");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("web-form");
        assertThat(history.get(0).get("correlationId").asText()).isEqualTo(correlationId);
    }

    @Test
    void twentyConcurrentRetriesMakeOneCase() throws Exception {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = ticket("ref-" + UUID.randomUUID());
        long eventsBefore = eventCount();

        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            List<Callable<ResponseEntity<JsonNode>>> retries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                retries.add(() -> post(key, body));
            }
            for (Future<ResponseEntity<JsonNode>> answer : clients.invokeAll(retries)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED));
        assertThat(answers.stream().map(answer -> answer.getBody().toString()).collect(Collectors.toSet()))
                .as("every retry gets the same body").hasSize(1);
        assertThat(answers.stream().filter(answer -> "false".equals(answer.getHeaders().getFirst("Idempotent-Replayed"))))
                .hasSize(1);
        assertThat(eventCount() - eventsBefore).as("one CaseOpened, nothing else").isEqualTo(1);
    }

    @Test
    void theSameExternalReferenceIsTheSameCaseEvenWithoutAKey() {
        String ref = "ref-" + UUID.randomUUID();
        ResponseEntity<JsonNode> first = post("k1-" + ref, ticket(ref));
        long eventsAfterFirst = eventCount();

        ResponseEntity<JsonNode> second = post(null, ticket(ref));
        ResponseEntity<JsonNode> third = post("k2-" + ref, ticket(ref));

        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(third.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void aKeyReusedForAnotherTicketIsRefused() {
        String key = "key-" + UUID.randomUUID();
        post(key, ticket("ref-" + UUID.randomUUID()));

        ResponseEntity<JsonNode> reused = post(key, ticket("ref-" + UUID.randomUUID()));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void badInputNamesEveryBadFieldAndStoresNothing() {
        long events = eventCount();
        long intakes = jdbc.sql("SELECT count(*) FROM intake_request").query(Long.class).single();

        ResponseEntity<JsonNode> answer = post("bad-" + UUID.randomUUID(), Map.of(
                "customer", Map.of("name", "", "email", "not-an-email"),
                "subject", " ",
                "description", "x".repeat(50_001)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("customer.email", "customer.name", "description", "subject");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_request").query(Long.class).single()).isEqualTo(intakes);
    }

    @Test
    void unknownEnumValuesAndBrokenJsonAreNamed() {
        ResponseEntity<JsonNode> badTier = post(null, Map.of(
                "customer", Map.of("name", "Ada", "email", "ada@example.com", "tier", "diamond"),
                "subject", "Hi"));
        assertThat(badTier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badTier)).containsExactly("customer.tier");
        assertThat(badTier.getBody().get("errors").get(0).get("message").asText()).contains("gold");

        ResponseEntity<JsonNode> broken = post(null, "{\"customer\": ");
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody().get("title").asText()).isEqualTo("Malformed request body");

        ResponseEntity<JsonNode> badKey = post("has spaces in it", ticket("ref-" + UUID.randomUUID()));
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badKey)).containsExactly("Idempotency-Key");
    }

    @Test
    void onlyChannelsMayPostTicketsAndOnlyWithAValidToken() {
        ResponseEntity<JsonNode> agent = as(Role.AGENT).post().uri("/api/intake/tickets")
                .body(ticket("ref-" + UUID.randomUUID())).retrieve().toEntity(JsonNode.class);
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(agent.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> forged = Callers.client("http://localhost:" + port, "eyJhbGciOiJub25lIn0.e30.")
                .post().uri("/api/intake/tickets").body(ticket("ref-x")).retrieve().toEntity(JsonNode.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> channelReading = as(Role.CHANNEL).get().uri("/api/audit").retrieve()
                .toEntity(JsonNode.class);
        assertThat(channelReading.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCustomersReplyByCaseNumberReopensADoneCaseOnceHoweverOftenItIsRetried() {
        String ref = "mail-" + UUID.randomUUID();
        JsonNode opened = post(null, ticket(ref)).getBody();
        String caseId = opened.get("caseId").asText();
        as(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "inprogress")).retrieve()
                .toBodilessEntity();
        as(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "done")).retrieve()
                .toBodilessEntity();

        List<ResponseEntity<JsonNode>> replies = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            replies.add(as(Role.CHANNEL, "web-form").post().uri("/api/intake/replies")
                    .header("Idempotency-Key", "reply-" + ref)
                    .body(Map.of("caseNumber", opened.get("caseNumber").asText(), "body", "Still broken"))
                    .retrieve().toEntity(JsonNode.class));
        }

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(reply.getBody().get("status").asText()).isEqualTo("inprogress");
        });
        assertThat(replies.get(1).getBody().get("commentId")).isEqualTo(replies.get(0).getBody().get("commentId"));
        JsonNode history = as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).containsExactly("CaseOpened", "CaseStatusChanged", "CaseStatusChanged", "CommentAdded",
                "CaseReopened");
        assertThat(history.get(3).get("data").get("authorType").asText()).isEqualTo("customer");

        JsonNode byRef = as(Role.CHANNEL, "web-form").post().uri("/api/intake/replies")
                .body(Map.of("externalRef", ref, "body", "Any news?")).retrieve().body(JsonNode.class);
        assertThat(byRef.get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void repliesMustNameAnExistingCaseAndComeFromAChannel() {
        ResponseEntity<JsonNode> unaddressed = as(Role.CHANNEL).post().uri("/api/intake/replies")
                .body(Map.of("body", "Hello?")).retrieve().toEntity(JsonNode.class);
        assertThat(unaddressed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unaddressed)).containsExactly("caseNumber");

        ResponseEntity<JsonNode> malformed = as(Role.CHANNEL).post().uri("/api/intake/replies")
                .body(Map.of("caseNumber", "1042", "body", "Hello?")).retrieve().toEntity(JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(malformed)).containsExactly("caseNumber");

        ResponseEntity<JsonNode> unknown = as(Role.CHANNEL).post().uri("/api/intake/replies")
                .body(Map.of("caseNumber", "CS-999999999", "body", "Hello?")).retrieve().toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> byAgent = as(Role.AGENT).post().uri("/api/intake/replies")
                .body(Map.of("caseNumber", "CS-1001", "body", "Hello?")).retrieve().toEntity(JsonNode.class);
        assertThat(byAgent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static List<String> fields(ResponseEntity<JsonNode> answer) {
        List<String> fields = new ArrayList<>();
        answer.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
