package org.casestream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.casestream.events.EventCatalogue.EventType;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.json.EventJson;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void namesEveryEventOfSpecCatalogueOnce() {
        assertThat(EventCatalogue.all()).extracting(EventType::name).containsExactlyInAnyOrder(
                "CaseOpened", "CaseClassified", "CasePriorityChanged", "SlaTargetsSet", "CaseAssigned",
                "CaseUnassigned", "CaseStatusChanged", "CaseReopened", "CommentAdded", "FirstResponseRecorded",
                "SlaBreached", "CaseEscalated", "SatisfactionRated", "CaseTagged", "MacroApplied", "CaseSubjectChanged",
                "CaseCustomerChanged", "CaseMergedInto", "CaseMerged",
                "AgentRegistered", "AgentSkillsChanged", "AgentAvailabilityChanged",
                "CustomerRegistered", "CustomerIdentityAdded", "CustomerProfileChanged", "CustomerTierChanged",
                "CustomerMerged", "CustomerMergedInto",
                "QueueCreated", "QueueRenamed", "QueueArchived", "QueueRestored");
        assertThat(CatalogueSamples.all().stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet()))
                .hasSameSizeAs(EventCatalogue.all());
    }

    @Test
    void giveEachTypeFamilyAndVersion() {
        assertThat(EventCatalogue.of(CaseOpened.class).cloudEventType()).isEqualTo("org.casestream.case.CaseOpened");
        assertThat(EventCatalogue.of(CaseAssigned.class).version()).isEqualTo(2);
        assertThat(EventCatalogue.of(CaseOpened.class).version()).isEqualTo(1);
        assertThat(EventCatalogue.of(CaseReopened.class).version()).isEqualTo(2);
        assertThat(EventCatalogue.byName("AgentRegistered").orElseThrow().cloudEventType())
                .isEqualTo("org.casestream.agent.AgentRegistered");
        assertThat(EventCatalogue.byCloudEventType("org.casestream.case.CaseTeleported")).isEmpty();
        assertThat(EventCatalogue.byCloudEventType("org.casestream.agent.CaseOpened")).isEmpty();
    }

    /** Events reach logs through toString (a failed projection, a skipped record): none carries a customer's data. */
    @Test
    void noEventsTextShowsTheCustomersNameAddressOrWords() {
        List<String> personal = List.of("Ada", "ada@", "countess@", "Cannot log in", "Reset mail", "Analytical Engines",
                "prefers mail", "Quick and kind", "Checked the mail logs", "4711");
        for (DomainEvent event : CatalogueSamples.all()) {
            assertThat(personal).as(event.getClass().getSimpleName() + ": " + event)
                    .noneMatch(value -> event.toString().contains(value));
        }
    }

    @Test
    void everyEventSurvivesJsonRoundTrip() {
        for (DomainEvent event : CatalogueSamples.all()) {
            byte[] json = EventJson.write(event);
            assertThat(EventJson.read(EventJson.tree(json), event.getClass())).as(CatalogueSamples.describe(event))
                    .isEqualTo(event);
        }
    }

    @Test
    void aCaseOpenedStoredBeforeFilesCouldComeWithItHasNone() {
        String stored = """
                {"caseId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","caseNumber":"CS-1001",
                 "customer":{"customerId":"c-1","name":"Ada","email":"ada@example.com","tier":"gold"},
                 "subject":"Cannot log in","description":"","channel":"email","queue":"Unclassified",
                 "priority":"high","tags":[],"openedAt":"2026-11-21T10:15:30.123Z"}""";

        CaseOpened opened = EventJson.read(EventJson.tree(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                CaseOpened.class);

        assertThat(opened.attachments()).isEmpty();
        assertThat(opened.origin()).isNull();
    }

    @Test
    void writesWireNamesAndIsoInstants() {
        String json = new String(EventJson.write(CatalogueSamples.sampleOf(CaseOpened.class)));
        assertThat(json).contains("\"channel\":\"email\"", "\"priority\":\"high\"", "\"queue\":\"Unclassified\"",
                "\"tier\":\"gold\"", "\"openedAt\":\"2026-11-21T10:15:30.123Z\"");
    }

    @Test
    void refusesUnknownWireNames() {
        assertThatThrownBy(() -> Priority.of("urgent")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Priority.of("CRITICAL")).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.LOW.raised()).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.CRITICAL.raised()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void piiStaysOutOfToString() {
        for (DomainEvent event : CatalogueSamples.all()) {
            assertThat(event.toString()).as(event.getClass().getSimpleName())
                    .doesNotContain("ada@example.com", "Ada Lovelace", "grace@example.com", "Grace Hopper",
                            "Checked the mail logs", "Quick and kind", "Cannot log in since Monday",
                            "still broken");
        }
    }
}
