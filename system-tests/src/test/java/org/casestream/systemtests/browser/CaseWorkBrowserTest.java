package org.casestream.systemtests.browser;

import java.util.List;

import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow in a real browser: an agent logs in, opens a case from the dashboard, replies, adds an internal
 * note (shown apart from replies), moves the case to done; a lead watching the dashboard in a second session sees
 * the done count change without reloading.
 */
@ExtendWith(PlatformExtension.class)
class CaseWorkBrowserTest {

    @Test
    void anAgentWorksACaseFromTheDashboardToDoneWhileAnotherSessionSeesTheCountChange(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("flow-agent", List.of("agent"));
        BrowserFixtures.Login lead = fixtures.person("flow-lead", List.of("lead"));
        String subject = "Browser flow " + platform.runId() + " cannot reset password";
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, subject, "critical");

        try (Browser watcher = fixtures.browser(); Browser worker = fixtures.browser()) {
            watcher.logIn(lead.username(), lead.password());
            watcher.visible(By.cssSelector("main[data-ready='/'] a.tile[data-key='status:done']"));
            long doneBefore = doneCount(watcher);
            // a page that reloads loses this
            watcher.script("window.__casestreamNoReload = true;");

            worker.logIn(agent.username(), agent.password());
            worker.ready("/");
            worker.screenshot("flow-1-dashboard");
            // drill down from the critical-priority figure to the filtered list, then into the case
            worker.click(By.cssSelector("a.tile[data-key='priority:critical']"));
            worker.waitFor(d -> d.getCurrentUrl().contains("priority=critical"));
            worker.click(By.linkText(opened.caseNumber()));
            worker.ready("/cases/" + opened.caseId());
            assertThat(worker.visible(By.id("case-title")).getText()).contains(opened.caseNumber()).contains(subject);

            String reply = "We are on it, " + platform.runId();
            worker.visible(By.id("compose-body")).sendKeys(reply);
            worker.click(By.id("compose-submit"));
            // a public reply: not marked internal (looked up afresh, since live updates redraw the thread)
            worker.visible(By.xpath("//article[contains(@class,'comment') and not(contains(@class,'internal'))]"
                    + "[.//div[@class='body' and text()='" + reply + "']]"));

            String note = "Internal: checked the login logs " + platform.runId();
            worker.click(By.id("visibility-internal"));
            assertThat(worker.driver().findElement(By.id("compose-submit")).getText()).isEqualTo("Add internal note");
            worker.visible(By.id("compose-body")).sendKeys(note);
            worker.click(By.id("compose-submit"));
            // an internal note: drawn apart (class internal) and labelled as such
            worker.visible(By.xpath("//article[contains(@class,'comment') and contains(@class,'internal')]"
                    + "[.//span[text()='Internal note']][.//div[@class='body' and text()='" + note + "']]"));

            moveTo(worker, "inprogress", "In progress");
            moveTo(worker, "done", "Done");
            worker.screenshot("flow-2-case-done");

            // the other session's dashboard follows the stream: the done figure grows, and the page never reloaded
            watcher.waitFor(d -> doneCount(watcher) >= doneBefore + 1);
            assertThat(watcher.script("return window.__casestreamNoReload === true;")).isEqualTo(true);
            watcher.screenshot("flow-3-second-session-dashboard");
            assertThat(fixtures.count(lead, "/api/dashboard", "/byStatus/done")).isGreaterThanOrEqualTo(doneBefore + 1);

            assertThat(worker.consoleErrors()).isEmpty();
            assertThat(watcher.consoleErrors()).isEmpty();
        }
    }

    private static long doneCount(Browser browser) {
        String text = browser.driver().findElement(By.cssSelector("a.tile[data-key='status:done'] .count")).getText();
        return Long.parseLong(text.trim());
    }

    static void moveTo(Browser worker, String status, String label) {
        worker.waitFor(d -> new Select(d.findElement(By.id("status-select"))).getOptions().stream()
                .anyMatch(option -> option.getAttribute("value").equals(status)));
        // a live update may redraw the actions meanwhile: the choice survives it, so look the select up again
        worker.waitFor(d -> {
            new Select(d.findElement(By.id("status-select"))).selectByValue(status);
            return true;
        });
        worker.click(By.id("status-apply"));
        worker.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='status']")).getText().equals(label));
    }
}
