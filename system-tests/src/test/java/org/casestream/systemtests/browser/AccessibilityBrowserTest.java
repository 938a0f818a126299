package org.casestream.systemtests.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casestream.systemtests.Customers;
import org.casestream.systemtests.Mailboxes;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in both themes through axe-core (WCAG 2.1 A and AA rules among its checks): no serious or critical
 * violation, no console error; a screenshot of each under target/screenshots. The case page shows routing's "Why
 * this queue" and "Similar cases" (a possible duplicate among them, merged into it: the merged duplicate's page is
 * checked too, with its notice), the routing page its examples per queue, the
 * customer page every form an admin may use (profile, tier, merge), the analytics page its charts, the customer's
 * survey page (no login) its rating form, the dashboard as it was an hour ago (with its banner) and My team (an admin
 * linked to no agent: every agent). At a phone's width (360 px) no page scrolls
 * sideways.
 */
@ExtendWith(PlatformExtension.class)
class AccessibilityBrowserTest {

    @Test
    void everyPageInBothThemesHasNoSeriousAccessibilityViolation(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("a11y-agent", List.of("agent"));
        // the same customer's same request twice: the case page shows "Similar cases" with a possible duplicate
        Customers.Customer customer = platform.customers().next("gold");
        String subject = "Accessibility check " + platform.runId();
        BrowserFixtures.OpenedCase duplicate = fixtures.openCase(agent, customer, subject, "Opened by the browser tests. " + subject, "high");
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, customer, subject, "Opened by the browser tests. " + subject, "high");
        fixtures.merge(agent, duplicate, opened);
        Map<String, String> pages = pages(opened, fixtures.customerId(agent, opened.caseId()));
        pages.put("case-duplicate", "/cases/" + duplicate.caseId());
        // the customer's survey (no login): the link of a resolved case's done-mail, from the customer's mailbox
        Customers.Customer rater = platform.customers().next("standard");
        BrowserFixtures.OpenedCase resolved = fixtures.openCase(agent, rater, "Survey check " + platform.runId(),
                "Opened by the browser tests.", "low");
        fixtures.resolve(agent, resolved.caseId());
        String survey = "/survey/" + new Mailboxes(platform).awaitSurveyToken(rater.email(), Duration.ofSeconds(120));
        List<String> problems = new ArrayList<>();

        for (String theme : List.of("light", "dark")) {
            try (Browser browser = fixtures.browser()) {
                browser.open("/login");
                browser.visible(By.name("username"));
                browser.theme(theme);
                browser.open("/login");
                browser.visible(By.name("username"));
                check(browser, "login", theme, problems);
                browser.open(survey);
                browser.ready(survey);
                browser.visible(By.name("rating"));
                check(browser, "survey", theme, problems);

                BrowserFixtures.Login admin = fixtures.admin();
                browser.logIn(admin.username(), admin.password());
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.open(page.getValue());
                    browser.ready(page.getValue().replaceAll("\\?.*", ""));
                    assertThat(browser.script("return document.documentElement.dataset.theme;")).isEqualTo(theme);
                    check(browser, page.getKey(), theme, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void atAPhonesWidthNoPageScrollsSideways(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("a11y-agent", List.of("agent"));
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, "Phone width check " + platform.runId(), "low");
        List<String> wide = new ArrayList<>();
        try (Browser browser = fixtures.browser(360, 780)) {
            BrowserFixtures.Login admin = fixtures.admin();
            browser.logIn(admin.username(), admin.password());
            for (Map.Entry<String, String> page : pages(opened, fixtures.customerId(agent, opened.caseId())).entrySet()) {
                browser.open(page.getValue());
                assertThat(browser.script("return window.innerWidth;")).isEqualTo(360L);
                browser.ready(page.getValue().replaceAll("\\?.*", ""));
                Number overflow = (Number) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (overflow.intValue() > 0) {
                    wide.add(page.getKey() + " is " + overflow + " px too wide");
                }
                browser.screenshot("phone-" + page.getKey());
            }
            // the menu folds away behind a button on a phone
            assertThat(browser.driver().findElement(By.id("nav-toggle")).isDisplayed()).isTrue();
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(wide).isEmpty();
    }

    /** Every page, with the case's own and its customer's; the customer search lists the run's customers. */
    private static Map<String, String> pages(BrowserFixtures.OpenedCase opened, String customerId) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("dashboard-as-of", "/?asOf=" + Instant.now().minus(Duration.ofHours(1)));
        pages.put("my-cases", "/my-cases");
        pages.put("my-team", "/my-team");
        pages.put("cases", "/cases");
        pages.put("new-case", "/cases/new");
        pages.put("case", "/cases/" + opened.caseId());
        pages.put("customers", "/customers?q=mail.example.test");
        pages.put("customer", "/customers/" + customerId);
        pages.put("agents", "/agents");
        pages.put("analytics", "/analytics");
        pages.put("macros", "/macros");
        pages.put("admin-users", "/admin/users");
        pages.put("admin-api-keys", "/admin/api-keys");
        pages.put("admin-queues", "/admin/queues");
        pages.put("admin-routing", "/admin/routing");
        pages.put("admin-sla", "/admin/sla");
        pages.put("admin-webhooks", "/admin/webhooks");
        pages.put("ops", "/ops");
        return pages;
    }

    private static void check(Browser browser, String page, String theme, List<String> problems) {
        browser.screenshot(theme + "-" + page);
        for (String violation : browser.seriousAccessibilityViolations()) {
            problems.add(theme + " " + page + ": " + violation);
        }
        for (String error : browser.consoleErrors()) {
            problems.add(theme + " " + page + ": console error " + error);
        }
    }
}
