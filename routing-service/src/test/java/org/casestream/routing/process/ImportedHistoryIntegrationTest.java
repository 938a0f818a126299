package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;

/** A case imported with its history happened in another help desk: routing decides nothing about it. */
class ImportedHistoryIntegrationTest extends RoutingIntegrationTest {

    @Test
    void routingLeavesAnImportedCaseAloneAndGoesOnRoutingTheRest() throws Exception {
        Instant opened = Instant.now().minus(3, ChronoUnit.DAYS);
        JsonNode imported = commands(Role.ADMIN, "admin").post().uri("/api/imports/cases")
                .body(Map.of("externalRef", "old-desk-" + UUID.randomUUID(),
                        "customer", Map.of("name", "Ada", "email", "ada-import@example.com"),
                        "subject", "Where is my parcel", "description", "The tracking page has not moved",
                        "channel", "email", "queue", "Deliveries", "priority", "critical",
                        "openedAt", opened.toString(),
                        "comments", List.of(Map.of("at", opened.plus(1, ChronoUnit.HOURS).toString(),
                                "author", "agent", "body", "It is on its way")),
                        "resolvedAt", opened.plus(1, ChronoUnit.DAYS).toString()))
                .retrieve().body(JsonNode.class);
        UUID importedId = UUID.fromString(imported.get("caseId").asText());

        UUID live = openCase("Where is my parcel", "The tracking page has not moved", "standard", "email");
        await(Duration.ofSeconds(30), () -> assertThat(count(history(live), "SlaTargetsSet")).isEqualTo(1));
        Thread.sleep(2000);

        assertThat(routing(Role.LEAD, "lead").get().uri("/api/routing/decisions/{id}", importedId).retrieve()
                .body(JsonNode.class).get("decisions")).isEmpty();
        assertThat(history(importedId)).extracting(entry -> entry.get("actor").asText())
                .allMatch(actor -> actor.startsWith("import:"));
    }
}
