package org.casestream.systemtests.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.Customers;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Macros in a real browser: a lead keeps a shared macro; an agent on a case presses m, finds it by typing, sees its
 * text rendered for this case and for them (placeholders filled in) and what else it does, applies it with Enter,
 * and the case shows the reply, the status and the tag it set, and the timeline "Macro … applied by …". On the
 * Macros page the agent sees it used once, may not change it, and writes a personal one. The picker and the page
 * have no serious accessibility violation, light or dark.
 */
@ExtendWith(PlatformExtension.class)
class MacroBrowserTest {

    @Test
    void anAgentAppliesAMacroWithAPlaceholderAndAnActionFromTheCaseWithTheKeyboard(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("macro-agent", List.of("agent"));
        BrowserFixtures.Login lead = fixtures.person("macro-lead", List.of("lead"));
        Customers.Customer customer = platform.customers().next("standard");
        String subject = "Macro check " + platform.runId();
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, customer, subject, "Where is my refund? " + subject, "medium");
        String name = "Refund on its way " + platform.runId();
        String tag = "refund-" + platform.runId().toLowerCase();
        GatewayClient gateway = platform.gateway();
        JsonNode macro = gateway.post("/api/macros", fixtures.token(lead), Map.of("name", name, "scope", "shared",
                "body", "Hello {{customer.firstName}}, your refund for {{case.number}} is on its way. {{agent.name}}",
                "actions", Map.of("status", "inprogress", "tags", List.of(tag)))).expect(201).json();
        String firstName = customer.name().substring(0, customer.name().indexOf(' '));
        String expected = "Hello " + firstName + ", your refund for " + opened.caseNumber()
                + " is on its way. Browser macro-agent";
        List<String> problems = new ArrayList<>();

        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());
            browser.visible(By.id("macro-open"));

            // m opens the picker with the focus in its search; typing finds the macro, its preview is rendered
            browser.press("m");
            browser.waitFor(d -> (Boolean) browser.script("return document.getElementById('macro-picker').open;"));
            browser.waitFor(d -> "macro-search".equals(browser.focusedProperty("id")));
            browser.press("refund on its " + platform.runId());
            browser.waitFor(d -> d.findElements(By.cssSelector("#macro-options input[type=radio]")).size() == 1);
            browser.waitFor(d -> d.findElement(By.id("macro-preview-body")).getText().equals(expected));
            assertThat(browser.visible(By.id("macro-preview-actions")).getText()).contains("In progress", tag);
            browser.screenshot("macro-1-picker");
            for (String theme : List.of("light", "dark")) {
                browser.theme(theme);
                browser.seriousAccessibilityViolations().forEach(v -> problems.add(theme + " picker: " + v));
            }
            browser.theme("light");

            browser.press(Keys.ENTER);
            browser.waitFor(d -> !(Boolean) browser.script("return document.getElementById('macro-picker').open;"));
            browser.visible(By.xpath("//article[contains(@class,'comment') and not(contains(@class,'internal'))]"
                    + "[.//div[@class='body' and text()='" + expected + "']]"));
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='status']")).getText().equals("In progress"));
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='tags']")).getText().contains(tag));
            browser.visible(By.xpath("//ol[@id='timeline']//*[contains(text(),'Macro “" + name
                    + "” applied by Browser macro-agent')]"));
            // the focus is back where the picker was opened
            browser.waitFor(d -> "macro-open".equals(browser.focusedProperty("id")));
            browser.screenshot("macro-2-applied");

            // the Macros page: the shared one used once and not the agent's to change; a personal one of their own
            browser.open("/macros");
            browser.ready("/macros");
            String row = "//tr[th[text()='" + name + "']]";
            browser.waitFor(d -> d.findElement(By.xpath(row + "/td[4]")).getText().equals("1"));
            assertThat(browser.driver().findElements(By.xpath(row + "//button"))).as("only leads change shared macros").isEmpty();
            String mine = "My thanks " + platform.runId();
            browser.visible(By.id("macro-name")).sendKeys(mine);
            browser.click(By.id("macro-visibility-internal"));
            browser.visible(By.id("macro-body")).sendKeys("Thanked {{customer.name}} on the phone");
            browser.click(By.id("macro-save"));
            browser.visible(By.xpath("//tr[th[text()='" + mine + "']]/td[1][text()='Personal']"));
            browser.screenshot("macro-3-page");
            for (String theme : List.of("light", "dark")) {
                browser.theme(theme);
                browser.seriousAccessibilityViolations().forEach(v -> problems.add(theme + " macros page: " + v));
            }
            problems.addAll(browser.consoleErrors());
        }
        assertThat(problems).isEmpty();

        GatewayClient.Bearer reader = fixtures.token(agent);
        JsonNode history = gateway.get("/api/cases/" + opened.caseId() + "/history", reader).expect(200).json();
        assertThat(history.findValuesAsText("type")).contains("MacroApplied");
        assertThat(gateway.get("/api/macros/" + macro.path("macroId").asText(), reader).expect(200).json()
                .path("usageCount").asLong()).isEqualTo(1);
    }
}
