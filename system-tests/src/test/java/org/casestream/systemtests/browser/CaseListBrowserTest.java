package org.casestream.systemtests.browser;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The case list in a real browser: full-text search, a filter, a saved search used again, and a bulk assignment. */
@ExtendWith(PlatformExtension.class)
class CaseListBrowserTest {

    @Test
    void aLeadSearchesFiltersSavesTheSearchAndBulkAssignsTheCases(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login lead = fixtures.person("list-lead", List.of("lead"));
        String word = "Quokka" + platform.runId();
        List<BrowserFixtures.OpenedCase> cases = List.of(
                fixtures.openCase(lead, word + " parcel missing", "high"),
                fixtures.openCase(lead, word + " parcel late", "low"),
                fixtures.openCase(lead, word + " parcel damaged", "low"));
        String agentName = "Bulk Agent " + platform.runId();
        String agentId = fixtures.agent(agentName, "Deliveries");
        fixtures.searchable(lead, word);
        GatewayClient.Bearer token = fixtures.token(lead);
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.gateway()
                .get("/api/cases?q=" + word, token).json().path("items").size() == 3);

        try (Browser browser = fixtures.browser()) {
            browser.logIn(lead.username(), lead.password());
            browser.open("/cases");
            browser.ready("/cases");

            // full text
            WebElement search = browser.visible(By.id("case-search"));
            search.sendKeys(word, Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().contains("q=" + word) && rows(browser) == 3);
            browser.screenshot("list-1-search");

            // plus a filter: only the high-priority one
            browser.click(By.cssSelector("input[name='priority'][value='high']"));
            browser.waitFor(d -> d.getCurrentUrl().contains("priority=high") && rows(browser) == 1);
            assertThat(browser.driver().findElement(By.id("case-rows")).getText()).contains(cases.get(0).caseNumber());

            // saved, listed, and run again from a clean list
            String name = "Quokka high " + platform.runId();
            browser.visible(By.id("saved-name")).sendKeys(name);
            browser.click(By.xpath("//button[text()='Save search']"));
            browser.waitFor(d -> new Select(d.findElement(By.id("saved-choice"))).getOptions().stream()
                    .anyMatch(option -> option.getAttribute("value").equals(name)));
            JsonNode saved = platform.gateway().get("/api/saved-searches", token).expect(200).json();
            JsonNode mine = null;
            for (JsonNode search1 : saved) {
                if (search1.path("name").asText().equals(name)) {
                    mine = search1;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.path("parameters").path("q").get(0).asText()).isEqualTo(word);
            assertThat(mine.path("parameters").path("priority").get(0).asText()).isEqualTo("high");

            browser.click(By.xpath("//button[text()='Clear filters']"));
            browser.waitFor(d -> !d.getCurrentUrl().contains("q="));
            browser.ready("/cases");
            new Select(browser.visible(By.id("saved-choice"))).selectByValue(name);
            browser.click(By.xpath("//button[text()='Run']"));
            browser.waitFor(d -> d.getCurrentUrl().contains("priority=high") && rows(browser) == 1);

            // bulk: every case of the search to one agent
            browser.click(By.cssSelector("input[name='priority'][value='high']"));
            browser.waitFor(d -> !d.getCurrentUrl().contains("priority=high") && rows(browser) == 3);
            browser.click(By.cssSelector("thead input[type='checkbox']"));
            assertThat(browser.visible(By.id("bulk-count")).getText()).isEqualTo("3 selected");
            new Select(browser.visible(By.id("bulk-action"))).selectByValue("assign");
            new Select(browser.visible(By.id("bulk-value"))).selectByValue(agentId);
            browser.click(By.id("bulk-apply"));
            browser.visible(By.xpath("//div[contains(@class,'toast')][contains(.,'applied to 3, failed 0')]"));

            for (BrowserFixtures.OpenedCase opened : cases) {
                await().atMost(Duration.ofSeconds(30)).until(() -> platform.gateway()
                        .get("/api/cases/" + opened.caseId(), token).json().path("assignee").asText().equals(agentId));
            }
            // the rows follow the stream: each shows its new assignee without a reload
            browser.waitFor(d -> d.findElements(By.xpath("//tbody[@id='case-rows']/tr[td[contains(.,'" + agentName + "')]]")).size() == 3);
            browser.screenshot("list-2-bulk-assigned");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** The rows of the list once it has loaded (-1 while a load is in flight). */
    static int rows(Browser browser) {
        if (browser.driver().findElements(By.cssSelector("#case-rows[aria-busy='false']")).isEmpty()) {
            return -1;
        }
        return browser.driver().findElements(By.cssSelector("#case-rows tr[data-case-id]")).size();
    }
}
