package org.casestream.systemtests.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session (Debian's chromium and chromium-driver, never a downloaded browser) on the
 * dashboard the gateway serves: a fresh profile each, so two of them are two independent people. Screenshots go
 * to {@code target/screenshots}; the browser console is read to find errors.
 */
final class Browser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** axe-core's script, from its WebJar on the test classpath (the version its pom.properties names). */
    private static final String AXE_SOURCE = axeSource();
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final URI base;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final List<String> consoleErrors = new ArrayList<>();
    private final int phoneWidth;

    Browser(URI base, Path work, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver "
                    + "(./casestream test installs them; or apt-get install chromium chromium-driver)");
        }
        this.base = base;
        this.screenshots = work.resolve("screenshots");
        try {
            Files.createDirectories(screenshots);
            Files.createDirectories(work.resolve("browser-profiles"));
            this.profile = Files.createTempDirectory(work.resolve("browser-profiles"), "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-extensions", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (width < 500) {
            // a window is never narrower than 500 px: a phone's width is emulated instead
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        this.phoneWidth = width < 500 ? width : 0;
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads a page of the dashboard (a full load: the token survives in this tab's session storage). */
    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Logs in on the login page and waits for the dashboard (or wherever the login page was sent on to). */
    void logIn(String username, String password) {
        open("/login");
        WebElement user = waitFor(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.name("password"));
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("app-header")));
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Lets the page's downloads through, saved in {@code directory} (headless Chromium refuses them otherwise),
     * under the names the page gives them.
     */
    void downloadTo(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", directory.toAbsolutePath().toString()));
    }

    /** Switches the theme as the toggle does, remembered for the next page loads. */
    void theme(String theme) {
        script("localStorage.setItem('casestream.theme', arguments[0]);"
                + "document.documentElement.dataset.theme = arguments[0];"
                + "window.dispatchEvent(new CustomEvent('casestream:theme'));", theme);
    }

    <T> T waitFor(Function<? super WebDriver, T> condition) {
        // live updates redraw parts of a page: an element found a moment ago may be replaced (stale), or be
        // caught between being taken out and put back (not interactable), so look again
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .withMessage(this::whereAmI).until(condition);
    }

    /** Where the browser is and what has the focus: for failure messages. */
    String whereAmI() {
        try {
            return "at " + driver.getCurrentUrl() + ", focus on " + script(
                    "const e = document.activeElement; return (e ? e.outerHTML.slice(0, 200) : 'nothing')"
                    + " + ' | page ready: ' + (document.getElementById('main') || {dataset: {}}).dataset.ready"
                    + " + ' | document has focus: ' + document.hasFocus()"
                    + " + ' | case links: ' + document.querySelectorAll('a.case-link').length;");
        } catch (RuntimeException e) {
            return "(the page could not say: " + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Waits until the page at {@code path} has its data in (the dashboard marks {@code main[data-ready]}); on
     * a timeout the failure says where the browser was and what it showed, and leaves a screenshot.
     */
    void ready(String path) {
        try {
            visible(By.cssSelector("main[data-ready='" + path + "']"));
        } catch (org.openqa.selenium.TimeoutException e) {
            String where = driver.getCurrentUrl();
            Object main = script("const m = document.getElementById('main'); return m ? m.dataset.ready + ' | ' + m.innerText.slice(0, 600) : 'no main';");
            screenshot("not-ready-" + path.replaceAll("[^a-zA-Z0-9]+", "_"));
            throw new AssertionError("The page " + path + " did not get ready; the browser is at " + where + " showing: "
                    + main + "; console: " + consoleErrors(), e);
        }
    }

    WebElement visible(By locator) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks what the locator finds, looking again if a live update replaced it in the meantime. */
    void click(By locator) {
        waitFor(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    WebElement clickable(By locator) {
        return waitFor(ExpectedConditions.elementToBeClickable(locator));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** An attribute (or, for "text", the text) of whatever has the focus, read in the page so it is never stale. */
    String focusedProperty(String name) {
        Object value = script("const e = document.activeElement; if (!e) return null;"
                + "return arguments[0] === 'text' ? e.textContent.trim() : e.getAttribute(arguments[0]);", name);
        return value == null ? null : value.toString();
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses keys on whatever has the focus (as a keyboard would: no element is targeted). */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Tab until the focused element matches, at most {@code limit} times; false if it never did. */
    boolean tabTo(String cssSelector, int limit) {
        for (int i = 0; i < limit; i++) {
            if ((Boolean) script("return document.activeElement && document.activeElement.matches(arguments[0]);", cssSelector)) {
                return true;
            }
            press(Keys.TAB);
        }
        return (Boolean) script("return document.activeElement && document.activeElement.matches(arguments[0]);", cssSelector);
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Number height = (Number) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Number width = (Number) script("return window.innerWidth;");
        if (phoneWidth > 0) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", phoneWidth,
                    "height", Math.min(Math.max(height.intValue(), 600), 6000), "deviceScaleFactor", 1, "mobile", true));
            try {
                Path file = screenshots.resolve(name + "-" + width.intValue() + ".png");
                Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", phoneWidth,
                        "height", 780, "deviceScaleFactor", 1, "mobile", true));
            }
        }
        var size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.min(Math.max(height.intValue() + 120, 600), 6000)));
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = screenshots.resolve(name + "-" + width.intValue() + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Errors the page wrote to the console since the last call (collected, then cleared by the driver). */
    List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return errors;
    }

    /**
     * Runs axe-core on the page (injected by the driver from the test classpath: the platform never serves it):
     * the violations of impact serious or critical, each as "rule: nodes".
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return !!window.axe;"))) {
            script(AXE_SOURCE + "\n;window.axe = window.axe || axe;");
        }
        Object result = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                    .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> violations = new ArrayList<>();
        for (Object item : (List<Object>) result) {
            Map<String, Object> violation = (Map<String, Object>) item;
            violations.add(violation.get("impact") + " " + violation.get("id") + " (" + violation.get("help") + "): "
                    + violation.get("nodes"));
        }
        return violations;
    }

    private static String axeSource() {
        try (InputStream pom = Browser.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            String path = "/META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = Browser.class.getResourceAsStream(path)) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not on the test classpath", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
