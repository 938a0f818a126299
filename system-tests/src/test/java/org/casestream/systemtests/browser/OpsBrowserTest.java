package org.casestream.systemtests.browser;

import java.util.List;

import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Ops starts a read-model rebuild from the browser and watches its progress to the switch; the lists keep serving. */
@ExtendWith(PlatformExtension.class)
class OpsBrowserTest {

    @Test
    void opsRebuildsTheReadModelsAndWatchesTheProgressToTheSwitch(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login ops = fixtures.person("ops", List.of("ops"));
        BrowserFixtures.Login agent = fixtures.person("ops-agent", List.of("agent"));
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, "Rebuild survivor " + platform.runId(), "low");

        try (Browser browser = fixtures.browser()) {
            browser.logIn(ops.username(), ops.password());
            // ops sees the pages of ops, and not the admin pages
            assertThat(browser.driver().findElements(By.cssSelector("#app-nav a[href='/ops']"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("#app-nav a[href='/admin']"))).isEmpty();
            browser.open("/ops");
            browser.ready("/ops");
            browser.click(By.id("start-rebuild"));
            browser.visible(By.cssSelector("#replay-jobs progress"));
            browser.waitFor(d -> d.findElement(By.id("replay-jobs")).getText().contains(": switched"));
            String job = browser.driver().findElement(By.id("replay-jobs")).getText();
            assertThat(job).containsPattern("\\d+ (of \\d+ )?events");
            browser.screenshot("ops-rebuild-switched");

            // the rebuilt read models still know the case
            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());
            assertThat(browser.visible(By.id("case-title")).getText()).contains(opened.caseNumber());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
