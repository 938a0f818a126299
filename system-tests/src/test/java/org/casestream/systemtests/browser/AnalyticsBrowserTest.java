package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A lead's analytics in a real browser: a case of the web channel is worked by an agent (one public reply, done)
 * and its customer's rating comes through the channel's path; the lead goes to Analytics with "g then n" and finds
 * the agent's rating and load in the tables behind the charts, filters by the case's queue (the URL keeps it, so a
 * reload shows the same), downloads the agents' figures as CSV, and the page is axe-clean with its tables open.
 * An agent gets no Analytics in the menu.
 */
@ExtendWith(PlatformExtension.class)
class AnalyticsBrowserTest {

    @Test
    void aLeadSeesAnAgentsRatingAndLoadFiltersByQueueAndDownloadsTheFigures(Platform platform) throws IOException {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        GatewayClient gateway = platform.gateway();
        String agentName = "Ana Lytics " + platform.runId();
        // registered offline: routing gives her nothing, the lead assigns her the cases by hand
        String agentId = gateway.post("/api/agents", platform.admin(), Map.of("name", agentName,
                "email", "ana.lytics." + platform.runId() + "@staff.example.test",
                "skills", List.of(Map.of("queue", "Refunds", "level", 3)), "capacity", 6)).expect(201).json()
                .path("agentId").asText();
        BrowserFixtures.Login lead = fixtures.person("analytics-lead", List.of("lead"));
        GatewayClient.Bearer leadToken = fixtures.token(lead);
        GatewayClient.ApiKey web = platform.apiKey("web");
        String rated = ticket(platform, fixtures, web, "My refund has not arrived " + platform.runId());
        String waiting = ticket(platform, fixtures, web, "Refund still missing after two weeks " + platform.runId());
        for (String caseId : List.of(rated, waiting)) {
            gateway.post("/api/cases/" + caseId + "/assignment", leadToken, Map.of("agentId", agentId, "reason", "manual"))
                    .expect(200);
        }
        gateway.post("/api/cases/" + rated + "/comments", leadToken,
                Map.of("body", "The refund went out today.", "visibility", "public")).success();
        gateway.post("/api/cases/" + rated + "/status", leadToken, Map.of("status", "inprogress")).expect(200);
        gateway.post("/api/cases/" + rated + "/status", leadToken, Map.of("status", "done")).expect(200);
        gateway.post("/api/cases/" + rated + "/satisfaction", web, Map.of("rating", 5, "comment", "Quick and kind"),
                Map.of("Idempotency-Key", "analytics-" + UUID.randomUUID())).expect(200);
        String queue = gateway.get("/api/cases/" + rated, leadToken).expect(200).json().path("queue").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode ana = agentRow(gateway.get("/api/analytics/breakdowns", leadToken).expect(200).json(), agentId);
            return ana != null && ana.path("csatCount").asLong() == 1 && ana.path("open").asLong() == 1;
        });

        Path downloads = fixtures.work().resolve("downloads-analytics-" + platform.runId());
        try (Browser browser = fixtures.browser()) {
            browser.downloadTo(downloads);
            browser.logIn(lead.username(), lead.password());
            browser.ready("/");
            browser.press("g");
            browser.press("n");
            browser.ready("/analytics");
            assertThat(browser.driver().findElement(By.cssSelector("#app-nav a[href='/analytics']"))
                    .getAttribute("aria-current")).isEqualTo("page");
            openFigures(browser, "a-csat-agent");
            assertThat(row(browser, "a-csat-agent", agentName)).containsExactly(agentName, "1", "5.0", "1", "100 %");
            openFigures(browser, "a-load");
            assertThat(row(browser, "a-load", agentName)).containsExactly(agentName, "1", "6", "1");
            assertThat(browser.visible(By.cssSelector("[data-key='csat'] .count")).getText()).isNotEqualTo("—");
            browser.screenshot("analytics-lead");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // the table behind the agents' chart, as CSV
            browser.click(By.cssSelector("section[data-figure='a-csat-agent'] button[data-section='agents']"));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Path csv = downloads.resolve("analytics-agents-" + today.minusDays(29) + "-" + today + ".csv");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
            assertThat(Files.readAllLines(csv)).contains(agentId + "," + agentName + ",6,1,1,1,5.0,1,1,1.0");

            // the queue filter: kept in the URL, so a reload shows the same
            new Select(browser.visible(By.id("analytics-queue"))).selectByValue(queue);
            browser.click(By.cssSelector("form.analytics-filters button[type='submit']"));
            browser.waitFor(d -> d.getCurrentUrl().contains("queue=" + queue));
            browser.ready("/analytics");
            browser.driver().navigate().refresh();
            browser.ready("/analytics");
            assertThat(browser.visible(By.id("analytics-range")).getText()).contains(queue + " queue");
            assertThat(new Select(browser.visible(By.id("analytics-queue"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(queue);
            openFigures(browser, "a-csat-queue");
            assertThat(browser.driver().findElements(By.cssSelector("section[data-figure='a-csat-queue'] tbody th")))
                    .extracting(WebElement::getText).containsExactly(queue);

            assertThat(browser.consoleErrors()).isEmpty();
        }

        // an agent has no analytics page in the menu, and the breakdowns are not theirs to read
        BrowserFixtures.Login agent = fixtures.person("analytics-agent", List.of("agent"));
        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            browser.ready("/");
            assertThat(browser.driver().findElements(By.cssSelector("#app-nav a[href='/analytics']"))).isEmpty();
        }
        assertThat(gateway.get("/api/analytics/breakdowns", fixtures.token(agent)).status()).isEqualTo(403);
    }

    /** A ticket the web channel posts (so it may pass on the customer's rating), once routing has triaged it. */
    private static String ticket(Platform platform, BrowserFixtures fixtures, GatewayClient.ApiKey web, String subject) {
        String caseId = platform.gateway().post("/api/intake/tickets", web, Map.of(
                "customer", platform.customers().next("standard").body(), "subject", subject,
                "description", "I was charged but the refund you promised never came. " + subject)).expect(201).json()
                .path("caseId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.triaged(caseId));
        return caseId;
    }

    private static JsonNode agentRow(JsonNode breakdowns, String agentId) {
        for (JsonNode agent : breakdowns.path("agents")) {
            if (agent.path("agentId").asText().equals(agentId)) {
                return agent;
            }
        }
        return null;
    }

    /** Opens the table under a chart, as a person does: its summary. */
    private static void openFigures(Browser browser, String figure) {
        browser.click(By.cssSelector("section[data-figure='" + figure + "'] details > summary"));
        browser.visible(By.cssSelector("section[data-figure='" + figure + "'] details table"));
    }

    /** The cells of the table row whose header is {@code header}. */
    private static List<String> row(Browser browser, String figure, String header) {
        WebElement row = browser.visible(By.xpath("//section[@data-figure='" + figure + "']//tbody/tr[th[normalize-space()='"
                + header + "']]"));
        return row.findElements(By.xpath("./th|./td")).stream().map(WebElement::getText).toList();
    }
}
