package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A case with more comments than its detail holds (the latest 50): the case page shows those with the whole count,
 * and loads the older ones on demand, in front of them and in order.
 */
@ExtendWith(PlatformExtension.class)
class LongThreadBrowserTest {

    private static final int COMMENTS = 55;

    @Test
    void aLongThreadShowsItsLatestCommentsAndLoadsTheOlderOnesOnDemand(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("thread-agent", List.of("agent"));
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, "Long thread " + platform.runId(), "low");
        GatewayClient gateway = platform.gateway();
        GatewayClient.Bearer token = fixtures.token(agent);
        for (int i = 1; i <= COMMENTS; i++) {
            gateway.post("/api/cases/" + opened.caseId() + "/comments", token,
                    Map.of("body", "Message " + i + " of the long thread", "visibility", "public")).success();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/cases/" + opened.caseId(), token)
                .json().path("commentCount").asInt() == COMMENTS);

        try (Browser browser = fixtures.browser()) {
            browser.logIn(agent.username(), agent.password());
            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());
            assertThat(browser.visible(By.id("thread-title")).getText()).isEqualTo("Conversation (" + COMMENTS + ")");
            assertThat(bodies(browser)).hasSize(50).first().isEqualTo("Message 6 of the long thread");
            assertThat(browser.visible(By.id("older-comments")).getText()).isEqualTo("Load older comments (5 more)");

            browser.click(By.id("older-comments"));
            browser.waitFor(d -> bodies(browser).size() == COMMENTS);
            assertThat(bodies(browser).subList(0, 6)).containsExactly("Message 1 of the long thread",
                    "Message 2 of the long thread", "Message 3 of the long thread", "Message 4 of the long thread",
                    "Message 5 of the long thread", "Message 6 of the long thread");
            assertThat(browser.driver().findElements(By.id("older-comments"))).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static List<String> bodies(Browser browser) {
        return browser.driver().findElements(By.cssSelector("article.comment div.body")).stream()
                .map(element -> element.getText()).toList();
    }
}
