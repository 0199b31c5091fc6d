package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests (Debian's chromium and chromium-driver, which .ci/run
 * installs), with what every such test does: wait for the next page, check a page with axe-core
 * (WCAG 2.1 A and AA) and save a screenshot in {@code target/screenshots}. Outside CI a machine
 * without Chromium skips the test; in CI it must be there.
 */
final class Chromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** A phone's screen, as the tests of small screens size the window. */
    static final Dimension PHONE = new Dimension(390, 844);

    final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, or skips the test where it is not installed and this is not CI. */
    static Chromium start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        }
        assertThat(installed).as("chromium and chromium-driver must be installed in CI").isTrue();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path profile = Files.createTempDirectory("ceir-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            // Without these, Chromium stalls on this closed network (component updates, sync, first run).
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Clears a field and types into it. */
    void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Signs in through the login form on the current page and waits for the page that answers. */
    void signIn(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        clickAndWait(By.id("login-button"));
    }

    /** Clicks and waits until the next page replaced this one, so no answer of the old page is read. */
    void clickAndWait(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(replaced(page));
    }

    /**
     * Whether {@code page}'s element has left the document. Selenium's {@code stalenessOf} misses one
     * way Chrome says so: asked while the old page is being torn down, it answers "Node with given id
     * does not belong to the document" rather than a stale element.
     */
    static ExpectedCondition<Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** No WCAG 2.1 A or AA violation that axe-core finds on the current page. */
    void accessible(String what) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(what + ": " + violations.stream()
                .map(rule -> rule.getId() + " " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }

    /**
     * How far a page scrolls sideways on a phone's screen (390 × 844); 0 or less fits. The window
     * gets its size back afterwards.
     *
     * @param screenshot the name to save the phone-sized page under, or null
     */
    long overflowOnAPhone(String url, String screenshot) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(PHONE);
        try {
            driver.get(url);
            if (screenshot != null) {
                screenshot(screenshot);
            }
            return overflow();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** How far the current page scrolls sideways in the window as it is; 0 or less fits. */
    long overflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    }

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is the operating system's to clean
        }
    }
}
