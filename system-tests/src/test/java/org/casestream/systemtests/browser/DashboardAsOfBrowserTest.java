package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The dashboard moved back in a real browser: "1 hour ago" shows the figures of an hour ago (the API's, from the log),
 * a case opened now is not counted at an instant before it was opened and is after, a reload keeps the instant, the
 * banner says live updates are paused, a chosen date and time works too, and "Now" is live again. Axe-checked in both
 * themes while it shows the past.
 */
@ExtendWith(PlatformExtension.class)
class DashboardAsOfBrowserTest {

    private static final List<String> FIGURES = List.of("status:new", "status:inprogress", "status:done",
            "priority:critical", "priority:high", "priority:medium", "priority:low", "sla:at-risk", "sla:breached");

    @Test
    void theDashboardAnHourAgoCountsWhatWasThereThenAndNotACaseOpenedNow(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        GatewayClient gateway = platform.gateway();
        BrowserFixtures.Login manager = fixtures.person("asof-manager", List.of("manager"));
        BrowserFixtures.Login agent = fixtures.person("asof-agent", List.of("agent"));
        GatewayClient.Bearer token = fixtures.token(manager);

        try (Browser browser = fixtures.browser()) {
            browser.logIn(manager.username(), manager.password());
            browser.ready("/");
            browser.visible(By.cssSelector("#dashboard-widgets[data-as-of='live']"));
            assertThat(browser.driver().findElements(By.id("dash-as-of-banner"))).isEmpty();

            browser.click(By.id("dash-hour-ago"));
            String hourAgo = shownInstant(browser);
            assertThat(Duration.between(Instant.parse(hourAgo), Instant.now())).isBetween(Duration.ofMinutes(59),
                    Duration.ofMinutes(61));
            assertThat(browser.visible(By.id("dash-as-of-banner")).getText()).contains("Live updates are paused");
            Map<String, Long> anHourAgo = figures(browser);
            assertThat(anHourAgo).isEqualTo(figures(gateway.get(asOf(hourAgo), token).expect(200).json()));
            browser.screenshot("dashboard-as-of-1-hour-ago");

            // a case opened now: not in the log at an instant before it, counted at one after it
            Instant before = Instant.now();
            BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, "As of check " + platform.runId(), "high");
            Instant after = Instant.now();
            JsonNode atBefore = gateway.get(asOf(before.toString()), token).expect(200).json();
            JsonNode atAfter = gateway.get(asOf(after.toString()), token).expect(200).json();
            assertThat(total(atAfter) - total(atBefore)).as("the case opened in between").isEqualTo(1);
            assertThat(total(gateway.get(asOf(hourAgo), token).expect(200).json())).isEqualTo(total(anHourAgo));

            // the past stays as it was (live updates paused), and a reload keeps the instant
            assertThat(figures(browser)).isEqualTo(anHourAgo);
            browser.driver().navigate().refresh();
            browser.ready("/");
            assertThat(shownInstant(browser)).isEqualTo(hourAgo);
            assertThat(browser.visible(By.id("dash-as-of-banner")).isDisplayed()).isTrue();
            assertThat(figures(browser)).isEqualTo(anHourAgo);
            for (String theme : List.of("light", "dark")) {
                browser.theme(theme);
                assertThat(browser.seriousAccessibilityViolations()).as(theme).isEmpty();
                browser.screenshot("dashboard-as-of-" + theme);
            }
            browser.theme("light");

            // a chosen date and time (the control has minutes): the dashboard of that minute
            browser.script("const input = document.getElementById('dash-as-of');"
                    + "const d = new Date(Date.now() - 2 * 3600 * 1000);"
                    + "const pad = n => String(n).padStart(2, '0');"
                    + "input.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;");
            browser.click(By.id("dash-as-of-show"));
            browser.waitFor(d -> !URI.create(d.getCurrentUrl()).getRawQuery().contains(
                    URLEncoder.encode(hourAgo, StandardCharsets.UTF_8)));
            String twoHoursAgo = shownInstant(browser);
            assertThat(Instant.parse(twoHoursAgo).getEpochSecond() % 60).as("a whole minute").isZero();
            assertThat(figures(browser)).isEqualTo(figures(gateway.get(asOf(twoHoursAgo), token).expect(200).json()));

            // now: live again, with the case opened a moment ago
            browser.click(By.id("dash-now"));
            browser.waitFor(d -> URI.create(d.getCurrentUrl()).getRawQuery() == null);
            browser.visible(By.cssSelector("#dashboard-widgets[data-as-of='live']"));
            assertThat(browser.driver().findElements(By.id("dash-as-of-banner"))).isEmpty();
            // (the counts by status move only with events; SLA figures also move with the clock)
            await().atMost(Duration.ofSeconds(30)).until(() -> total(figures(browser)) == total(
                    gateway.get("/api/dashboard", token).expect(200).json()));
            assertThat(total(figures(browser))).isGreaterThanOrEqualTo(total(atAfter));
            assertThat(gateway.get("/api/cases/" + opened.caseId(), token).expect(200).json().path("caseNumber")
                    .asText()).isEqualTo(opened.caseNumber());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static String asOf(String instant) {
        return "/api/dashboard?asOf=" + URLEncoder.encode(instant, StandardCharsets.UTF_8);
    }

    /** The instant the dashboard shows, once it has drawn it: the URL's asOf, and the widgets' data-as-of. */
    private static String shownInstant(Browser browser) {
        String query = browser.waitFor(d -> {
            String raw = URI.create(d.getCurrentUrl()).getRawQuery();
            return raw != null && raw.startsWith("asOf=") ? raw : null;
        });
        String instant = URLDecoder.decode(query.substring("asOf=".length()), StandardCharsets.UTF_8);
        browser.visible(By.cssSelector("#dashboard-widgets[data-as-of='" + instant + "']"));
        return instant;
    }

    /** The figures the page shows, by their data-key. */
    private static Map<String, Long> figures(Browser browser) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String key : FIGURES) {
            figures.put(key, Long.parseLong(browser.visible(By.cssSelector("a.tile[data-key='" + key + "'] .count"))
                    .getText().strip()));
        }
        figures.put("critical", Long.parseLong(browser.visible(By.cssSelector("[data-key='critical']")).getText()
                .replaceAll("[^0-9]", "")));
        return figures;
    }

    /** The same figures from an API answer. */
    private static Map<String, Long> figures(JsonNode view) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String status : List.of("new", "inprogress", "done")) {
            figures.put("status:" + status, view.at("/byStatus/" + status).asLong());
        }
        for (String priority : List.of("critical", "high", "medium", "low")) {
            figures.put("priority:" + priority, view.at("/openByPriority/" + priority).asLong());
        }
        figures.put("sla:at-risk", view.at("/sla/atRisk").asLong());
        figures.put("sla:breached", view.at("/sla/breached").asLong());
        figures.put("critical", view.at("/criticalOpen/count").asLong());
        return figures;
    }

    private static long total(Map<String, Long> figures) {
        return figures.get("status:new") + figures.get("status:inprogress") + figures.get("status:done");
    }

    private static long total(JsonNode view) {
        return total(figures(view));
    }
}
