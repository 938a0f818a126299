package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the projection does with records it cannot use, read from the real topic: an event type newer than this
 * service's catalogue is skipped and counted, a record no catalogue can read is dead-lettered, and the events
 * after both still apply.
 */
class SkippedRecordsIntegrationTest extends QueryIntegrationTest {

    @Autowired
    private MeterRegistry registry;

    @Test
    void anUnknownFutureEventTypeAndAnUnreadableRecordAreSkippedAndTheNextEventStillApplies() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = new CaseScript(Instant.now());
        ProducerRecord<String, byte[]> opened = script.then(new CaseOpened(caseId, "CS-SKIP", new Customer("c", "Name",
                "n@example.com", Tier.STANDARD), "Printer on fire", "", Channel.WEB, null, null, null, List.of(), script.clock()));
        ProducerRecord<String, byte[]> known = script.then(new CasePriorityChanged(caseId, Priority.CRITICAL, Priority.MEDIUM, null));
        RecordHeaders headers = new RecordHeaders(known.headers().toArray());
        headers.remove("ce_type");
        headers.add("ce_type", "org.casestream.cases.CaseTeleported".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> future = new ProducerRecord<>(known.topic(), null, known.key(), known.value(), headers);
        ProducerRecord<String, byte[]> unreadable = new ProducerRecord<>(known.topic(), caseId.toString(), "{".getBytes(StandardCharsets.UTF_8));
        double skippedBefore = skipped("unknown-type") + skipped("undecodable");

        awaitApplied(consumer, publish(known.topic(), List.of(opened, future, unreadable, known)));

        JsonNode view = as(Role.AGENT).get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
        assertThat(view.get("priority").asText()).isEqualTo("critical");
        assertThat(skipped("unknown-type") + skipped("undecodable")).isEqualTo(skippedBefore + 2);
    }

    private double skipped(String reason) {
        var counter = registry.find("casestream.events.skipped").tag("consumer", "case-query").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
