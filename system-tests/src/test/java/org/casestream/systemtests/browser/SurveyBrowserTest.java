package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.casestream.systemtests.Customers;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.GatewayClient.Anonymous;
import org.casestream.systemtests.Mailboxes;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * CSAT in a real browser: a customer mails the support address, an agent resolves the case, and the customer follows
 * the survey link of their done-mail (read from their own mailbox over IMAP) to a page without login that shows the
 * request's number and subject only, rates it 4 with a comment and is thanked; the rating is theirs (actor the
 * customer) on the case; the link then says it was used; a made-up link says it is not valid; every state is
 * axe-clean (light and dark). Answering the done-mail still reopens the case. Through the gateway, the survey API
 * refuses staff and channels (nobody rates for a customer), staff cannot rate through the case either, and bad input
 * names each field and stores nothing.
 */
@ExtendWith(PlatformExtension.class)
class SurveyBrowserTest {

    private static final Duration MAIL = Duration.ofSeconds(120);

    @Test
    void aCustomerRatesFromTheirDoneMailOnceAndAReplyStillReopensTheCase(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        Mailboxes mail = new Mailboxes(platform);
        GatewayClient gateway = platform.gateway();
        BrowserFixtures.Login agent = fixtures.person("survey-agent", List.of("agent"));
        Customers.Customer customer = platform.customers().next("gold");
        String word = "blankpages" + platform.runId();
        String subject = "Printer prints " + word;
        mail.toSupport(Mailboxes.newMessageId(), customer.name(), customer.email(), subject, "Every page is blank.");
        String caseId = fixtures.caseIdByWord(agent, word);
        fixtures.resolve(agent, caseId);
        MimeMessage done = mail.awaitMail(customer.email(), sent -> Mailboxes.surveyToken(sent) != null, MAIL);
        String token = Mailboxes.surveyToken(done);
        String caseNumber = gateway.get("/api/cases/" + caseId, fixtures.token(agent)).expect(200).json()
                .path("caseNumber").asText();
        assertThat(Mailboxes.subject(done)).contains(subject, caseNumber);

        List<String> problems = new ArrayList<>();
        try (Browser browser = fixtures.browser()) {
            browser.open("/survey/" + token);
            browser.ready("/survey/" + token);
            browser.theme("dark");
            WebElementText page = new WebElementText(browser);
            assertThat(browser.visible(By.cssSelector("main h1")).getText()).isEqualTo("How did we do?");
            assertThat(page.main()).contains(caseNumber, subject).doesNotContain(customer.email(), customer.name());
            assertThat(browser.driver().findElement(By.id("app-header")).isDisplayed()).as("no staff header").isFalse();
            check(browser, "survey-form-dark", problems);

            // nothing chosen: said, and the focus goes to the first rating
            browser.click(By.cssSelector("main button[type='submit']"));
            browser.waitFor(d -> page.main().contains("Choose a rating from 1 to 5."));
            assertThat(browser.focusedProperty("id")).isEqualTo("survey-rating-1");
            // the arrow keys move between the ratings, as radio buttons do
            browser.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            browser.waitFor(d -> "survey-rating-4".equals(browser.focusedProperty("id")));
            browser.waitFor(d -> !page.main().contains("Choose a rating"));
            browser.visible(By.name("comment")).sendKeys("Fixed within the hour, thank you");
            browser.screenshot("survey-1-answered");
            browser.click(By.cssSelector("main button[type='submit']"));
            browser.waitFor(d -> "Thank you".equals(d.findElement(By.cssSelector("main h1")).getText()));
            assertThat(page.main()).contains("4 out of 5", caseNumber);
            check(browser, "survey-thanks-dark", problems);
            assertThat(browser.consoleErrors()).isEmpty();

            // the link is used: it says so, in either theme
            for (String theme : List.of("light", "dark")) {
                browser.theme(theme);
                browser.open("/survey/" + token);
                browser.ready("/survey/" + token);
                assertThat(browser.visible(By.cssSelector("main h1")).getText()).isEqualTo("This survey was already answered");
                assertThat(page.main()).doesNotContain(caseNumber, subject);
                check(browser, "survey-used-" + theme, problems);
            }
            String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
            browser.open("/survey/" + forged);
            browser.ready("/survey/" + forged);
            assertThat(browser.visible(By.cssSelector("main h1")).getText()).isEqualTo("This survey link is not valid");
            assertThat(page.main()).doesNotContain(caseNumber, subject);
            check(browser, "survey-not-valid-light", problems);
            // the browser reports the refusals (410, 404) it was given; nothing else went wrong
            assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error).containsAnyOf("410", "404"));
        }
        assertThat(problems).isEmpty();

        GatewayClient.Bearer admin = platform.admin();
        JsonNode rated = history(gateway, admin, caseId, "SatisfactionRated").getFirst();
        assertThat(rated.path("actor").asText()).startsWith("customer:");
        assertThat(rated.at("/data/rating").asInt()).isEqualTo(4);
        assertThat(rated.at("/data/comment").asText()).isEqualTo("Fixed within the hour, thank you");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                gateway.get("/api/cases/" + caseId, admin).json().at("/satisfaction/rating").asInt() == 4);

        // the customer answers the done-mail: the case reopens, as it always did
        mail.toSupport(Mailboxes.newMessageId(), customer.name(), customer.email(), Mailboxes.subject(done),
                "It prints blank pages again.", "In-Reply-To: " + Mailboxes.header(done, "Message-ID"));
        await().atMost(MAIL).until(() -> !history(gateway, admin, caseId, "CaseReopened").isEmpty());
        assertThat(gateway.get("/api/cases/" + caseId + "/history", admin).json().findValuesAsText("type"))
                .containsSubsequence("SatisfactionRated", "CommentAdded", "CaseReopened");
    }

    @Test
    void throughTheGatewayOnlyTheCustomerRatesAndBadInputStoresNothing(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        GatewayClient gateway = platform.gateway();
        BrowserFixtures.Login agent = fixtures.person("survey-api-agent", List.of("agent"));
        Customers.Customer customer = platform.customers().next("standard");
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, customer, "Survey by role " + platform.runId(),
                "Opened by the survey test.", "low");
        fixtures.resolve(agent, opened.caseId());
        String token = new Mailboxes(platform).awaitSurveyToken(customer.email(), MAIL);
        String survey = "/api/surveys/" + token;

        for (String role : List.of("agent", "lead", "manager", "admin", "ops")) {
            assertThat(gateway.post(survey, platform.person(role), Map.of("rating", 5)).status()).as(role).isEqualTo(403);
            assertThat(gateway.post("/api/cases/" + opened.caseId() + "/satisfaction", platform.person(role),
                    Map.of("rating", 5)).status()).as(role + " through the case").isEqualTo(403);
        }
        assertThat(gateway.post(survey, platform.apiKey("web"), Map.of("rating", 5)).status()).isEqualTo(403);

        GatewayClient.Response bad = gateway.post(survey, Anonymous.NONE, Map.of("rating", 9, "comment", "x".repeat(2001)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("rating", "comment");
        GatewayClient.Response forged = gateway.get("/api/surveys/" + "A".repeat(76), Anonymous.NONE);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).doesNotContain(opened.caseNumber(), opened.caseId());
        assertThat(history(gateway, platform.admin(), opened.caseId(), "SatisfactionRated")).isEmpty();

        GatewayClient.Response page = gateway.get(survey, Anonymous.NONE).expect(200);
        assertThat(page.json().path("caseNumber").asText()).isEqualTo(opened.caseNumber());
        assertThat(page.body()).doesNotContain(customer.email(), customer.name());
        gateway.post(survey, Anonymous.NONE, Map.of("rating", 2)).expect(200);
        GatewayClient.Response again = gateway.post(survey, Anonymous.NONE, Map.of("rating", 5));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).doesNotContain(opened.caseNumber(), opened.caseId());
        assertThat(history(gateway, platform.admin(), opened.caseId(), "SatisfactionRated"))
                .extracting(entry -> entry.at("/data/rating").asInt()).containsExactly(2);
    }

    private static List<JsonNode> history(GatewayClient gateway, GatewayClient.Bearer reader, String caseId, String type) {
        List<JsonNode> entries = new ArrayList<>();
        gateway.get("/api/cases/" + caseId + "/history", reader).expect(200).json().forEach(entry -> {
            if (entry.path("type").asText().equals(type)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static void check(Browser browser, String name, List<String> problems) {
        browser.screenshot(name);
        browser.seriousAccessibilityViolations().forEach(violation -> problems.add(name + ": " + violation));
    }

    /** The text the page's main region shows, read afresh each time. */
    private record WebElementText(Browser browser) {
        String main() {
            return browser.driver().findElement(By.id("main")).getText();
        }
    }
}
