package org.casestream.systemtests.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.Customers;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing explained in a real browser: an admin adds an example to a queue on the routing page and removes it
 * again, and marks a classification rule decisive (saved with the rules); a lead opens a case that routing put in
 * Login by its meaning (no rule matches its words) and sees why: the classifier, how sure it was against its
 * threshold, the nearest examples; and the cases like it: the same customer's possible duplicate first, then
 * another customer's similar case, each a link to it.
 */
@ExtendWith(PlatformExtension.class)
class RoutingExplainedBrowserTest {

    private static final String RULES = "/api/routing/config/classification-rules";

    @Test
    void anAdminAddsAnExampleToAQueueAndRemovesItAndMarksARuleDecisive(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        String text = "Browser example " + platform.runId() + ": the parcel locker will not open with my code";
        By row = By.xpath("//table[caption='Examples of Deliveries']//tr[th[normalize-space()='" + text + "']]");
        JsonNode rulesBefore = platform.gateway().get(RULES, platform.admin()).expect(200).json().path("rules");
        try (Browser browser = fixtures.browser()) {
            BrowserFixtures.Login admin = fixtures.admin();
            browser.logIn(admin.username(), admin.password());
            browser.open("/admin/routing");
            browser.ready("/admin/routing");

            browser.waitFor(d -> {
                new Select(d.findElement(By.id("examples-queue"))).selectByValue("Deliveries");
                return true;
            });
            browser.waitFor(d -> d.findElement(By.id("examples-list-title")).getText().startsWith("Examples of Deliveries ("));
            browser.visible(By.id("example-text")).sendKeys(text);
            browser.click(By.id("example-add"));
            assertThat(browser.visible(row).getText()).contains("Added by an admin").contains(admin.username());
            assertThat(examples(platform, "Deliveries")).contains(text);
            browser.screenshot("routing-example-added");

            browser.click(By.xpath("//table[caption='Examples of Deliveries']//tr[th[normalize-space()='" + text + "']]"
                    + "//button[normalize-space()='Remove']"));
            browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(row));
            // the removed row's button is gone: the focus is on the list it was in
            browser.waitFor(d -> "examples-list-title".equals(browser.focusedProperty("id")));
            assertThat(examples(platform, "Deliveries")).doesNotContain(text);

            // the last classification rule made decisive, saved, and back
            String pattern = setLastRuleDecisive(browser, true);
            browser.waitFor(d -> decisive(platform, pattern));
            setLastRuleDecisive(browser, false);
            browser.waitFor(d -> !decisive(platform, pattern));
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            // as they were, should the test have stopped with a rule made decisive
            if (!bodies(platform.gateway().get(RULES, platform.admin()).expect(200).json().path("rules")).equals(bodies(rulesBefore))) {
                platform.gateway().put(RULES, platform.admin(), Map.of("rules", bodies(rulesBefore))).expect(200);
            }
        }
    }

    @Test
    void aLeadSeesWhyACaseIsInItsQueueAndTheCasesLikeIt(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login lead = fixtures.person("why-lead", List.of("lead"));
        Customers.Customer customer = platform.customers().next("standard");
        String like = "How do I reset the PIN on my user profile?";
        String again = "Can I reset the PIN of my user profile please?";
        String question = "can I reset the PIN of my user profile?";
        // just before: another customer asks much the same, and this customer asks it a first time
        BrowserFixtures.OpenedCase similar = fixtures.openCase(lead, platform.customers().next("gold"), like, like, "low");
        BrowserFixtures.OpenedCase duplicate = fixtures.openCase(lead, customer, again, again, "low");
        BrowserFixtures.OpenedCase opened = fixtures.openCase(lead, customer, question, question, "low");

        try (Browser browser = fixtures.browser()) {
            browser.logIn(lead.username(), lead.password());
            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());
            assertThat(browser.visible(By.cssSelector("dd[data-field='queue']")).getText()).isEqualTo("Login");

            WebElement why = browser.visible(By.cssSelector("section[aria-labelledby='why-queue-title']"));
            assertThat(why.findElement(By.id("why-queue-title")).getText()).isEqualTo("Why this queue");
            assertThat(why.findElement(By.cssSelector("dd[data-field='routed-queue']")).getText()).isEqualTo("Login");
            assertThat(why.findElement(By.cssSelector("dd[data-field='decided-by']")).getText()).isEqualTo("The classifier");
            assertThat(why.findElement(By.cssSelector("dd[data-field='classifier']")).getText())
                    .matches("Login, \\d+% confident \\(needs \\d+%\\), from \\d+ examples");
            List<String> neighbours = why.findElements(By.cssSelector("ol.neighbours li")).stream().map(WebElement::getText).toList();
            assertThat(neighbours).isNotEmpty()
                    .allMatch(neighbour -> neighbour.matches("(?s)\\d+% similar .+: .+"))
                    .anyMatch(neighbour -> neighbour.matches("(?s)\\d+% similar Login: “.*PIN.*” \\(shipped example\\)"));

            WebElement cases = browser.visible(By.cssSelector("section[aria-labelledby='similar-title']"));
            assertThat(cases.findElement(By.id("similar-title")).getText()).isEqualTo("Similar cases");
            // the same customer's duplicate first, marked; then the other customer's case
            List<String> headings = cases.findElements(By.tagName("h3")).stream().map(WebElement::getText).toList();
            assertThat(headings).containsExactly("Possible duplicates (same customer, same day)", "Other similar cases");
            WebElement duplicateItem = cases.findElement(item("possible-duplicates", duplicate));
            assertThat(duplicateItem.getText()).startsWith("Possible duplicate " + duplicate.caseNumber() + ": " + again)
                    .containsPattern("\\d+% similar");
            WebElement similarItem = cases.findElement(item("similar-cases", similar));
            assertThat(similarItem.getText()).startsWith(similar.caseNumber() + ": " + like).containsPattern("· \\d+% similar");
            assertThat(cases.findElements(item("similar-cases", duplicate))).as("a duplicate is not listed twice").isEmpty();
            browser.screenshot("routing-why-this-queue");

            // each is a link to its case
            browser.click(By.xpath("//ul[@id='similar-cases']//a[starts-with(normalize-space(), '" + similar.caseNumber() + ":')]"));
            browser.ready("/cases/" + similar.caseId());
            assertThat(browser.visible(By.id("case-title")).getText()).contains(similar.caseNumber());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static By item(String list, BrowserFixtures.OpenedCase opened) {
        return By.xpath(".//ul[@id='" + list + "']/li[.//a[starts-with(normalize-space(), '" + opened.caseNumber() + ":')]]");
    }

    /** Ticks or clears the last classification rule's decisive box and saves the rules; that rule's pattern. */
    private static String setLastRuleDecisive(Browser browser, boolean decisive) {
        List<WebElement> rows = browser.driver().findElements(By.xpath("//table[caption='Classification rules']/tbody/tr"));
        assertThat(rows).isNotEmpty();
        WebElement last = rows.get(rows.size() - 1);
        String pattern = last.findElement(By.cssSelector("input[aria-label='Pattern']")).getDomProperty("value");
        WebElement box = last.findElement(By.cssSelector("input[type='checkbox'][aria-label^='Decisive']"));
        if (box.isSelected() != decisive) {
            box.click();
        }
        browser.click(By.xpath("//button[normalize-space()='Save classification rules']"));
        return pattern;
    }

    private static boolean decisive(Platform platform, String pattern) {
        for (JsonNode rule : platform.gateway().get(RULES, platform.admin()).expect(200).json().path("rules")) {
            if (rule.path("pattern").asText().equals(pattern)) {
                return rule.path("decisive").asBoolean();
            }
        }
        throw new AssertionError("No classification rule has the pattern " + pattern);
    }

    /** The rules as the API took them (PUT's body), from what it answered. */
    private static List<Map<String, Object>> bodies(JsonNode rules) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (JsonNode rule : rules) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("position", rule.path("position").asInt());
            body.put("queue", rule.path("queue").asText());
            body.put("kind", rule.path("kind").asText());
            body.put("pattern", rule.path("pattern").asText());
            body.put("decisive", rule.path("decisive").asBoolean());
            bodies.add(body);
        }
        return bodies;
    }

    private static List<String> examples(Platform platform, String queue) {
        return platform.gateway().get("/api/routing/config/examples?queue=" + queue, platform.admin()).expect(200).json()
                .path("examples").findValuesAsText("text");
    }
}
