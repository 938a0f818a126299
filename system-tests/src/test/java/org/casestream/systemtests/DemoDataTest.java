package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./casestream demo} loads its data through the gateway: its people log in with the demo password, the
 * cases it posted are there across channels, some of them worked to done, and the lead's shared macros are there,
 * some of them used, and customers rated resolved cases through the survey links of their done-mails; closed cases
 * of the days before came over through the import API with their times; the analytics
 * page's figures are filled. Runs near the end: its agents would otherwise compete for the other tests' cases.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE - 1)
class DemoDataTest {

    @Test
    void theDemoLoadsPeopleAgentsAndWorkedCasesThroughTheGateway(Platform platform) {
        Path output = platform.launcherLog("demo");
        java.time.Instant started = java.time.Instant.now();
        int exit = platform.launcher(Duration.ofMinutes(4), output, "demo", "--tickets", "40", "--agents", "3",
                "--customers", "15", "--seed", "7", "--demo-password", "demo-people-pass", "--history-days", "3",
                "--history-per-day", "4");
        assertThat(exit).as(Platform.tail(output, 30)).isZero();
        assertThat(Platform.tail(output, 10)).contains("agent1 .. agent3, lead, manager, ops");

        GatewayClient gateway = platform.gateway();
        GatewayClient.Bearer manager = new GatewayClient.Bearer(gateway.login("manager", "demo-people-pass"));
        GatewayClient.Bearer agent = new GatewayClient.Bearer(gateway.login("agent2", "demo-people-pass"));
        assertThat(gateway.get("/api/auth/me", agent).expect(200).json().path("roles").toString()).contains("agent");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode all = gateway.get("/api/cases?limit=200", manager).expect(200).json();
            Set<String> channels = new TreeSet<>(all.findValuesAsText("channel"));
            assertThat(channels).contains("email", "web", "chat", "phone", "api");
            assertThat(gateway.get("/api/cases?status=done&limit=1", manager).expect(200).json().path("total").asLong())
                    .isPositive();
            assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(40);
        });
        // the lead's shared macros, each once; some cases were answered with one
        JsonNode macros = gateway.get("/api/macros", agent).expect(200).json();
        assertThat(macros.findValuesAsText("name")).containsOnlyOnce("We are on it", "Need more details",
                "Refund issued", "Second look, please");
        assertThat(macros).anySatisfy(macro -> {
            assertThat(macro.path("name").asText()).isEqualTo("We are on it");
            assertThat(macro.path("scope").asText()).isEqualTo("shared");
            assertThat(macro.path("usageCount").asLong()).isPositive();
        });
        JsonNode agents = gateway.get("/api/agents", manager).expect(200).json();
        assertThat(agents.findValuesAsText("name")).anySatisfy(name -> assertThat(name).endsWith("(lead)"));
        // the analytics page has figures: today's volume and backlog, resolution times, agents' throughput and ratings
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = gateway.get("/api/analytics", manager).expect(200).json();
            assertThat(report.at("/total/opened").asLong()).isGreaterThanOrEqualTo(40);
            assertThat(report.at("/total/firstContact/resolved").asLong()).isPositive();
            JsonNode days = report.path("days");
            assertThat(days.get(days.size() - 1).path("backlog").asLong()).isPositive();
            // several days of history, imported with their times: each of the three days before today has its cases
            // opened, and those days have answers and resolutions measured against their SLA
            long answered = 0;
            long measured = 0;
            for (int back = 2; back <= 4; back++) {
                JsonNode day = days.get(days.size() - back).path("figures");
                assertThat(day.path("opened").asLong()).as("day -%d", back - 1).isEqualTo(4);
                answered += day.path("firstResponse").path("count").asLong();
                measured += day.path("slaMet").asLong() + day.path("slaMissed").asLong();
            }
            assertThat(answered).isPositive();
            assertThat(measured).isPositive();
            JsonNode breakdowns = gateway.get("/api/analytics/breakdowns", manager).expect(200).json();
            assertThat(breakdowns.path("resolutionDistribution").findValues("count").stream().mapToLong(JsonNode::asLong)
                    .sum()).isPositive();
            assertThat(breakdowns.path("resolutionByQueueAndPriority")).isNotEmpty();
            assertThat(breakdowns.path("csatByQueue")).isNotEmpty();
            assertThat(breakdowns.path("agents")).anySatisfy(row -> {
                assertThat(row.path("resolved").asLong()).isPositive();
                assertThat(row.path("csatCount").asLong()).isPositive();
            });
        });

        // customers rated resolved cases from the survey link of their done-mail: the rating is theirs
        assertThat(Platform.tail(output, 12)).containsPattern("rated=[1-9]");
        JsonNode rated = await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode item : gateway.get("/api/cases?status=done&limit=200", manager).expect(200).json().path("items")) {
                // not one of the imported cases: their ratings came over with them
                if (item.path("satisfactionRating").isInt()
                        && java.time.Instant.parse(item.path("openedAt").asText()).isAfter(started)) {
                    return item;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        JsonNode history = gateway.get("/api/cases/" + rated.path("caseId").asText() + "/history", manager).expect(200).json();
        assertThat(history).filteredOn(entry -> entry.path("type").asText().equals("SatisfactionRated"))
                .allSatisfy(entry -> assertThat(entry.path("actor").asText()).startsWith("customer:"))
                .isNotEmpty();
    }
}
