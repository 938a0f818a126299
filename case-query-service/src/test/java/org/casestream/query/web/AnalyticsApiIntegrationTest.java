package org.casestream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.Tier;
import org.casestream.events.Topics;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The analytics API through the real broker and HTTP: breakdowns and CSV for leads, managers and admins only,
 * every bad filter named in one 400, and the CSV the same figures as the JSON, with formula-like cells defused.
 * Its cases are of June 2025, days no other test of the service asks about.
 */
class AnalyticsApiIntegrationTest extends QueryIntegrationTest {

    private static final Instant JUNE = Instant.parse("2025-06-02T09:00:00Z");
    private static final String RANGE = "from=2025-06-01&to=2025-06-07";
    private static final UUID AGENT = UUID.randomUUID();
    private static final String AGENT_NAME = "=HYPERLINK(\"x\") Ode " + AGENT.toString().substring(0, 6);
    private static boolean seeded;

    @BeforeEach
    void seedOnce() {
        synchronized (AnalyticsApiIntegrationTest.class) {
            if (seeded) {
                return;
            }
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            CaseScript people = new CaseScript(JUNE.minus(1, ChronoUnit.DAYS));
            records.add(people.then(new AgentRegistered(AGENT, AGENT_NAME, "ode@example.com",
                    List.of(new Skill(Queue.REFUNDS, 3)), 4, null)));
            for (int i = 0; i < 3; i++) {
                UUID caseId = UUID.randomUUID();
                Instant opened = JUNE.plus(i, ChronoUnit.DAYS);
                CaseScript script = new CaseScript(opened);
                records.add(script.thenAt(opened, new CaseOpened(caseId, "CS-" + (82_000 + i),
                        new Customer("cus-june-" + i, "June " + i, "june" + i + "@example.com", Tier.STANDARD),
                        "Refund please", "Twice charged", Channel.WEB, null, null, Priority.HIGH, List.of(), opened)));
                records.add(script.then(new CaseClassified(caseId, Queue.REFUNDS, Queue.UNCLASSIFIED, "rules")));
                records.add(script.then(new CaseAssigned(caseId, AGENT, null, AssignmentReason.AUTO)));
                records.add(script.then(new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, "ode", "Ode",
                        Visibility.PUBLIC, "Refunded", List.of())));
                if (i < 2) {
                    records.add(script.thenAt(opened.plus(90, ChronoUnit.MINUTES),
                            new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
                    records.add(script.then(new SatisfactionRated(caseId, 4 + i, null)));
                }
            }
            awaitApplied(consumer, publish(Topics.CASE_EVENTS, records));
            seeded = true;
        }
    }

    @Test
    void leadsManagersAndAdminsReadTheBreakdownsAndTheirCsvAgentsAndOpsDoNot() {
        for (Role role : List.of(Role.LEAD, Role.MANAGER, Role.ADMIN)) {
            assertThat(status(role, "/api/analytics/breakdowns?" + RANGE)).as(role.name()).isEqualTo(200);
            assertThat(status(role, "/api/analytics/export?section=agents&" + RANGE)).as(role.name()).isEqualTo(200);
        }
        for (Role role : List.of(Role.AGENT, Role.OPS, Role.CHANNEL, Role.ROUTING)) {
            assertThat(status(role, "/api/analytics/breakdowns?" + RANGE)).as(role.name()).isEqualTo(403);
            assertThat(status(role, "/api/analytics/export?" + RANGE)).as(role.name()).isEqualTo(403);
        }
        // the report per day stays readable by everyone who reads cases
        assertThat(status(Role.AGENT, "/api/analytics?" + RANGE)).isEqualTo(200);
    }

    @Test
    void theBreakdownsAndTheReportCountTheRangesCases() {
        JsonNode breakdowns = json(Role.LEAD, "/api/analytics/breakdowns?" + RANGE + "&queue=refunds");
        assertThat(breakdowns.get("queue").asText()).isEqualTo("Refunds");
        assertThat(breakdowns.get("days")).hasSize(7);
        JsonNode ode = agent(breakdowns);
        assertThat(ode.get("resolved").asLong()).isEqualTo(2);
        assertThat(ode.get("resolvedPerDay").toString()).isEqualTo("[0,1,1,0,0,0,0]");
        assertThat(ode.get("open").asLong()).isEqualTo(1);
        assertThat(ode.get("capacity").asInt()).isEqualTo(4);
        assertThat(ode.get("csatMean").asDouble()).isEqualTo(4.5);
        assertThat(ode.at("/firstContact/rate").asDouble()).isEqualTo(1.0);
        assertThat(breakdowns.get("resolutionByQueueAndPriority")).singleElement().satisfies(row -> {
            assertThat(row.get("queue").asText()).isEqualTo("Refunds");
            assertThat(row.get("priority").asText()).isEqualTo("high");
            assertThat(row.at("/resolution/count").asLong()).isEqualTo(2);
            assertThat(row.at("/resolution/medianSecondsAtMost").asLong()).isEqualTo(7200);
        });
        assertThat(breakdowns.at("/resolutionDistribution/5/count").asLong()).isEqualTo(2);
        assertThat(breakdowns.at("/csatByQueue/0/ratings/5").asLong()).isEqualTo(1);

        JsonNode report = json(Role.MANAGER, "/api/analytics?" + RANGE + "&queue=Refunds");
        List<Long> backlog = new ArrayList<>();
        report.get("days").forEach(day -> backlog.add(day.get("backlog").asLong()));
        assertThat(backlog).containsExactly(0L, 0L, 0L, 1L, 1L, 1L, 1L);
        assertThat(report.at("/total/firstContact/resolved").asLong()).isEqualTo(2);
    }

    @Test
    void everyBadFilterIsNamedInOne400() {
        ResponseEntity<JsonNode> bad = as(Role.LEAD).get()
                .uri("/api/analytics/export?section=everything&format=xlsx&from=monday&queue=No.where")
                .retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("section", "format", "from", "queue");
        ResponseEntity<JsonNode> backwards = as(Role.MANAGER).get()
                .uri("/api/analytics/breakdowns?from=2025-06-07&to=2025-06-01&queue=No.where")
                .retrieve().toEntity(JsonNode.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "queue");
    }

    @Test
    void theCsvHasTheSameFiguresWithFormulaCellsDefused() {
        ResponseEntity<String> agents = as(Role.ADMIN).get().uri("/api/analytics/export?section=agents&" + RANGE)
                .retrieve().toEntity(String.class);
        assertThat(agents.getStatusCode().value()).isEqualTo(200);
        assertThat(agents.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(agents.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"analytics-agents-2025-06-01-2025-06-07.csv\"");
        List<String> lines = agents.getBody().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("agentId,name,capacity,open,resolved,csatCount,csatMean,"
                + "firstContactResolvable,firstContactResolved,firstContactRate");
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo(AGENT + ",\"'=HYPERLINK(\"\"x\"\") Ode "
                + AGENT.toString().substring(0, 6) + "\",4,1,2,2,4.5,2,2,1.0"));

        String daily = as(Role.LEAD).get().uri("/api/analytics/export?" + RANGE + "&queue=Refunds&format=csv")
                .retrieve().body(String.class);
        List<String> days = daily.lines().toList();
        assertThat(days).hasSize(8);
        assertThat(days.getFirst()).startsWith("day,opened,resolved,").endsWith(",backlog");
        assertThat(days.get(2)).startsWith("2025-06-02,1,1,5400.0,7200,").endsWith(",0");
        assertThat(days.get(4)).startsWith("2025-06-04,1,0,").endsWith(",1");

        String perDay = as(Role.LEAD).get().uri("/api/analytics/export?section=agent-days&" + RANGE)
                .retrieve().body(String.class);
        assertThat(perDay.lines()).contains("2025-06-03," + AGENT + ",\"'=HYPERLINK(\"\"x\"\") Ode "
                + AGENT.toString().substring(0, 6) + "\",1");
        Map<String, Integer> sections = Map.of("resolution-times", 13, "queue-priority", 2, "csat-queues", 2);
        sections.forEach((section, lineCount) -> assertThat(as(Role.MANAGER).get()
                .uri("/api/analytics/export?section=" + section + "&" + RANGE + "&queue=Refunds").retrieve()
                .body(String.class).lines()).as(section).hasSize(lineCount));
    }

    private JsonNode agent(JsonNode breakdowns) {
        for (JsonNode agent : breakdowns.get("agents")) {
            if (agent.get("agentId").asText().equals(AGENT.toString())) {
                return agent;
            }
        }
        throw new AssertionError("agent " + AGENT + " not in " + breakdowns.get("agents"));
    }

    private int status(Role role, String path) {
        return as(role).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private JsonNode json(Role role, String path) {
        ResponseEntity<JsonNode> response = as(role).get().uri(path).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }
}
