package org.casestream.systemtests.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casestream.systemtests.Customers;
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
 * The customer page in a real browser: a lead opens a case, follows the customer's name to their page and finds
 * the case among theirs, raises their tier (the page shows the new one), and merges a second record of the same
 * person into theirs, found by its organisation: that record's case then shows among theirs too. A customer with
 * more cases than a page shows the rest on "Load more"; an agent changes their organisation.
 */
@ExtendWith(PlatformExtension.class)
class CustomerPageBrowserTest {

    /** More than the first page (25) of a customer's cases. */
    private static final int CASES = 27;

    @Test
    void aLeadFollowsACasesCustomerChangesTheirTierAndMergesAnotherRecordIntoTheirs(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("customer-agent", List.of("agent"));
        BrowserFixtures.Login lead = fixtures.person("customer-lead", List.of("lead"));
        GatewayClient gateway = platform.gateway();
        Customers.Customer first = platform.customers().next("standard");
        BrowserFixtures.OpenedCase firstCase = fixtures.openCase(agent, first, "Customer page " + platform.runId(),
                "Opened by the browser tests for the customer page.", "low");
        // the same person's second record, registered by hand with the organisation the lead looks it up by (a
        // search text that is no customer's name or address)
        String organisation = "Merge check " + platform.runId();
        Customers.Customer second = platform.customers().next("standard");
        gateway.post("/api/customers", fixtures.token(agent), Map.of("name", second.name(), "email", second.email(),
                "organisation", organisation)).expect(201);
        BrowserFixtures.OpenedCase secondCase = fixtures.openCase(agent, second, "Second record " + platform.runId(),
                "Opened by the browser tests for the second record.", "low");
        String customerId = fixtures.customerId(lead, firstCase.caseId());
        String secondId = fixtures.customerId(lead, secondCase.caseId());
        assertThat(secondId).isNotEqualTo(customerId);

        try (Browser browser = fixtures.browser()) {
            browser.logIn(lead.username(), lead.password());
            browser.open("/cases/" + firstCase.caseId());
            browser.ready("/cases/" + firstCase.caseId());
            assertThat(browser.visible(By.id("customer-link")).getText()).isEqualTo(first.name());
            browser.click(By.id("customer-link"));
            browser.ready("/customers/" + customerId);
            assertThat(browser.visible(By.id("customer-title")).getText()).isEqualTo(first.name());
            assertThat(browser.visible(By.cssSelector("dd[data-field='tier']")).getText()).isEqualTo("Standard");
            assertThat(browser.visible(By.cssSelector("#customer-case-rows tr[data-case-id='" + firstCase.caseId() + "'] a"))
                    .getText()).isEqualTo(firstCase.caseNumber());
            assertThat(browser.driver().findElements(By.cssSelector("#customer-case-rows tr[data-case-id='"
                    + secondCase.caseId() + "']"))).as("the other record's case, before the merge").isEmpty();

            browser.waitFor(d -> {
                new Select(d.findElement(By.id("tier-select"))).selectByValue("platinum");
                return true;
            });
            browser.visible(By.id("tier-reason")).sendKeys("Key account from next month");
            browser.click(By.id("tier-apply"));
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='tier']")).getText().equals("Platinum"));
            assertThat(browser.visible(By.id("tier-now")).getText()).isEqualTo("Platinum");
            assertThat(gateway.get("/api/customers/" + customerId, fixtures.token(lead)).expect(200).json()
                    .at("/customer/tier").asText()).isEqualTo("platinum");
            browser.screenshot("customer-1-tier-changed");

            browser.visible(By.id("merge-search")).sendKeys(organisation);
            browser.click(By.id("merge-find"));
            By pick = By.cssSelector("#merge-candidates li[data-customer-id='" + secondId + "'] button.merge-pick");
            assertThat(browser.visible(By.cssSelector("#merge-candidates li[data-customer-id='" + secondId + "']")).getText())
                    .contains(second.name()).contains(second.email());
            browser.click(pick);
            // nothing is merged before the lead confirms
            assertThat(browser.visible(By.id("merge-confirm-title")).getText())
                    .isEqualTo("Merge " + second.name() + " into " + first.name() + "?");
            browser.waitFor(d -> "merge-confirm-title".equals(browser.focusedProperty("id")));
            browser.click(By.id("merge-confirm"));

            browser.visible(By.cssSelector("#customer-case-rows tr[data-case-id='" + secondCase.caseId() + "']"));
            assertThat(browser.visible(By.cssSelector("#customer-case-rows tr[data-case-id='" + firstCase.caseId() + "']"))
                    .isDisplayed()).isTrue();
            assertThat(browser.visible(By.id("customer-case-total")).getText()).isEqualTo("2 cases");
            assertThat(browser.visible(By.id("customer-addresses")).getText()).contains(first.email()).contains(second.email());
            browser.screenshot("customer-2-merged");

            // the merged record's page shows the record it became part of, and says so
            browser.open("/customers/" + secondId);
            browser.ready("/customers/" + secondId);
            assertThat(browser.visible(By.id("customer-title")).getText()).isEqualTo(first.name());
            assertThat(browser.visible(By.id("merged-notice")).getText()).contains("was merged into this one");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aCustomersCasesComeAPageAtATime(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("customer-agent", List.of("agent"));
        GatewayClient gateway = platform.gateway();
        GatewayClient.Bearer token = fixtures.token(agent);
        Customers.Customer customer = platform.customers().next("standard");
        String customerId = null;
        for (int i = 1; i <= CASES; i++) {
            String caseId = gateway.post("/api/cases", token, Map.of("customer", customer.body(),
                    "subject", "Paged case " + i + " " + platform.runId(), "description", "One of many",
                    "channel", "phone", "priority", "low")).expect(201).json().path("caseId").asText();
            if (customerId == null) {
                String first = caseId;
                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/cases/" + first, token).status() == 200);
                customerId = fixtures.customerId(agent, caseId);
            }
        }
        String path = "/customers/" + customerId;
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api" + path, token).json()
                .at("/cases/total").asInt() == CASES);

        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            browser.open(path);
            browser.ready(path);
            assertThat(browser.visible(By.id("customer-case-total")).getText()).isEqualTo(CASES + " cases");
            assertThat(rows(browser)).isEqualTo(25);
            // an agent edits the profile, but neither the tier nor merges
            assertThat(browser.visible(By.id("profile-save")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.id("tier-apply"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("merge-search"))).isEmpty();

            browser.click(By.id("customer-cases-more"));
            browser.waitFor(d -> rows(browser) == CASES);
            // newest first: the first case opened comes last; the keyboard is on the first case that came
            assertThat(browser.driver().findElement(By.cssSelector("#customer-case-rows tr:last-child")).getText())
                    .contains("Paged case 1 " + platform.runId());
            assertThat(browser.focusedProperty("class")).isEqualTo("case-link");
            assertThat(browser.driver().findElement(By.id("customer-cases-more")).isDisplayed()).isFalse();

            String organisation = "Paging check " + platform.runId();
            browser.visible(By.id("profile-organisation")).sendKeys(organisation);
            browser.click(By.id("profile-save"));
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='organisation']")).getText().equals(organisation));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static long rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#customer-case-rows tr[data-case-id]")).size();
    }
}
