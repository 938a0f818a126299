package org.casestream.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file in a real browser: an agent replies to a case with a small PNG chosen in the compose form; the thread
 * shows it on the reply (name, size, type) with a link that downloads the very same bytes. A file too large to
 * upload is refused with a message naming it, and the reply is not sent.
 */
@ExtendWith(PlatformExtension.class)
class AttachmentBrowserTest {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void anAgentRepliesWithAPictureAndTheThreadOffersItForDownload(Platform platform) throws IOException {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("attach-agent", List.of("agent"));
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, "Attachment " + platform.runId(), "low");
        Path work = fixtures.work().resolve("attachments-" + platform.runId());
        String name = "pixel-" + platform.runId() + ".png";
        Path picture = Files.createDirectories(work.resolve("upload")).resolve(name);
        Files.write(picture, PNG);
        Path downloads = work.resolve("downloads");
        // over the 25 MB an attachment may be (and the gateway's limit of a request's body)
        Path large = work.resolve("upload").resolve("big-" + platform.runId() + ".bin");
        try (var out = Files.newOutputStream(large)) {
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 26; i++) {
                out.write(chunk);
            }
        }

        try (Browser browser = fixtures.browser()) {
            browser.downloadTo(downloads);
            browser.logIn(agent.username(), agent.password());
            browser.open("/cases/" + opened.caseId());
            browser.ready("/cases/" + opened.caseId());

            // a file larger than an upload may be: the form says which and why, and sends nothing
            String reply = "Here is the screenshot you asked for, " + platform.runId();
            browser.visible(By.id("compose-body")).sendKeys(reply);
            browser.driver().findElement(By.id("compose-files")).sendKeys(large.toAbsolutePath().toString());
            browser.click(By.id("compose-submit"));
            assertThat(browser.visible(By.xpath("//div[contains(@class,'toast-error')][contains(.,'Could not attach "
                    + large.getFileName() + "')]")).getText()).contains("too large");
            browser.screenshot("attachment-too-large");
            browser.waitFor(d -> d.findElement(By.id("compose-submit")).isEnabled());
            assertThat(browser.driver().findElement(By.id("compose-body")).getAttribute("value")).isEqualTo(reply);
            assertThat(browser.driver().findElements(By.cssSelector("article.comment"))).isEmpty();
            assertThat(browser.consoleErrors()).as("only the refused upload").allMatch(error -> error.contains("/api/attachments"));

            browser.script("document.getElementById('compose-files').value = '';");
            browser.driver().findElement(By.id("compose-files")).sendKeys(picture.toAbsolutePath().toString());
            browser.click(By.id("compose-submit"));

            By replyArticle = By.xpath("//article[contains(@class,'comment')][.//div[@class='body' and text()='" + reply + "']]");
            By linkInReply = By.xpath("//article[contains(@class,'comment')][.//div[@class='body' and text()='"
                    + reply + "']]//ul[@class='attachments']//a[contains(@class,'attachment-link')]");
            browser.visible(linkInReply);
            // the live update that follows the reply draws the thread again: read the link and its line in one go,
            // looking again if they were replaced meanwhile
            List<String> shown = browser.waitFor(d -> {
                WebElement link = d.findElement(linkInReply);
                return List.of(link.getText(), link.getAttribute("href"),
                        d.findElement(replyArticle).findElement(By.cssSelector("ul.attachments li")).getText());
            });
            assertThat(shown.get(0)).endsWith(name);
            assertThat(shown.get(1)).matches(".*/api/attachments/[0-9a-f-]{36}");
            assertThat(shown.get(2)).endsWith(name + " (" + PNG.length + " bytes, image/png)");
            // the form is ready for the next reply: no file chosen any more
            assertThat(browser.script("return document.getElementById('compose-files').files.length;")).isEqualTo(0L);
            browser.screenshot("attachment-in-thread");
            assertThat(browser.seriousAccessibilityViolations()).as("the thread with a file").isEmpty();

            browser.click(By.xpath("//article[contains(@class,'comment')][.//div[@class='body' and text()='" + reply
                    + "']]//a[contains(@class,'attachment-link')]"));
            Path saved = downloads.resolve(name);
            browser.waitFor(d -> Files.exists(saved) && size(saved) == PNG.length);
            assertThat(Files.readAllBytes(saved)).isEqualTo(PNG);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
