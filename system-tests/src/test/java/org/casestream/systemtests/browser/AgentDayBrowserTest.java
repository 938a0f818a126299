package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent's day in a real browser: the login works as an agent, who goes online from the header, finds the case a
 * lead gave them unread in My cases, replies to it from the keyboard (it is read then), sets it done from the list,
 * and opens a case for a customer on the phone from the New case form.
 */
@ExtendWith(PlatformExtension.class)
class AgentDayBrowserTest {

    @Test
    void anAgentGoesOnlineWorksTheirCasesFromTheKeyboardAndOpensOneForACaller(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        GatewayClient gateway = platform.gateway();
        String agentId = fixtures.agent("Ivy Day " + platform.runId(), "Payments");
        gateway.put("/api/agents/" + agentId + "/availability", platform.admin(), Map.of("availability", "offline"))
                .expect(200);
        BrowserFixtures.Login ivy = fixtures.person("day-agent", List.of("agent"));
        fixtures.link(ivy, agentId);
        BrowserFixtures.Login lead = fixtures.person("day-lead", List.of("lead"));
        BrowserFixtures.OpenedCase given = fixtures.openCase(lead, "Card charged twice " + platform.runId(), "high");
        GatewayClient.Bearer leadToken = fixtures.token(lead);
        gateway.post("/api/cases/" + given.caseId() + "/assignment", leadToken,
                Map.of("agentId", agentId, "reason", "manual")).expect(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> agentId.equals(
                gateway.get("/api/cases/" + given.caseId(), leadToken).json().path("assignee").asText()));

        try (Browser browser = fixtures.browser()) {
            browser.logIn(ivy.username(), ivy.password());
            // the header says how routing sees me, and changes it
            Select availability = new Select(browser.visible(By.id("my-availability")));
            browser.waitFor(d -> availability.getFirstSelectedOption().getAttribute("value").equals("offline"));
            availability.selectByValue("online");
            await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(gateway.get("/api/agents/" + agentId,
                    platform.admin()).json().path("availability").asText()));

            browser.click(By.cssSelector("#app-nav a[href='/my-cases']"));
            browser.ready("/my-cases");
            By givenRow = By.cssSelector("#my-case-rows tr[data-case-id='" + given.caseId() + "']");
            assertThat(browser.visible(givenRow).getText()).contains(given.caseNumber()).contains("Unread");
            browser.screenshot("agent-day-1-my-cases");

            // j to the case, r to reply: the case opens with the reply box in hand
            browser.press("j");
            browser.waitFor(d -> given.caseNumber().equals(browser.focusedProperty("text")));
            browser.press("r");
            browser.ready("/cases/" + given.caseId());
            browser.waitFor(d -> "textarea".equalsIgnoreCase(browser.focused().getTagName()));
            browser.press("We are refunding the second charge today.");
            browser.click(By.id("compose-submit"));
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/cases/" + given.caseId(), leadToken)
                    .json().path("commentCount").asInt() == 1);

            browser.click(By.cssSelector("#app-nav a[href='/my-cases']"));
            browser.ready("/my-cases");
            browser.waitFor(d -> !d.findElement(givenRow).getText().contains("Unread"));

            // s takes the focused case's status from the list (only the moves it may make): in progress, then done,
            // and it leaves my open cases
            for (String status : List.of("inprogress", "done")) {
                // the list is drawn again after each change, with the keyboard back on the case's link
                browser.waitFor(d -> "A".equalsIgnoreCase(browser.focused().getTagName())
                        || "MAIN".equalsIgnoreCase(browser.focused().getTagName())
                        || "H1".equalsIgnoreCase(browser.focused().getTagName()));
                browser.press("j");
                browser.press("s");
                browser.waitFor(d -> "SELECT".equalsIgnoreCase(browser.focused().getTagName()));
                // a live update may draw the list again meanwhile: the row's select is looked up afresh
                browser.waitFor(d -> {
                    new Select(d.findElement(givenRow).findElement(By.cssSelector("select.row-status"))).selectByValue(status);
                    return true;
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(gateway.get("/api/cases/"
                        + given.caseId(), leadToken).json().path("status").asText()));
                if (status.equals("inprogress")) {
                    browser.waitFor(d -> d.findElement(givenRow).findElement(By.cssSelector("select.row-status"))
                            .getAttribute("value").equals("inprogress"));
                }
            }
            browser.waitFor(d -> d.findElements(givenRow).isEmpty());
            assertThat(gateway.get("/api/cases/" + given.caseId(), leadToken).json().path("status").asText())
                    .isEqualTo("done");

            // a customer on the phone: a new case from the form, routed like any other
            browser.click(By.cssSelector("a[href='/cases/new']"));
            browser.ready("/cases/new");
            String subject = "Called about a missing parcel " + platform.runId();
            browser.visible(By.id("new-case-name")).sendKeys("Phoebe Caller");
            browser.visible(By.id("new-case-email")).sendKeys("phoebe." + platform.runId() + "@mail.example.test");
            browser.visible(By.id("new-case-subject")).sendKeys(subject);
            browser.visible(By.id("new-case-description")).sendKeys("The parcel was due on Monday and has not come.");
            new Select(browser.visible(By.id("new-case-priority"))).selectByValue("high");
            browser.visible(By.id("new-case-tags")).sendKeys("phone, parcel");
            browser.screenshot("agent-day-2-new-case");
            browser.visible(By.id("new-case-tags")).sendKeys(Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/cases/[0-9a-f-]{36}$"));
            String caseId = browser.driver().getCurrentUrl().replaceAll(".*/cases/", "");
            browser.ready("/cases/" + caseId);
            assertThat(browser.visible(By.id("case-title")).getText()).contains(subject);
            JsonNode opened = gateway.get("/api/cases/" + caseId, leadToken).expect(200).json();
            assertThat(opened.path("channel").asText()).isEqualTo("phone");
            assertThat(opened.path("origin").asText()).isEqualTo("agent");
            assertThat(opened.path("tags").toString()).contains("phone").contains("parcel");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
