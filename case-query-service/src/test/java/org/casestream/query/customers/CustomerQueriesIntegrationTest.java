package org.casestream.query.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.Topics;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.events.customers.CustomerMerged;
import org.casestream.events.customers.CustomerMergedInto;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Customers through the query API: found by text, shown with every case, a merged record's included. */
class CustomerQueriesIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void aCustomerIsFoundByTextAndShownWithTheirCasesAndTheMergedRecordsCases() {
        String word = "Quillfeather" + UUID.randomUUID().toString().substring(0, 6);
        String kept = "cus-kept-" + UUID.randomUUID();
        String gone = "cus-gone-" + UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        CaseScript keptEvents = new CaseScript(START);
        CaseScript goneEvents = new CaseScript(START);
        records.add(keptEvents.then(new CustomerRegistered(kept, "Ada " + word, "ada@" + word + ".example", Tier.GOLD,
                "Engines", List.of(CustomerIdentity.email("ada@" + word + ".example")), START)));
        records.add(goneEvents.then(new CustomerRegistered(gone, "A. " + word, "old@" + word + ".example",
                Tier.STANDARD, null, List.of(CustomerIdentity.email("old@" + word + ".example")), START)));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        records.add(new CaseScript(START).then(opened(first, kept, "ada@" + word + ".example")));
        records.add(new CaseScript(START.plusSeconds(60)).then(opened(second, gone, "old@" + word + ".example")));
        records.add(new CaseScript(START).then(opened(other, "cus-someone-else", "else@example.com")));
        records.add(goneEvents.then(new CustomerMergedInto(gone, kept)));
        records.add(keptEvents.then(new CustomerMerged(kept, gone,
                List.of(CustomerIdentity.email("old@" + word + ".example")))));
        awaitApplied(consumer, publish(Topics.CASE_EVENTS, records));

        JsonNode found = as(Role.AGENT).get().uri("/api/customers?q={q}", word.toLowerCase())
                .retrieve().body(JsonNode.class);
        assertThat(found.path("customers").findValuesAsText("customerId")).containsExactly(kept);

        JsonNode detail = as(Role.AGENT).get().uri("/api/customers/{id}", gone).retrieve().body(JsonNode.class);
        assertThat(detail.path("customer").path("customerId").asText()).as("a merged record shows the survivor")
                .isEqualTo(kept);
        assertThat(detail.path("customer").path("tier").asText()).isEqualTo("gold");
        assertThat(detail.path("customer").path("emails").toString()).as("addresses are kept in lower case")
                .contains("old@" + word.toLowerCase());
        assertThat(detail.path("cases").path("items").findValuesAsText("caseId"))
                .containsExactly(second.toString(), first.toString());
        assertThat(as(Role.AGENT).get().uri("/api/customers/{id}/cases", kept).retrieve().body(JsonNode.class)
                .path("items").findValuesAsText("caseId")).containsExactlyInAnyOrder(first.toString(), second.toString());
    }

    @Test
    void unknownCustomersBadSearchesAndChannelsAreRefused() {
        assertThat(as(Role.AGENT).get().uri("/api/customers/{id}", "cus-nobody-" + UUID.randomUUID())
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> tooShort = as(Role.AGENT).get().uri("/api/customers?q=a&limit=500").retrieve()
                .toEntity(JsonNode.class);
        assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
        assertThat(tooShort.getBody().path("errors").findValuesAsText("field")).contains("q");
        assertThat(as(Role.CHANNEL).get().uri("/api/customers?q=ada").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
    }

    private static CaseOpened opened(UUID caseId, String customerId, String email) {
        return new CaseOpened(caseId, "CS-" + (70_000 + Math.abs(caseId.hashCode() % 10_000)),
                new Customer(customerId, "Ada", email, Tier.GOLD), "Help", "Please help", Channel.EMAIL, null,
                Queue.LOGIN, Priority.MEDIUM, List.of(), START);
    }
}
