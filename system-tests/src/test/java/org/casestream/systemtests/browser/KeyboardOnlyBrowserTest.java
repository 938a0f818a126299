package org.casestream.systemtests.browser;

import java.util.List;

import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow with the keyboard alone (no element is clicked or targeted: keys go to whatever has the focus):
 * log in, the shortcut help, go to the cases, search, open a case, add an internal note and a reply, move it to
 * done; the focus is always visible.
 */
@ExtendWith(PlatformExtension.class)
class KeyboardOnlyBrowserTest {

    @Test
    void anAgentWorksACaseWithTheKeyboardAlone(Platform platform) {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login agent = fixtures.person("keyboard-agent", List.of("agent"));
        String word = "Wombat" + platform.runId();
        BrowserFixtures.OpenedCase opened = fixtures.openCase(agent, word + " keyboard only", "medium");
        fixtures.searchable(agent, word);

        try (Browser browser = fixtures.browser()) {
            browser.open("/login");
            browser.visible(By.name("username"));
            browser.waitFor(d -> "username".equals(browser.focusedProperty("name")));
            browser.press(agent.username(), Keys.TAB, agent.password(), Keys.ENTER);
            browser.ready("/");

            // the help overlay opens with ? and closes with Escape
            browser.press("?");
            browser.waitFor(d -> (Boolean) browser.script("return document.getElementById('help').open;"));
            browser.screenshot("keyboard-1-help");
            browser.press(Keys.ESCAPE);
            browser.waitFor(d -> !(Boolean) browser.script("return document.getElementById('help').open;"));

            browser.press("g", "c");
            browser.ready("/cases");
            browser.press("/");
            browser.waitFor(d -> "case-search".equals(browser.focusedProperty("id")));
            browser.press(word, Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().contains("q=" + word) && CaseListBrowserTest.rows(browser) == 1);
            // the keyboard stays in the search field while the results come in
            assertThat(browser.focusedProperty("id")).isEqualTo("case-search");

            // Escape leaves the search field, j focuses the first case; the focus ring shows where the keyboard is
            browser.press(Keys.ESCAPE);
            browser.waitFor(d -> "BODY".equals(browser.script("return document.activeElement.tagName;")));
            browser.press("j");
            browser.waitFor(d -> browser.focusedProperty("text").equals(opened.caseNumber()));
            assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;")).isNotEqualTo("none");
            browser.press(Keys.ENTER);
            browser.ready("/cases/" + opened.caseId());
            browser.screenshot("keyboard-2-case");

            String note = "Keyboard note " + platform.runId();
            browser.press("n");
            browser.waitFor(d -> "compose-body".equals(browser.focusedProperty("id")));
            browser.press(note);
            assertThat(browser.tabTo("#compose-submit", 3)).isTrue();
            browser.press(Keys.ENTER);
            browser.visible(By.xpath("//article[contains(@class,'comment') and contains(@class,'internal')][.//div[@class='body' and text()='" + note + "']]"));

            String reply = "Keyboard reply " + platform.runId();
            browser.waitFor(d -> !"compose-body".equals(browser.focusedProperty("id")));
            browser.press("r");
            browser.waitFor(d -> "compose-body".equals(browser.focusedProperty("id")));
            browser.press(reply);
            assertThat(browser.tabTo("#compose-submit", 3)).isTrue();
            browser.press(Keys.ENTER);
            browser.visible(By.xpath("//article[contains(@class,'comment') and not(contains(@class,'internal'))][.//div[@class='body' and text()='" + reply + "']]"));

            // the status control comes after the conversation in the tab order
            for (String label : List.of("In progress", "Done")) {
                assertThat(browser.tabTo("#status-apply", 80)).as("Tab reaches the status button").isTrue();
                assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;")).isNotEqualTo("none");
                browser.press(Keys.ENTER);
                browser.waitFor(d -> d.findElement(By.cssSelector("dd[data-field='status']")).getText().equals(label));
            }
            browser.screenshot("keyboard-3-done");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
