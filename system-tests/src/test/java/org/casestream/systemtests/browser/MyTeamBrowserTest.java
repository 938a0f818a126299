package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A lead's team in a real browser: the lead's login works as an agent skilled in Refunds; My team lists the agents
 * who share that queue (not one who does not) with their open cases soonest due first, as the API has them; j / k
 * move between the cases, a takes the focused case's reassign choice, the case goes to another member, and o opens
 * the focused case. An agent has no My team.
 */
@ExtendWith(PlatformExtension.class)
class MyTeamBrowserTest {

    @Test
    void aLeadSeesTheTeamsCasesAndReassignsOneFromTheKeyboard(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        GatewayClient gateway = platform.gateway();
        String run = platform.runId();
        String leadAgent = fixtures.agent("Lena Lead " + run, "Refunds");
        String tia = fixtures.agent("Tia Team " + run, "Refunds");
        String uma = fixtures.agent("Uma Team " + run, "Refunds");
        String otto = fixtures.agent("Otto Outside " + run, "Orders");
        BrowserFixtures.Login lead = fixtures.person("team-lead", List.of("lead"));
        fixtures.link(lead, leadAgent);
        GatewayClient.Bearer leadToken = fixtures.token(lead);
        List<BrowserFixtures.OpenedCase> tias = new ArrayList<>();
        for (String priority : List.of("low", "high")) {
            BrowserFixtures.OpenedCase opened = fixtures.openCase(lead, "Refund for order " + priority + " " + run, priority);
            gateway.post("/api/cases/" + opened.caseId() + "/assignment", leadToken, Map.of("agentId", tia)).expect(200);
            tias.add(opened);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> caseIds(member(team(gateway, leadToken), tia)).size() == 2);
        JsonNode team = team(gateway, leadToken);
        assertThat(team.get("members").findValuesAsText("agentId")).contains(tia, uma).doesNotContain(otto, leadAgent);
        List<String> order = caseIds(member(team, tia));
        assertThat(order).containsExactlyInAnyOrder(tias.get(0).caseId(), tias.get(1).caseId());

        try (Browser browser = fixtures.browser()) {
            browser.logIn(lead.username(), lead.password());
            browser.click(By.cssSelector("#app-nav a[href='/my-team']"));
            browser.ready("/my-team");
            By tiaRows = By.cssSelector(".team-member[data-agent-id='" + tia + "'] tr[data-case-id]");
            browser.waitFor(d -> d.findElements(tiaRows).size() == 2);
            assertThat(browser.driver().findElements(tiaRows).stream().map(row -> row.getAttribute("data-case-id")).toList())
                    .as("soonest due first, as the API has them").isEqualTo(order);
            assertThat(browser.driver().findElements(By.cssSelector(".team-member[data-agent-id='" + otto + "']"))).isEmpty();
            assertThat(browser.visible(By.id("my-team-basis")).getText()).contains("Refunds");
            browser.screenshot("my-team-1");

            // j and k move between the cases; a takes the reassign choice of the focused one
            browser.script("arguments[0].focus();", browser.visible(By.cssSelector(
                    ".team-member[data-agent-id='" + tia + "'] tr[data-case-id='" + order.get(0) + "'] a.case-link")));
            browser.press("j");
            browser.waitFor(d -> order.get(1).equals(browser.script(
                    "return document.activeElement.closest('tr').dataset.caseId;")));
            browser.press("k");
            browser.waitFor(d -> order.get(0).equals(browser.script(
                    "return document.activeElement.closest('tr').dataset.caseId;")));
            browser.press("a");
            browser.waitFor(d -> ("reassign-" + order.get(0)).equals(browser.focusedProperty("id")));
            new Select(browser.focused()).selectByValue(uma);
            browser.click(By.cssSelector("tr[data-case-id='" + order.get(0) + "'] button.reassign-button"));
            await().atMost(Duration.ofSeconds(30)).until(() -> uma.equals(gateway.get("/api/cases/" + order.get(0),
                    leadToken).json().path("assignee").asText()));
            By underUma = By.cssSelector(".team-member[data-agent-id='" + uma + "'] tr[data-case-id='" + order.get(0) + "']");
            browser.visible(underUma);
            assertThat(browser.driver().findElements(tiaRows)).hasSize(1);
            browser.screenshot("my-team-2-reassigned");

            // o opens the focused case
            // a live update may draw the team again meanwhile: the link is looked up afresh until it has the focus
            String movedLink = ".team-member[data-agent-id='" + uma + "'] tr[data-case-id='" + order.get(0) + "'] a.case-link";
            browser.waitFor(d -> (Boolean) browser.script("const link = document.querySelector(arguments[0]);"
                    + " if (link) link.focus(); return link !== null && document.activeElement === link;", movedLink));
            browser.press("o");
            browser.ready("/cases/" + order.get(0));
            assertThat(browser.consoleErrors()).isEmpty();
        }

        BrowserFixtures.Login agent = fixtures.person("team-agent", List.of("agent"));
        assertThat(gateway.get("/api/me/team", fixtures.token(agent)).status()).isEqualTo(403);
        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            assertThat(browser.driver().findElements(By.cssSelector("#app-nav a[href='/my-team']"))).isEmpty();
        }
    }

    private static JsonNode team(GatewayClient gateway, GatewayClient.Bearer token) {
        return gateway.get("/api/me/team", token).expect(200).json();
    }

    private static JsonNode member(JsonNode team, String agentId) {
        for (JsonNode member : team.get("members")) {
            if (member.path("agentId").asText().equals(agentId)) {
                return member;
            }
        }
        return null;
    }

    private static List<String> caseIds(JsonNode member) {
        return member == null ? List.of() : member.get("cases").findValuesAsText("caseId");
    }
}
