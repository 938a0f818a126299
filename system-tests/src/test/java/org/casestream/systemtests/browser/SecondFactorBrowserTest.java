package org.casestream.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;
import org.casestream.systemtests.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A lead who set up a second factor logs in with the code their authenticator app shows. */
@ExtendWith(PlatformExtension.class)
class SecondFactorBrowserTest {

    private static final TimeBasedOneTimePasswordGenerator APP = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));

    private static String code(String secret, int steps) throws Exception {
        return APP.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), APP.getAlgorithm()),
                Instant.now().plusSeconds(30L * steps));
    }

    @Test
    void aLeadWithASecondFactorLogsInWithTheCodeTheirAppShows(Platform platform) throws Exception {
        BrowserFixtures fixtures = new BrowserFixtures(platform);
        BrowserFixtures.Login lead = fixtures.person("totp-lead", List.of("lead"));
        GatewayClient.Bearer token = fixtures.token(lead);
        String secret = platform.gateway().post("/api/auth/second-factor/enrolment", token, null).expect(200).json()
                .path("secret").asText();
        platform.gateway().post("/api/auth/second-factor/confirmation", token, Map.of("code", code(secret, 0)))
                .expect(204);

        try (Browser browser = fixtures.browser()) {
            browser.open("/login");
            browser.visible(By.name("username")).sendKeys(lead.username());
            browser.driver().findElement(By.name("password")).sendKeys(lead.password() + "\n");

            WebElement code = browser.visible(By.name("totp"));
            assertThat(browser.driver().findElement(By.cssSelector(".form-message")).getText())
                    .contains("authenticator app");
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(code);
            code.sendKeys(code(secret, 1), Keys.ENTER);

            browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
            browser.visible(By.id("app-header"));
            browser.screenshot("second-factor-logged-in");
        }
    }
}
