package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.casestream.systemtests.Customers.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin subscribes a receiver (a real HTTP server on this machine) to CaseOpened through the gateway; a
 * ticket a channel posts reaches it as a signed delivery that verifies as the notification service documents:
 * {@code X-Casestream-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))} with
 * {@code X-Casestream-Timestamp} in Unix seconds.
 */
@ExtendWith(PlatformExtension.class)
class WebhookDeliveryTest {

    private record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aTicketReachesTheSubscribedReceiverSignedWithItsSecret(Platform platform) throws Exception {
        GatewayClient gateway = platform.gateway();
        // the receiver is on loopback, which the service refuses unless an admin allows private targets
        gateway.put("/api/notification-settings", platform.admin(),
                Map.of("allowPrivateTargets", true, "leadEmails", List.of())).expect(200);
        String secret = "whsec-" + UUID.randomUUID();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + platform.runId();
        JsonNode subscription = gateway.post("/api/webhooks", platform.admin(),
                Map.of("url", url, "events", List.of("CaseOpened"), "secret", secret)).expect(201).json();
        String subscriptionId = subscription.path("id").asText();
        assertThat(subscription.toString()).doesNotContain(secret);

        Customer customer = platform.customers().next("gold");
        String caseId = gateway.post("/api/intake/tickets", platform.apiKey("email"), Map.of(
                        "customer", customer.body(), "subject", "I was charged twice for one order",
                        "description", "Two identical payments on my card statement."))
                .expect(201).json().path("caseId").asText();

        await().atMost(Duration.ofSeconds(90)).until(() -> received.stream().anyMatch(r -> r.body().contains(caseId)));
        Received delivery = received.stream().filter(r -> r.body().contains(caseId)).findFirst().orElseThrow();

        String timestamp = delivery.header("X-Casestream-Timestamp");
        assertThat(Instant.ofEpochSecond(Long.parseLong(timestamp))).isBetween(
                Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(5));
        assertThat(delivery.header("X-Casestream-Signature")).isEqualTo("v1=" + hmacSha256(secret, timestamp + "." + delivery.body()));
        assertThat(delivery.header("X-Casestream-Signature")).isNotEqualTo("v1=" + hmacSha256("another-secret-entirely", timestamp + "." + delivery.body()));
        assertThat(delivery.header("X-Casestream-Event")).contains("CaseOpened");
        JsonNode cloudEvent = GatewayClient.JSON.readTree(delivery.body());
        assertThat(cloudEvent.path("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.path("type").asText()).endsWith("CaseOpened");

        // the delivery log shows it sent, per subscription and per case
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = gateway.get("/api/webhooks/" + subscriptionId + "/deliveries", platform.admin())
                    .expect(200).json();
            assertThat(deliveries.findValuesAsText("status")).contains("sent");
            JsonNode log = gateway.get("/api/notifications?caseId=" + caseId, platform.person("lead")).expect(200).json();
            assertThat(log.toString()).contains(subscriptionId);
        });
        gateway.call("DELETE", "/api/webhooks/" + subscriptionId, platform.admin(), null, Map.of()).expect(204);
    }

    private static String hmacSha256(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
