package org.casestream.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** At least once, in order per case, nothing lost: with the broker away, and across a restart of the service. */
class PublishingResilienceIntegrationTest extends IntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private static Map<String, Object> ticket(int i) {
        return Map.of("customer", Map.of("name", "Customer " + i, "email", "c" + i + "@example.com"),
                "subject", "Case " + i, "externalRef", "resilience-" + UUID.randomUUID());
    }

    @Test
    void eventsStoredWhileKafkaIsDownArriveOnceInOrderWhenItReturns() {
        var consumer = caseEventsConsumer();
        recordsFor(consumer, Set.of(), 1, Duration.ofSeconds(2));
        TestInfrastructure.stopKafka();
        Map<String, Integer> eventsPerCase = new LinkedHashMap<>();
        try {
            RestClient channel = as(Role.CHANNEL, "email-bridge");
            RestClient agent = as(Role.AGENT);
            for (int i = 0; i < 5; i++) {
                ResponseEntity<JsonNode> opened = channel.post().uri("/api/intake/tickets").body(ticket(i)).retrieve()
                        .toEntity(JsonNode.class);
                assertThat(opened.getStatusCode()).as("intake works without Kafka").isEqualTo(HttpStatus.CREATED);
                String caseId = opened.getBody().get("caseId").asText();
                agent.post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "inprogress")).retrieve()
                        .toBodilessEntity();
                agent.post().uri("/api/cases/{id}/comments", caseId).body(Map.of("body", "looking")).retrieve()
                        .toBodilessEntity();
                eventsPerCase.put(caseId, 4);
            }
        } finally {
            TestInfrastructure.startKafka();
        }

        int expected = eventsPerCase.values().stream().mapToInt(Integer::intValue).sum();
        List<ConsumerRecord<String, byte[]>> records = recordsFor(consumer, eventsPerCase.keySet(), expected, CATCH_UP);
        records.addAll(recordsFor(consumer, eventsPerCase.keySet(), Integer.MAX_VALUE, Duration.ofSeconds(3)));

        assertEveryEventOnceInOrder(records, eventsPerCase);
    }

    /**
     * Sends that the broker never acknowledges (it is away longer than the producer's delivery timeout, so every
     * record in flight expires) must keep the processor's token where it was: the batch is sent again once the
     * broker is back, and nothing is lost.
     */
    @Test
    void sendsThatExpireWhileKafkaIsDownAreSentAgainWhenItReturns() throws Exception {
        var consumer = caseEventsConsumer();
        recordsFor(consumer, Set.of(), 1, Duration.ofSeconds(2));
        Map<String, String> shortTimeouts = Map.of(
                "spring.datasource.url", TestInfrastructure.createDatabase("expired_" + UUID.randomUUID().toString().replace("-", "")),
                "spring.kafka.producer.properties.delivery.timeout.ms", "2000",
                "spring.kafka.producer.properties.request.timeout.ms", "1000",
                "spring.kafka.producer.properties.max.block.ms", "1000");
        Map<String, Integer> eventsPerCase = new LinkedHashMap<>();
        try (ConfigurableApplicationContext instance = startInstance(shortTimeouts)) {
            RestClient channel = Callers.client("http://localhost:" + Instances.port(instance), TestInfrastructure.token(Role.CHANNEL, "web-form"));
            // one case first, so that the producer knows the topic's partitions: sends are then accepted at once
            // and fail only when they expire, after the handler has returned
            Map<String, Integer> first = new LinkedHashMap<>();
            openCases(channel, 0, 1, first);
            assertThat(recordsFor(consumer, first.keySet(), 1, CATCH_UP)).hasSize(1);
            TestInfrastructure.stopKafka();
            try {
                openCases(channel, 1, 6, eventsPerCase);
                // well past the delivery timeout: whatever the publisher sent meanwhile has failed
                Thread.sleep(6_000);
            } finally {
                TestInfrastructure.startKafka();
            }
            List<ConsumerRecord<String, byte[]>> records = recordsFor(consumer, eventsPerCase.keySet(),
                    eventsPerCase.size(), CATCH_UP);
            records.addAll(recordsFor(consumer, eventsPerCase.keySet(), Integer.MAX_VALUE, Duration.ofSeconds(3)));
            assertEveryEventOnceInOrder(records, eventsPerCase);
        }
    }

    @Test
    void restartingTheServiceMidStreamLosesNothing() throws Exception {
        var consumer = caseEventsConsumer();
        Map<String, String> ownDatabase = Map.of("spring.datasource.url",
                TestInfrastructure.createDatabase("restart_" + UUID.randomUUID().toString().replace("-", "")));
        Map<String, Integer> eventsPerCase = new LinkedHashMap<>();
        String token = TestInfrastructure.token(Role.CHANNEL, "web-form");

        ConfigurableApplicationContext first = startInstance(ownDatabase);
        openCases(Callers.client("http://localhost:" + Instances.port(first), token), 0, 15, eventsPerCase);
        first.close();
        try (ConfigurableApplicationContext second = startInstance(ownDatabase)) {
            openCases(Callers.client("http://localhost:" + Instances.port(second), token), 15, 30, eventsPerCase);

            List<ConsumerRecord<String, byte[]>> records = recordsFor(consumer, eventsPerCase.keySet(),
                    eventsPerCase.size(), CATCH_UP);
            records.addAll(recordsFor(consumer, eventsPerCase.keySet(), Integer.MAX_VALUE, Duration.ofSeconds(3)));

            assertThat(eventsPerCase).hasSize(30);
            Set<String> published = new HashSet<>();
            records.forEach(record -> published.add(record.key()));
            assertThat(published).containsExactlyInAnyOrderElementsOf(eventsPerCase.keySet());
        }
    }

    private static void openCases(RestClient channel, int from, int to, Map<String, Integer> eventsPerCase) {
        for (int i = from; i < to; i++) {
            ResponseEntity<JsonNode> opened = channel.post().uri("/api/intake/tickets").body(ticket(i)).retrieve()
                    .toEntity(JsonNode.class);
            assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            eventsPerCase.put(opened.getBody().get("caseId").asText(), 1);
        }
    }

    private static void assertEveryEventOnceInOrder(List<ConsumerRecord<String, byte[]>> records,
            Map<String, Integer> eventsPerCase) {
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = CloudEventsKafka.fromRecord(record).orElseThrow();
            assertThat(eventIds.add(envelope.eventId())).as("event %s arrived once", envelope.eventId()).isTrue();
            sequences.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(envelope.sequence());
        }
        eventsPerCase.forEach((caseId, count) -> {
            List<Long> expected = new ArrayList<>();
            for (long sequence = 0; sequence < count; sequence++) {
                expected.add(sequence);
            }
            assertThat(sequences.get(caseId)).as("events of case %s in order", caseId).isEqualTo(expected);
        });
    }
}
