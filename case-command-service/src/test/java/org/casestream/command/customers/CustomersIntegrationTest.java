package org.casestream.command.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Customers are records: intake finds or registers them, leads set tiers and merge records of one person. */
class CustomersIntegrationTest extends IntegrationTest {

    @Test
    void ticketsFromOneAddressBelongToOneCustomerRegisteredOnceEvenWhenTheyArriveTogether() throws Exception {
        String email = unique("ada") + "@Example.com";
        List<Callable<String>> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            tickets.add(() -> customerOf(ticket(email, "Ada " + n, "gold", null)));
        }
        List<String> customers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<String> customer : pool.invokeAll(tickets)) {
                customers.add(customer.get());
            }
        }

        assertThat(customers).hasSize(6).containsOnly(customers.getFirst());
        assertThat(customers.getFirst()).as("the id cases carried before customers were records")
                .isEqualTo(Customers.idFor(email));
        assertThat(registrations(customers.getFirst())).isEqualTo(1);
    }

    @Test
    void aCustomersTierIsTheRecordsAChannelCannotRaiseItALeadCan() {
        String email = unique("bob") + "@example.com";
        String first = ticket(email, "Bob", "standard", null);
        String customerId = customerOf(first);

        String claimed = ticket(email, "Bob", "platinum", null);
        assertThat(tierOf(claimed)).as("the channel's tier for a known customer").isEqualTo("standard");

        assertThat(as(Role.AGENT).put().uri("/api/customers/{id}/tier", customerId)
                .body(Map.of("tier", "gold")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> raised = as(Role.LEAD, "lead-lisa").put().uri("/api/customers/{id}/tier", customerId)
                .body(Map.of("tier", "gold", "reason", "enterprise contract")).retrieve().toEntity(JsonNode.class);
        assertThat(raised.getStatusCode().value()).isEqualTo(200);
        assertThat(raised.getBody().path("tier").asText()).isEqualTo("gold");

        assertThat(tierOf(ticket(email, "Bob", "standard", null))).isEqualTo("gold");
        assertThat(tierOf(first)).as("a case opened before keeps its tier").isEqualTo("standard");
    }

    @Test
    void aChannelsOwnIdFindsTheCustomerUnderANewAddressWhichIsTheirsFromThenOn() {
        String externalId = unique("crm");
        String first = customerOf(ticket(unique("carol") + "@example.com", "Carol", "standard", externalId));
        String newAddress = unique("carol-new") + "@example.com";

        assertThat(customerOf(ticket(newAddress, "Carol", "standard", externalId))).isEqualTo(first);
        assertThat(customerOf(ticket(newAddress, "Carol", "standard", null))).as("found by the new address alone")
                .isEqualTo(first);
    }

    @Test
    void mergingMovesTheIdentitiesAndLeavesTheMergedRecordClosed() {
        String keepEmail = unique("dora") + "@example.com";
        String goneEmail = unique("dora-old") + "@example.com";
        String kept = register(keepEmail);
        String gone = customerOf(ticket(goneEmail, "Dora", "standard", null));

        assertThat(as(Role.AGENT).post().uri("/api/customers/{id}/merge", kept).body(Map.of("mergedId", gone))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> merged = as(Role.LEAD).post().uri("/api/customers/{id}/merge", kept)
                .body(Map.of("mergedId", gone)).retrieve().toEntity(JsonNode.class);
        assertThat(merged.getStatusCode().value()).isEqualTo(200);

        assertThat(customerOf(ticket(goneEmail, "Dora", "standard", null))).as("the old address finds the survivor")
                .isEqualTo(kept);
        assertThat(as(Role.LEAD).post().uri("/api/customers/{id}/merge", kept).body(Map.of("mergedId", gone))
                .retrieve().toBodilessEntity().getStatusCode().value()).as("merged already").isEqualTo(409);
        assertThat(as(Role.LEAD).put().uri("/api/customers/{id}/profile", gone).body(Map.of("name", "Dora"))
                .retrieve().body(JsonNode.class).path("customerId").asText())
                .as("a change to the merged record goes to the survivor").isEqualTo(kept);
        List<String> types = jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)
                        ORDER BY global_index""")
                .params(kept, gone).query(String.class).list();
        assertThat(types).anyMatch(type -> type.endsWith("CustomerMerged"))
                .anyMatch(type -> type.endsWith("CustomerMergedInto"));
    }

    @Test
    void badCustomerInputIsRefusedNamingEachFieldAndAKnownAddressIsAConflict() {
        ResponseEntity<JsonNode> bad = as(Role.AGENT).post().uri("/api/customers")
                .body(Map.of("email", "not an address", "organisation", "x".repeat(201))).retrieve()
                .toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(bad.getBody().path("errors").findValuesAsText("field")).contains("name", "email", "organisation");
        assertThat(as(Role.AGENT).post().uri("/api/customers").body(Map.of("name", "X", "email", "x@example.com",
                "tier", "diamond")).retrieve().body(JsonNode.class).path("errors").findValuesAsText("field"))
                .containsExactly("tier");

        String email = unique("eve") + "@example.com";
        register(email);
        assertThat(as(Role.AGENT).post().uri("/api/customers").body(Map.of("name", "Eve", "email", email))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(409);
        ResponseEntity<JsonNode> both = as(Role.LEAD).post().uri("/api/customers/{id}/identities",
                        Customers.idFor(email))
                .body(Map.of("email", "x@example.com", "channel", "web", "externalId", "1")).retrieve()
                .toEntity(JsonNode.class);
        assertThat(both.getStatusCode().value()).isEqualTo(400);
        assertThat(as(Role.LEAD).put().uri("/api/customers/{id}/tier", "cus-nobody").body(Map.of("tier", "gold"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    private String register(String email) {
        ResponseEntity<JsonNode> created = as(Role.AGENT).post().uri("/api/customers")
                .body(Map.of("name", "Someone", "email", email, "organisation", "Example Ltd"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("register: %s", created.getBody()).isEqualTo(201);
        return created.getBody().path("customerId").asText();
    }

    /** Opens a ticket as the web form channel; returns the case id. */
    private String ticket(String email, String name, String tier, String externalId) {
        Map<String, Object> customer = new java.util.HashMap<>(Map.of("name", name, "email", email, "tier", tier));
        if (externalId != null) {
            customer.put("customerId", externalId);
        }
        ResponseEntity<JsonNode> created = as(Role.CHANNEL, "web-form").post().uri("/api/intake/tickets")
                .body(Map.of("customer", customer, "subject", "Help", "description", "Please help"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("ticket: %s", created.getBody()).isEqualTo(201);
        return created.getBody().path("caseId").asText();
    }

    private String customerOf(String caseId) {
        return as(Role.LEAD).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class)
                .get(0).path("data").path("customer").path("customerId").asText();
    }

    private String tierOf(String caseId) {
        return as(Role.LEAD).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class)
                .get(0).path("data").path("customer").path("tier").asText();
    }

    private long registrations(String customerId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")
                .params(customerId, "%CustomerRegistered").query(Long.class).single();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
