package org.casestream.systemtests.browser;

import java.time.Duration;
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
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correcting cases in a real browser: an agent renames a duplicate's subject in place, moves it to another customer
 * record found by name, then merges it into the case that goes on, found by its number and confirmed: the duplicate
 * says where it went (and takes no more work), the other case lists it, with a link back, and both histories say so.
 * On that case the agent then reopens it, once done, with a reason. The open forms are axe-clean too.
 */
@ExtendWith(PlatformExtension.class)
class CaseMergeBrowserTest {

    @Test
    void anAgentCorrectsADuplicateAndMergesItIntoTheCaseThatGoesOn(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("merge-agent", List.of("agent"));
        GatewayClient gateway = platform.gateway();
        Customers.Customer customer = platform.customers().next("standard");
        BrowserFixtures.OpenedCase target = fixtures.openCase(agent, customer, "Merge target " + platform.runId(),
                "The case that goes on.", "medium");
        BrowserFixtures.OpenedCase duplicate = fixtures.openCase(agent, customer, "Merge duplicate " + platform.runId(),
                "The same request again.", "medium");
        // the record the duplicate is moved to, found by a word that is no one else's
        String organisation = "Casemove" + platform.runId();
        Customers.Customer other = platform.customers().next("gold");
        String otherId = gateway.post("/api/customers", fixtures.token(agent), Map.of("name", other.name(),
                "email", other.email(), "organisation", organisation)).expect(201).json().path("customerId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/customers/" + otherId,
                fixtures.token(agent)).status() == 200);
        List<String> problems = new ArrayList<>();

        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            browser.open("/cases/" + duplicate.caseId());
            browser.ready("/cases/" + duplicate.caseId());

            // the subject, in place: Escape leaves it as it was, Save changes it
            String renamed = "Duplicate of " + target.caseNumber() + " " + platform.runId();
            browser.click(By.id("subject-edit"));
            browser.waitFor(d -> "subject-input".equals(browser.focusedProperty("id")));
            browser.press(Keys.ESCAPE);
            browser.waitFor(d -> "subject-edit".equals(browser.focusedProperty("id")));
            browser.click(By.id("subject-edit"));
            WebElement subject = browser.visible(By.id("subject-input"));
            problems.addAll(browser.seriousAccessibilityViolations());
            subject.clear();
            subject.sendKeys(renamed);
            browser.click(By.id("subject-save"));
            browser.waitFor(d -> d.findElement(By.id("case-title")).getText().contains(renamed));

            // the customer: looked up by organisation, picked
            browser.click(By.id("customer-change"));
            browser.visible(By.id("customer-search")).sendKeys(organisation);
            browser.click(By.id("customer-find"));
            browser.visible(By.cssSelector("#customer-candidates li[data-customer-id='" + otherId + "'] button.customer-pick"));
            problems.addAll(browser.seriousAccessibilityViolations());
            browser.click(By.cssSelector("#customer-candidates li[data-customer-id='" + otherId + "'] button.customer-pick"));
            browser.waitFor(d -> d.findElement(By.id("customer-link")).getText().equals(other.name()));

            // merge: found by number, nothing happens before the agent confirms
            browser.visible(By.id("merge-number")).sendKeys(target.caseNumber().toLowerCase());
            browser.click(By.id("merge-find"));
            assertThat(browser.visible(By.id("merge-confirm-title")).getText())
                    .isEqualTo("Merge " + duplicate.caseNumber() + " into " + target.caseNumber() + "?");
            browser.waitFor(d -> "merge-confirm-title".equals(browser.focusedProperty("id")));
            problems.addAll(browser.seriousAccessibilityViolations());
            browser.screenshot("merge-1-confirm");
            browser.click(By.id("merge-confirm"));

            WebElement notice = browser.visible(By.id("merged-into-notice"));
            assertThat(notice.getText()).contains("merged into " + target.caseNumber());
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='status']")).getText().equals("Done"));
            assertThat(browser.driver().findElements(By.id("compose-body"))).as("no more replies here")
                    .noneMatch(WebElement::isDisplayed);
            assertThat(browser.driver().findElement(By.id("merge-number")).isDisplayed()).isFalse();
            browser.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("Merged into " + target.caseNumber()));
            browser.screenshot("merge-2-duplicate");

            // the link leads to the case that goes on, which lists the duplicate with a link back
            browser.click(By.cssSelector("#merged-into-notice a"));
            browser.ready("/cases/" + target.caseId());
            assertThat(browser.visible(By.id("merged-cases-notice")).getText()).contains(duplicate.caseNumber());
            browser.waitFor(d -> d.findElement(By.id("timeline")).getText()
                    .contains(duplicate.caseNumber() + " merged into this case"));
            problems.addAll(browser.seriousAccessibilityViolations());
            browser.screenshot("merge-3-target");

            // done, then reopened with a reason
            for (String[] status : List.of(new String[] {"inprogress", "In progress"}, new String[] {"done", "Done"})) {
                CaseWorkBrowserTest.moveTo(browser, status[0], status[1]);
            }
            browser.visible(By.id("reopen-reason")).sendKeys("The customer wrote: still locked out");
            browser.click(By.id("reopen-apply"));
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='status']")).getText().equals("In progress"));
            browser.waitFor(d -> d.findElement(By.id("timeline")).getText()
                    .contains("Reopened: The customer wrote: still locked out"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(problems).isEmpty();

        GatewayClient.Bearer reader = fixtures.token(agent);
        JsonNode merged = gateway.get("/api/cases/" + duplicate.caseId(), reader).expect(200).json();
        assertThat(merged.at("/mergedInto/caseNumber").asText()).isEqualTo(target.caseNumber());
        assertThat(merged.at("/customer/customerId").asText()).isEqualTo(otherId);
        List<String> types = new ArrayList<>();
        gateway.get("/api/cases/" + duplicate.caseId() + "/history", reader).expect(200).json()
                .forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).contains("CaseSubjectChanged", "CaseCustomerChanged", "CaseMergedInto");
        assertThat(gateway.get("/api/cases/" + target.caseId() + "/history", reader).expect(200).json().toString())
                .contains("\"CaseMerged\"", "\"CaseReopened\"");
    }
}
