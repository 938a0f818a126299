package org.casestream.query.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.Topics;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Corrections and merges through the real broker: a case shows its new subject and customer (in the list, the search
 * and the new customer's cases too), the duplicate shows the case it was merged into, and that case its duplicate.
 */
class CaseEditsIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aCaseShowsItsNewSubjectAndCustomerAndBothSidesOfAMerge() {
        String word = "Zephyrine" + UUID.randomUUID().toString().substring(0, 6);
        String oldWord = "Quondam" + UUID.randomUUID().toString().substring(0, 6);
        Customer ada = new Customer("cus-ada-" + UUID.randomUUID(), "Ada", "ada@example.com", Tier.STANDARD);
        Customer king = new Customer("cus-king-" + UUID.randomUUID(), "Ada King", "ada.king@example.com", Tier.GOLD);
        UUID target = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        CaseScript targetEvents = new CaseScript(START);
        CaseScript duplicateEvents = new CaseScript(START);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(targetEvents.then(opened(target, "CS-71001", ada, "Cannot log in " + oldWord)));
        records.add(duplicateEvents.then(opened(duplicate, "CS-71002", ada, "Cannot log in again")));
        records.add(targetEvents.then(new CaseSubjectChanged(target, "Locked out " + word, "Cannot log in " + oldWord)));
        records.add(targetEvents.then(new CaseCustomerChanged(target, king, ada)));
        records.add(duplicateEvents.then(new CaseStatusChanged(duplicate, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        records.add(duplicateEvents.then(new CaseStatusChanged(duplicate, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
        records.add(duplicateEvents.then(CaseReopened.agentReopened(duplicate, "Not solved after all")));
        records.add(duplicateEvents.then(new CaseMergedInto(duplicate, target, "CS-71001")));
        records.add(duplicateEvents.then(new CaseStatusChanged(duplicate, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
        records.add(targetEvents.then(new CaseMerged(target, duplicate, "CS-71002")));
        awaitApplied(consumer, publish(Topics.CASE_EVENTS, records));

        JsonNode kept = get("/api/cases/" + target);
        assertThat(kept.get("subject").asText()).isEqualTo("Locked out " + word);
        assertThat(kept.at("/customer/customerId").asText()).isEqualTo(king.customerId());
        assertThat(kept.at("/customer/tier").asText()).isEqualTo("gold");
        assertThat(kept.at("/merged/0/caseId").asText()).isEqualTo(duplicate.toString());
        assertThat(kept.at("/merged/0/caseNumber").asText()).isEqualTo("CS-71002");
        assertThat(kept.path("mergedInto").isMissingNode() || kept.path("mergedInto").isNull()).isTrue();

        JsonNode closed = get("/api/cases/" + duplicate);
        assertThat(closed.at("/mergedInto/caseId").asText()).isEqualTo(target.toString());
        assertThat(closed.at("/mergedInto/caseNumber").asText()).isEqualTo("CS-71001");
        assertThat(closed.get("status").asText()).isEqualTo("done");
        assertThat(closed.get("reopenCount").asInt()).isEqualTo(1);

        JsonNode found = get("/api/cases?q=" + word);
        assertThat(found.path("items").findValuesAsText("caseId")).containsExactly(target.toString());
        assertThat(found.at("/items/0/subject").asText()).isEqualTo("Locked out " + word);
        assertThat(found.at("/items/0/customerId").asText()).isEqualTo(king.customerId());
        assertThat(get("/api/cases?q=" + oldWord).path("items")).as("the old subject is no longer searched").isEmpty();
        assertThat(get("/api/customers/" + king.customerId() + "/cases").path("items").findValuesAsText("caseId"))
                .containsExactly(target.toString());
        assertThat(get("/api/customers/" + ada.customerId() + "/cases").path("items").findValuesAsText("caseId"))
                .containsExactly(duplicate.toString());
    }

    private JsonNode get(String path) {
        return as(Role.AGENT).get().uri(path).retrieve().body(JsonNode.class);
    }

    private static CaseOpened opened(UUID caseId, String number, Customer customer, String subject) {
        return new CaseOpened(caseId, number, customer, subject, "Opened for the edits test", Channel.WEB, null,
                Queue.LOGIN, Priority.MEDIUM, List.of(), START);
    }
}
