package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * An event the projection cannot apply however often it tries (the case's stored view has become unreadable),
 * read from the real topic by an instance with a topic of its own: it is parked in the dead-letter topic with the
 * case's later event behind it, counted, listed for ops without its content, and the events of other cases after
 * it on the same partition are applied. A retry while the cause is there parks nothing new and applies nothing;
 * once the view is readable again, a retry applies both in order (dashboard counters included), the list is empty,
 * and the case's next event applies as usual.
 */
class PoisonEventIntegrationTest extends QueryIntegrationTest {

    @Test
    void anEventThatCannotBeAppliedIsParkedListedAndRetriedWhileThePartitionMovesOn() throws Exception {
        String topic = "poison-" + UUID.randomUUID();
        String database = "poison_" + UUID.randomUUID().toString().replace("-", "");
        try (ConfigurableApplicationContext instance = startInstance(database, topic, temporaryDirectory("poison-index-"),
                Map.of())) {
            GenerationConsumer projection = instance.getBean(org.casestream.query.rebuild.Projections.class).live();
            MeterRegistry meters = instance.getBean(MeterRegistry.class);
            String base = "http://localhost:" + Instances.port(instance);
            RestClient agent = Callers.as(base, Role.AGENT);
            RestClient ops = Callers.as(base, Role.OPS);
            UUID poisoned = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            CaseScript poisonedScript = new CaseScript(Instant.now().minusSeconds(3600));
            CaseScript otherScript = new CaseScript(Instant.now().minusSeconds(3600));
            awaitApplied(projection, publish(topic, onePartition(topic, List.of(
                    poisonedScript.then(opened(poisoned, "CS-POISON", poisonedScript.clock())),
                    poisonedScript.then(new CaseStatusChanged(poisoned, CaseStatus.IN_PROGRESS, CaseStatus.NEW)),
                    otherScript.then(opened(other, "CS-OTHER", otherScript.clock()))))));

            // the stored view of one case becomes unreadable: every event of that case now fails the same way
            var views = instance.getBean(ActiveReadModels.class).current().database()
                    .getCollection(CaseViews.COLLECTION + "_g" + instance.getBean(ActiveReadModels.class).current().generation());
            views.updateOne(Filters.eq("_id", poisoned.toString()), Updates.set("priority", "not-a-priority"));
            List<RecordMetadata> landed = publish(topic, onePartition(topic, List.of(
                    poisonedScript.then(new CaseTagged(poisoned, List.of("secret-tag"), List.of())),
                    poisonedScript.then(new CasePriorityChanged(poisoned, Priority.CRITICAL, Priority.MEDIUM, "vip")),
                    otherScript.then(new CaseStatusChanged(other, CaseStatus.IN_PROGRESS, CaseStatus.NEW)))));

            // the partition moves on: the other case's event behind the poisoned one is applied
            awaitApplied(projection, landed);
            assertThat(agent.get().uri("/api/cases/{id}", other).retrieve().body(JsonNode.class).path("status").asText())
                    .isEqualTo("inprogress");
            assertThat(meters.get("casestream.events.dead-lettered").tag("consumer", "case-query").counter().count())
                    .isEqualTo(2);
            assertThat(meters.get("casestream.events.parked").tag("consumer", "case-query").gauge().value()).isEqualTo(2);

            JsonNode listing = ops.get().uri("/api/ops/dead-letters").retrieve().body(JsonNode.class);
            assertThat(listing.path("total").asLong()).isEqualTo(2);
            JsonNode first = listing.path("records").get(0);
            assertThat(first.path("eventType").asText()).endsWith("CaseTagged");
            assertThat(first.path("subject").asText()).isEqualTo(poisoned.toString());
            assertThat(first.path("originalTopic").asText()).isEqualTo(topic);
            assertThat(first.path("originalOffset").asLong()).isEqualTo(landed.get(0).offset());
            assertThat(first.path("reason").asText()).contains("cannot be read");
            // the innermost cause: the stored priority is not one the catalogue knows
            assertThat(first.path("error").asText()).isEqualTo(IllegalArgumentException.class.getName());
            JsonNode second = listing.path("records").get(1);
            assertThat(second.path("eventType").asText()).endsWith("CasePriorityChanged");
            assertThat(second.path("reason").asText()).isEqualTo(GenerationConsumer.PARKED_BEHIND);
            assertThat(listing.toString()).doesNotContain("secret-tag").doesNotContain("vip");
            assertThat(Callers.as(base, Role.AGENT).get().uri("/api/ops/dead-letters").retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(403);

            // while the cause is there, a retry stops at the first and applies nothing
            JsonNode stillFailing = ops.post().uri("/api/ops/dead-letters/retry").retrieve().body(JsonNode.class);
            assertThat(stillFailing.path("retried").asInt()).isZero();
            assertThat(stillFailing.path("remaining").asLong()).isEqualTo(2);
            assertThat(stillFailing.path("stoppedAt").path("eventType").asText()).endsWith("CaseTagged");
            assertThat(meters.get("casestream.events.dead-lettered").tag("consumer", "case-query").counter().count())
                    .isEqualTo(2);

            // the cause removed, a retry applies both, in order
            views.updateOne(Filters.eq("_id", poisoned.toString()), Updates.set("priority", "medium"));
            JsonNode retried = ops.post().uri("/api/ops/dead-letters/retry").retrieve().body(JsonNode.class);
            assertThat(retried.path("retried").asInt()).isEqualTo(2);
            assertThat(retried.path("remaining").asLong()).isZero();
            JsonNode view = agent.get().uri("/api/cases/{id}", poisoned).retrieve().body(JsonNode.class);
            assertThat(view.path("tags").toString()).contains("secret-tag");
            assertThat(view.path("priority").asText()).isEqualTo("critical");
            assertThat(ops.get().uri("/api/ops/dead-letters").retrieve().body(JsonNode.class).path("total").asLong())
                    .isZero();
            assertThat(meters.get("casestream.events.parked").tag("consumer", "case-query").gauge().value()).isZero();
            // counted once, in the counters' documents for retried records
            assertThat(dashboard(agent).path("openByPriority").path("critical").asLong()).isEqualTo(1);

            // the case is no longer held back: its next event applies at once
            awaitApplied(projection, publish(topic, onePartition(topic, List.of(
                    poisonedScript.then(new CaseStatusChanged(poisoned, CaseStatus.DONE, CaseStatus.IN_PROGRESS))))));
            assertThat(agent.get().uri("/api/cases/{id}", poisoned).retrieve().body(JsonNode.class).path("status")
                    .asText()).isEqualTo("done");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode dashboard = dashboard(agent);
                assertThat(dashboard.path("byStatus").path("done").asLong()).isEqualTo(1);
                assertThat(dashboard.path("byStatus").path("inprogress").asLong()).isEqualTo(1);
                assertThat(dashboard.path("openByPriority").path("critical").asLong()).isZero();
                assertThat(dashboard.path("openByPriority").path("medium").asLong()).isEqualTo(1);
            });
        }
    }

    private static JsonNode dashboard(RestClient caller) {
        return caller.get().uri("/api/dashboard").retrieve().body(JsonNode.class);
    }

    /** The records in partition 0, so that the other case's events queue behind the poisoned one's. */
    private static List<ProducerRecord<String, byte[]>> onePartition(String topic, List<ProducerRecord<String, byte[]>> records) {
        return records.stream().map(record -> new ProducerRecord<>(topic, 0, record.key(), record.value(), record.headers()))
                .toList();
    }

    private static CaseOpened opened(UUID caseId, String number, Instant at) {
        return new CaseOpened(caseId, number, new Customer("poison-customer", "Pat", "pat@example.com", Tier.STANDARD),
                "Cannot pay", "Card refused", Channel.WEB, null, null, null, List.of(), at);
    }
}
