package org.casestream.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.json.EventJson;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.casestream.notification.support.Receiver;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;

/** Generic webhooks: signed, retried with backoff, parked and re-sent, once per event, never to private targets. */
class WebhookIntegrationTest extends IntegrationTest {

    private static final String SECRET = "whsec-0123456789abcdef";

    @Test
    void everyDeliveryIsSignedOverTimestampAndBodyAndVerifiesOnlyWithTheSecret() {
        String path = "/hooks/" + UUID.randomUUID();
        UUID subscription = subscribe(path, List.of("CaseOpened", "CommentAdded"));
        CaseScript script = new CaseScript();
        EventEnvelope opened = script.opened(Priority.HIGH);
        EventEnvelope statusChanged = script.status(CaseStatus.NEW, CaseStatus.IN_PROGRESS);
        EventEnvelope note = script.internalNote(UUID.randomUUID(), "SECRET-NOTE internal only");
        publish(opened, statusChanged, note);

        await().atMost(WAIT).until(() -> RECEIVER.accepted(path).size() >= 2);
        List<Receiver.Received> received = RECEIVER.accepted(path);
        // CaseStatusChanged came between the two and was not subscribed to: only the two subscribed types arrive
        assertThat(received).hasSize(2);
        assertThat(received).extracting(request -> request.header(WebhookSignature.EVENT_HEADER))
                .containsExactly("CaseOpened", "CommentAdded");
        for (Receiver.Received request : received) {
            long timestamp = Long.parseLong(request.header(WebhookSignature.TIMESTAMP_HEADER));
            String signature = request.header(WebhookSignature.SIGNATURE_HEADER);
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
            assertThat(signature).startsWith("v1=");
            assertThat(WebhookSignature.verify(SECRET, timestamp, request.body(), signature)).isTrue();
            assertThat(WebhookSignature.verify("another-secret-0123456789", timestamp, request.body(), signature))
                    .isFalse();
            // a replayed body with another timestamp does not verify either
            assertThat(WebhookSignature.verify(SECRET, timestamp + 1, request.body(), signature)).isFalse();
        }
        JsonNode first = EventJson.tree(received.get(0).body().getBytes());
        assertThat(first.path("id").asText()).isEqualTo(opened.eventId());
        assertThat(first.path("type").asText()).isEqualTo("org.casestream.case.CaseOpened");
        assertThat(first.path("data").path("caseNumber").asText()).isEqualTo(script.caseNumber);
        JsonNode second = EventJson.tree(received.get(1).body().getBytes());
        assertThat(second.path("data").path("visibility").asText()).isEqualTo("internal");
        assertThat(received.get(1).body()).doesNotContain("SECRET-NOTE");

        List<Map<String, Object>> log = as(Role.ADMIN).get().uri("/api/webhooks/{id}/deliveries", subscription)
                .retrieve().body(new ParameterizedTypeReference<>() { });
        assertThat(log).extracting(entry -> entry.get("status")).containsExactly("sent", "sent");
        assertThat(log).allSatisfy(entry -> assertThat((List<Map<String, Object>>) entry.get("history"))
                .singleElement().satisfies(attempt -> assertThat(attempt).containsEntry("responseCode", 200)));
    }

    @Test
    void aReceiverDownForAWhileGetsEveryDeliveryAfterInOrderPerCaseAndDelaysNobodyElse() {
        try (Receiver flaky = new Receiver()) {
            String healthyPath = "/hooks/" + UUID.randomUUID();
            UUID down = subscribe(flaky, "/down", List.of("*"));
            subscribe(healthyPath, List.of("*"));
            flaky.stop();

            CaseScript one = new CaseScript();
            CaseScript two = new CaseScript();
            publish(one.opened(Priority.LOW), two.opened(Priority.LOW),
                    one.status(CaseStatus.NEW, CaseStatus.IN_PROGRESS), two.status(CaseStatus.NEW, CaseStatus.IN_PROGRESS),
                    one.status(CaseStatus.IN_PROGRESS, CaseStatus.DONE), two.status(CaseStatus.IN_PROGRESS, CaseStatus.DONE));

            // the healthy subscriber gets everything while the other receiver is down
            await().atMost(WAIT).until(() -> sequencesOf(RECEIVER.accepted(healthyPath), one).size() == 3
                    && sequencesOf(RECEIVER.accepted(healthyPath), two).size() == 3);
            // meanwhile the down one is being retried, the later deliveries of each case waiting behind the first
            await().atMost(WAIT).until(() -> deliveriesOf(down).stream()
                    .anyMatch(entry -> ((Number) entry.get("attempts")).intValue() >= 2));
            assertThat(deliveriesOf(down)).noneMatch(entry -> "dead".equals(entry.get("status")));

            flaky.start();
            await().atMost(WAIT).until(() -> flaky.accepted("/down").size() == 6);
            assertThat(sequencesOf(flaky.accepted("/down"), one)).containsExactly(0L, 1L, 2L);
            assertThat(sequencesOf(flaky.accepted("/down"), two)).containsExactly(0L, 1L, 2L);
            await().atMost(WAIT).until(() -> deliveriesOf(down).stream().allMatch(e -> "sent".equals(e.get("status"))));
            assertThat(deliveriesOf(down)).anySatisfy(entry -> assertThat(
                    (List<Map<String, Object>>) entry.get("history")).first()
                    .satisfies(attempt -> assertThat(attempt).containsEntry("outcome", "failed")));
        }
    }

    @Test
    void afterTheLastTryADeliveryIsADeadLetterAndIsSentAgainOnRequest() {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.answer(path, 500);
        UUID subscription = subscribe(path, List.of("CaseOpened"));
        CaseScript script = new CaseScript();
        EventEnvelope opened = script.opened(Priority.MEDIUM);
        publish(opened);

        await().atMost(WAIT).until(() -> deadLetters(subscription).size() == 1);
        Map<String, Object> dead = deadLetters(subscription).getFirst();
        assertThat(dead).containsEntry("attempts", MAX_ATTEMPTS).containsEntry("lastResponseCode", 500)
                .containsEntry("eventId", opened.eventId());
        assertThat((List<Map<String, Object>>) dead.get("history")).hasSize(MAX_ATTEMPTS)
                .allSatisfy(attempt -> assertThat(attempt).containsEntry("responseCode", 500));
        assertThat(RECEIVER.requests(path)).hasSize(MAX_ATTEMPTS);
        // the waits between tries grew (exponential backoff): the last gap is longer than the first
        List<Instant> times = ((List<Map<String, Object>>) dead.get("history")).stream()
                .map(attempt -> Instant.parse((String) attempt.get("at"))).toList();
        assertThat(Duration.between(times.get(MAX_ATTEMPTS - 2), times.get(MAX_ATTEMPTS - 1)))
                .isGreaterThan(Duration.between(times.get(0), times.get(1)));

        RECEIVER.answer(path, 204);
        ResponseEntity<Map> redelivered = as(Role.ADMIN).post()
                .uri("/api/webhooks/{id}/deliveries/{delivery}/redeliver", subscription, dead.get("id"))
                .retrieve().toEntity(Map.class);
        assertThat(redelivered.getStatusCode().value()).isEqualTo(202);
        await().atMost(WAIT).until(() -> RECEIVER.accepted(path).size() == 1);
        assertThat(EventJson.tree(RECEIVER.accepted(path).getFirst().body().getBytes()).path("id").asText())
                .isEqualTo(opened.eventId());
        await().atMost(WAIT).until(() -> deadLetters(subscription).isEmpty()
                && "sent".equals(deliveriesOf(subscription).getFirst().get("status")));

        // the dead letters are a metric too (ops scrape it)
        String metrics = as(Role.OPS).get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("casestream_notification_dead_letters", "casestream_notification_attempts_total");

        // an unknown delivery is 404
        assertThat(as(Role.ADMIN).post().uri("/api/webhooks/{id}/deliveries/{delivery}/redeliver", subscription,
                UUID.randomUUID()).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theSameEventTwiceSendsOnce() {
        String path = "/hooks/" + UUID.randomUUID();
        UUID subscription = subscribe(path, List.of("*"));
        CaseScript script = new CaseScript();
        EventEnvelope opened = script.opened(Priority.MEDIUM);
        EventEnvelope reply = script.agentReply(UUID.randomUUID(), "On it");
        publish(opened, opened, reply, reply);
        EventEnvelope marker = script.status(CaseStatus.NEW, CaseStatus.IN_PROGRESS);
        publish(marker);

        await().atMost(WAIT).until(() -> RECEIVER.accepted(path).stream()
                .anyMatch(request -> request.body().contains(marker.eventId())));
        awaitMails(script.customerEmail, 2);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> RECEIVER.accepted(path).size() == 3
                && mailsTo(script.customerEmail).size() == 2);
        assertThat(RECEIVER.accepted(path)).extracting(request -> request.header(WebhookSignature.EVENT_HEADER))
                .containsExactly("CaseOpened", "CommentAdded", "CaseStatusChanged");
        assertThat(subjectsTo(script.customerEmail)).containsExactly(
                "[" + script.caseNumber + "] We received your request: Cannot log in",
                "[" + script.caseNumber + "] New reply to your request: Cannot log in");
        // one row per effect: the acknowledgement mail and this subscription's webhook
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE event_id = ? AND (subscription_id = ? "
                        + "OR channel = 'email')").params(opened.eventId(), subscription)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void privateTargetsAreRefusedUnlessAnAdminAllowsThem() {
        UUID allowedEarlier = subscribe("/hooks/" + UUID.randomUUID(), List.of("CaseOpened"));
        putSettings(false, List.of(LEAD));
        try {
            for (String url : List.of("http://10.1.2.3/hook", "http://192.168.0.10/hook", RECEIVER.url("/x"),
                    "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/", "ftp://example.com/x")) {
                ResponseEntity<String> refused = as(Role.ADMIN).post().uri("/api/webhooks")
                        .body(Map.of("url", url, "events", List.of("*"), "secret", SECRET))
                        .retrieve().toEntity(String.class);
                assertThat(refused.getStatusCode().value()).as(url).isEqualTo(400);
                assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
                assertThat(refused.getBody()).contains("\"field\":\"url\"");
            }
            assertThat(subscriptions()).noneMatch(subscription -> String.valueOf(subscription.get("url"))
                    .contains("10.1.2.3"));

            // a subscription made while they were allowed is refused at sending time too: dead at once, not sent
            CaseScript script = new CaseScript();
            publish(script.opened(Priority.LOW));
            await().atMost(WAIT).until(() -> deadLetters(allowedEarlier).size() == 1);
            assertThat(deadLetters(allowedEarlier).getFirst()).containsEntry("attempts", 1);
            assertThat((String) deadLetters(allowedEarlier).getFirst().get("lastError")).contains("target refused");
        } finally {
            putSettings(true, List.of(LEAD));
        }
    }

    @Test
    void badSubscriptionsNameEachBadFieldAndOnlyAdminsManageWebhooks() {
        ResponseEntity<String> invalid = as(Role.ADMIN).post().uri("/api/webhooks")
                .body(Map.of("events", List.of("NoSuchEvent"), "secret", "short")).retrieve().toEntity(String.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("\"field\":\"url\"", "\"field\":\"secret\"");

        ResponseEntity<String> unknownEvent = as(Role.ADMIN).post().uri("/api/webhooks")
                .body(Map.of("url", RECEIVER.url("/x"), "events", List.of("CaseOpened", "NoSuchEvent"),
                        "secret", SECRET)).retrieve().toEntity(String.class);
        assertThat(unknownEvent.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownEvent.getBody()).contains("\"field\":\"events[1]\"");

        assertThat(as(Role.AGENT).get().uri("/api/webhooks").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        UUID id = subscribe("/hooks/" + UUID.randomUUID(), List.of("*"));
        String listed = as(Role.ADMIN).get().uri("/api/webhooks").retrieve().body(String.class);
        assertThat(listed).contains(id.toString()).doesNotContain(SECRET);
        assertThat(jdbc.sql("SELECT secret_cipher FROM webhook_subscription WHERE id = ?").param(id)
                .query(byte[].class).single()).asString().doesNotContain(SECRET);
        assertThat(as(Role.ADMIN).delete().uri("/api/webhooks/{id}", id).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);
        assertThat(subscriptions()).noneMatch(subscription -> id.toString().equals(subscription.get("id")));
    }

    @Test
    void deletingASubscriptionCancelsWhatItHadNotDeliveredAndKeepsItsLog() {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.answer(path, 503);
        UUID subscription = subscribe(path, List.of("CaseOpened"));
        publish(new CaseScript().opened(Priority.LOW));
        await().atMost(WAIT).until(() -> !deliveriesOf(subscription).isEmpty()
                && "retrying".equals(deliveriesOf(subscription).getFirst().get("status")));

        assertThat(as(Role.ADMIN).delete().uri("/api/webhooks/{id}", subscription).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);
        int triedBeforeDeletion = RECEIVER.requests(path).size();
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> RECEIVER.requests(path).size() <= triedBeforeDeletion + 1);
        assertThat(deliveriesOf(subscription)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("status", "cancelled"));
        assertThat(as(Role.ADMIN).delete().uri("/api/webhooks/{id}", subscription).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    private UUID subscribe(String path, List<String> events) {
        return subscribe(RECEIVER, path, events);
    }

    private UUID subscribe(Receiver receiver, String path, List<String> events) {
        ResponseEntity<Map> created = as(Role.ADMIN).post().uri("/api/webhooks")
                .body(Map.of("url", receiver.url(path), "events", events, "secret", SECRET))
                .retrieve().toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).doesNotContainKey("secret");
        return UUID.fromString((String) created.getBody().get("id"));
    }

    private List<Map<String, Object>> subscriptions() {
        return as(Role.ADMIN).get().uri("/api/webhooks").retrieve().body(new ParameterizedTypeReference<>() { });
    }

    private List<Map<String, Object>> deliveriesOf(UUID subscription) {
        return as(Role.OPS).get().uri("/api/webhooks/{id}/deliveries", subscription).retrieve()
                .body(new ParameterizedTypeReference<>() { });
    }

    private List<Map<String, Object>> deadLetters(UUID subscription) {
        return as(Role.OPS).get().uri("/api/webhooks/{id}/deliveries?status=dead", subscription).retrieve()
                .body(new ParameterizedTypeReference<>() { });
    }

    private static List<Long> sequencesOf(List<Receiver.Received> requests, CaseScript script) {
        return requests.stream().map(request -> EventJson.tree(request.body().getBytes()))
                .filter(body -> script.caseId.toString().equals(body.path("subject").asText()))
                .map(body -> body.path("sequence").asLong()).toList();
    }
}
