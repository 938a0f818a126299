package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Queues are data, kept in a real browser: an admin creates a queue, moves a case into it, renames it (the case
 * shows the new name, its key stays) and archives it (no longer a choice for a case; the case keeps it).
 */
@ExtendWith(PlatformExtension.class)
class QueuesBrowserTest {

    @Test
    void anAdminCreatesRenamesAndArchivesAQueueAndTheCaseInItFollows(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login admin = fixtures.admin();
        String key = "Warranty " + platform.runId();
        String renamed = "Warranty claims " + platform.runId();
        String rowId = ("queue-" + key).replaceAll("[^a-zA-Z0-9_-]", "_");
        BrowserFixtures.OpenedCase opened = fixtures.openCase(admin, platform.customers().next("standard"),
                "Queue move " + platform.runId(), "My kettle broke within a month.", "medium");
        List<String> problems = new ArrayList<>();

        try (Browser browser = fixtures.browser()) {
            browser.logIn(admin.username(), admin.password());
            browser.open("/admin/queues");
            browser.ready("/admin/queues");
            browser.visible(By.id("new-queue-name")).sendKeys(key);
            browser.click(By.cssSelector("form[aria-labelledby='new-queue-title'] button[type='submit']"));
            WebElement name = browser.visible(By.id(rowId + "-name"));
            problems.addAll(browser.seriousAccessibilityViolations());

            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());
            new Select(browser.visible(By.id("queue-select"))).selectByValue(key);
            browser.click(By.id("queue-apply"));
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='queue']")).getText().equals(key));

            browser.open("/admin/queues");
            browser.ready("/admin/queues");
            name = browser.visible(By.id(rowId + "-name"));
            name.clear();
            name.sendKeys(renamed);
            browser.click(By.xpath("//button[normalize-space()='Rename " + key + "']"));
            browser.waitFor(d -> !d.findElements(By.xpath("//button[normalize-space()='Archive " + renamed + "']"))
                    .isEmpty());
            browser.click(By.xpath("//button[normalize-space()='Archive " + renamed + "']"));
            browser.waitFor(d -> !d.findElements(By.xpath("//button[normalize-space()='Restore " + renamed + "']"))
                    .isEmpty());
            browser.screenshot("queues-1-archived");

            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());
            browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='queue']")).getText().equals(renamed));
            assertThat(new Select(browser.visible(By.id("queue-select"))).getOptions())
                    .as("an archived queue is no choice").extracting(option -> option.getAttribute("value"))
                    .doesNotContain(key).contains("Orders");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(problems).isEmpty();

        GatewayClient gateway = platform.gateway();
        JsonNode view = gateway.get("/api/cases/" + opened.caseId(), fixtures.token(admin)).expect(200).json();
        assertThat(view.path("queue").asText()).as("the case keeps the key").isEqualTo(key);
        JsonNode queue = gateway.get("/api/queues/" + key.replace(" ", "%20"), fixtures.token(admin)).expect(200).json();
        assertThat(queue.path("name").asText()).isEqualTo(renamed);
        assertThat(queue.path("archived").asBoolean()).isTrue();
    }
}
