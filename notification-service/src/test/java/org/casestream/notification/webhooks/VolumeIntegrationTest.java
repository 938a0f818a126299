package org.casestream.notification.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casestream.events.Priority;
import org.casestream.events.json.EventJson;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A burst of cases: every one reaches its customer and the subscriber exactly once, as receivers count (by delivery
 * id and Message-ID, which a send made again after a timeout keeps); prints how fast.
 */
class VolumeIntegrationTest extends IntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeIntegrationTest.class);

    private static final int CASES = 1000;

    @Test
    void aThousandCasesOpenedAtOnceEachNotifyTheirCustomerAndTheSubscriberExactlyOnce() {
        String path = "/volume/" + UUID.randomUUID();
        assertThat(as(Role.ADMIN).post().uri("/api/webhooks").body(Map.of("url", RECEIVER.url(path),
                "events", List.of("CaseOpened"), "secret", "whsec-0123456789abcdef")).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(201);
        List<CaseScript> cases = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            CaseScript script = new CaseScript();
            cases.add(script);
            events.add(script.opened(Priority.MEDIUM));
        }
        Set<String> customers = cases.stream().map(script -> script.customerEmail).collect(Collectors.toSet());

        long start = System.nanoTime();
        publishAll(events);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> RECEIVER.accepted(path).size() >= CASES);
        long webhooks = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsToAny(customers) >= CASES);
        long mails = System.nanoTime();
        LOG.info("notification volume: {} cases opened -> all webhooks in {} ms, all mails in {} ms",
                CASES, (webhooks - start) / 1_000_000, (mails - start) / 1_000_000);

        // one delivery per case and receiver (the delivery log's unique key), each with an id of its own: a receiver
        // that dedupes by it sees each case once. A send the platform could not be sure of (a timeout under load)
        // goes out again with the same delivery id and Message-ID, so what arrives is counted by those ids
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVER.accepted(path).stream()
                        .map(request -> EventJson.tree(request.body().getBytes()).path("id").asText()).distinct()
                        .count() == CASES && distinctMailsToAny(customers) == CASES);
    }

    private static long distinctMailsToAny(Set<String> addresses) {
        return mailsTo(addresses).map(message -> {
            try {
                return message.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
    }

    private static long mailsToAny(Set<String> addresses) {
        return mailsTo(addresses).count();
    }

    private static Stream<MimeMessage> mailsTo(Set<String> addresses) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return addresses.contains(message.getAllRecipients()[0].toString());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
