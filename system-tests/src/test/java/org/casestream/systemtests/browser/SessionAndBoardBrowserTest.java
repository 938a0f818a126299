package org.casestream.systemtests.browser;

import java.time.Duration;
import java.util.List;

import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions end gracefully (a deep link or an expired session goes to the login page and, after logging in, back
 * to where the person was); a lead assigns waiting cases on the agents board, by dragging and from the keyboard.
 */
@ExtendWith(PlatformExtension.class)
class SessionAndBoardBrowserTest {

    @Test
    void aDeepLinkAndAnExpiredSessionLeadToTheLoginAndBackToWhereThePersonWas(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("session-agent", List.of("agent"));
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, "Session check " + platform.runId(), "low");
        try (Browser browser = fixtures.browser()) {
            browser.open("/cases/" + opened.caseId());
            browser.waitFor(d -> d.getCurrentUrl().contains("/login?next="));
            browser.visible(By.name("username")).sendKeys(agent.username());
            browser.driver().findElement(By.name("password")).sendKeys(agent.password() + "\n");
            browser.ready("/cases/" + opened.caseId());

            // the session ends behind the page's back (logged out elsewhere: access and refresh tokens revoked)
            String accessToken = (String) browser.script("return sessionStorage.getItem('casestream.accessToken');");
            int loggedOut = platform.gateway().post("/api/auth/logout", new GatewayClient.Bearer(accessToken), null).status();
            assertThat(loggedOut).isEqualTo(204);
            browser.open("/cases?priority=low");
            browser.waitFor(d -> d.getCurrentUrl().contains("/login?next="));
            assertThat(browser.driver().getCurrentUrl()).contains("next=%2Fcases%3Fpriority%3Dlow");
            browser.visible(By.name("username")).sendKeys(agent.username());
            browser.driver().findElement(By.name("password")).sendKeys(agent.password() + "\n");
            browser.ready("/cases");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/cases?priority=low");
            browser.screenshot("session-back-where-i-was");
        }
    }

    @Test
    void manyTabsShareOneStreamAndEveryTabStaysLive(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("tabs-agent", List.of("agent"));
        String word = "Tapir" + platform.runId();
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, word + " many tabs", "low");
        fixtures.searchable(agent, word);
        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            // more tabs than HTTP/1.1's six connections per origin: each would stall if each held a stream
            for (int tab = 0; tab < 8; tab++) {
                browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
                browser.open("/cases?q=" + word);
                browser.ready("/cases");
            }
            browser.waitFor(d -> d.findElement(By.id("live-state")).getText().equals("Live"));
            browser.waitFor(d -> CaseListBrowserTest.rows(browser) == 1);
            platform.gateway().post("/api/cases/" + opened.caseId() + "/tags", fixtures.token(agent),
                    java.util.Map.of("add", List.of("many-tabs"))).expect(200);
            // the last tab follows the one that streams: the row shows the new tag, marked as updated
            browser.visible(By.xpath("//tr[@data-case-id='" + opened.caseId() + "'][.//span[@class='tag' and text()='many-tabs']]"
                    + "[.//span[@class='updated-marker']]"));
            browser.screenshot("tabs-last-of-nine");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aLeadAssignsWaitingCasesOnTheAgentsBoardByDragAndByKeyboard(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login lead = fixtures.person("board-lead", List.of("lead"));
        // a queue no agent is skilled in keeps the cases waiting until the lead assigns them
        String agentName = "Board Agent " + platform.runId();
        String agentId = fixtures.agent(agentName, "Payments");
        GatewayClient.Bearer token = fixtures.token(lead);
        String word = "Numbat" + platform.runId();
        BrowserFixtures.OpenedCase dragged = fixtures.openCase(lead, word + " board drag", "critical");
        BrowserFixtures.OpenedCase keyed = fixtures.openCase(lead, word + " board keyboard", "critical");
        for (BrowserFixtures.OpenedCase opened : List.of(dragged, keyed)) {
            // routing may have assigned it already (if an agent fits): take it back so it waits on the board
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                if (!platform.gateway().get("/api/cases/" + opened.caseId(), token).json().path("assignee").asText().isEmpty()) {
                    platform.gateway().post("/api/cases/" + opened.caseId() + "/assignment", token,
                            java.util.Collections.singletonMap("agentId", null));
                    return false;
                }
                return true;
            });
        }
        fixtures.searchable(lead, word);

        try (Browser browser = fixtures.browser()) {
            browser.logIn(lead.username(), lead.password());
            browser.open("/agents");
            browser.ready("/agents");
            browser.visible(By.id("board-search")).sendKeys(word + "\n");
            browser.visible(By.cssSelector("li.case-card[data-case-id='" + dragged.caseId() + "']"));
            browser.screenshot("board-1-before");

            // drag: the board's own dragstart / dragover / drop handlers with a real DataTransfer
            browser.script("""
                    const card = document.querySelector(`li.case-card[data-case-id="${arguments[0]}"]`);
                    const target = document.getElementById(`agent-${arguments[1]}`);
                    const data = new DataTransfer();
                    card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                    target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                    target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                    card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
                    """, dragged.caseId(), agentId);
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.gateway()
                    .get("/api/cases/" + dragged.caseId(), token).json().path("assignee").asText().equals(agentId));

            // keyboard: the select beside the case, then its button
            // (the dragged case's live update redraws the board meanwhile: the choice and the focus survive it)
            browser.waitFor(d -> {
                new Select(d.findElement(By.id("assign-" + keyed.caseId()))).selectByValue(agentId);
                d.findElement(By.id("assign-" + keyed.caseId())).sendKeys(org.openqa.selenium.Keys.TAB);
                return "Assign".equals(browser.focusedProperty("text"));
            });
            assertThat(browser.focusedProperty("text")).isEqualTo("Assign");
            browser.press(org.openqa.selenium.Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.gateway()
                    .get("/api/cases/" + keyed.caseId(), token).json().path("assignee").asText().equals(agentId));

            browser.waitFor(d -> d.findElements(By.cssSelector("li.case-card[data-case-id='" + keyed.caseId() + "']")).isEmpty());
            browser.screenshot("board-2-after");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
