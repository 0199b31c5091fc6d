package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console in a real headless Chromium, as {@link BrowserTest} runs it, on a month of
 * network data that went through the importer and a detection run: an analyst confirms the clone
 * case it opened and reads the IMEI's SIM timeline; an administrator uploads an operator file and
 * watches its import to the end, then reads the audit log (and verifies its chain) and the
 * settings. Every page is checked with axe-core (WCAG 2.1 A and AA) and saved in
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static TestServer web;
    private static Chromium chromium;
    private static WebDriver browser;
    private static Path data;
    private static long ring;

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver;
        browser.manage().window().setSize(new Dimension(1280, 1400)); // the pages' forms whole in each screenshot
        web = new TestServer(WebSettings.defaults().withChecksPerMinute(1000));
        data = Files.createTempDirectory("ceir-console-data");
        ConsoleData.importAndDetect(web, data);
        ring = ConsoleData.ringCase(web);
        web.user("analyst", Role.ANALYST);
        web.user("admin", Role.ADMIN);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
        if (data != null) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void analyst_confirmsTheCloneCaseFromTheQueue() {
        browser.get(web.base + "/login?lang=en");
        chromium.signIn("analyst", TestServer.PASSWORD);
        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/cases']"));

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 open cases", ConsoleData.RING_IMEI);
        chromium.accessible("cases");
        chromium.screenshot("30-console-cases-queue");
        chromium.clickAndWait(By.cssSelector("a[href='/console/cases/" + ring + "']"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Open");
        chromium.accessible("case-open");
        chromium.screenshot("31-console-case-evidence");

        browser.findElement(By.id("reason-confirm")).sendKeys("Four phones carry this IMEI every day of April at once.");
        chromium.clickAndWait(By.id("confirm-button"));

        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Confirmed");
        assertThat(browser.findElement(By.id("case-done")).getText()).contains("Confirmed: the IMEI has clone status");
        assertThat(browser.findElement(By.id("case-reason")).getText())
                .isEqualTo("Four phones carry this IMEI every day of April at once.");
        assertThat(browser.findElements(By.id("lift-form"))).hasSize(1);
        chromium.accessible("case-confirmed");
        chromium.screenshot("32-console-case-confirmed");
    }

    @Test
    @Order(2)
    void analyst_seesTheImeiTimeline() {
        chromium.clickAndWait(By.id("case-imei"));

        assertThat(browser.getCurrentUrl()).contains("/console/imei/" + ConsoleData.RING_IMEI);
        var chart = browser.findElement(By.cssSelector("#imei-timeline svg.timeline-chart"));
        assertThat(chart.findElements(By.cssSelector("g.sim"))).as("one row per SIM").hasSize(4);
        assertThat(chart.findElements(By.cssSelector("rect.crowded"))).as("the days with too many SIMs").isNotEmpty();
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.id("imei-cases")).getText()).contains("Confirmed");
        browser.findElement(By.id("timeline-title"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('timeline-title').scrollIntoView();");
        chromium.accessible("imei-page");
        chromium.screenshot("33-console-imei-timeline");

        browser.manage().window().setSize(Chromium.PHONE);
        try {
            browser.navigate().refresh();
            assertThat(chromium.overflow()).as("horizontal scrolling of the IMEI page on a 390 px wide screen")
                    .isLessThanOrEqualTo(0L);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('timeline-title').scrollIntoView();");
            chromium.screenshot("34-console-imei-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
        chromium.clickAndWait(By.cssSelector(".signout button"));
    }

    @Test
    @Order(3)
    void admin_watchesAnImportToTheEnd() {
        Path file = ConsoleData.april(data, 3000);
        browser.get(web.base + "/login?lang=en");
        chromium.signIn("admin", TestServer.PASSWORD);
        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/imports']"));
        chromium.accessible("imports");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("OPERATOR");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("no-checks")).click();
        chromium.screenshot("35-console-import-chosen");
        chromium.clickAndWait(By.id("upload-button"));

        assertThat(browser.getCurrentUrl()).contains("/console/imports/runs/");
        chromium.screenshot("36-console-import-progress");
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.attributeToBe(
                By.id("import-live"), "data-done", "SUCCEEDED"));
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("import-state")).getText()).isEqualTo("Imported");
        assertThat(browser.findElement(By.id("import-rows")).getText()).isEqualTo("90,120");
        chromium.accessible("import-done");
        chromium.screenshot("37-console-import-done");

        chromium.clickAndWait(By.id("import-report"));
        assertThat(browser.findElement(By.id("report-outcome")).getText()).contains("Imported");
        chromium.accessible("import-report");
        chromium.screenshot("38-console-import-report");
    }

    @Test
    @Order(4)
    void admin_verifiesTheAuditChainAndReadsTheSettings() {
        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/audit']"));
        chromium.clickAndWait(By.id("verify-button"));

        assertThat(browser.findElement(By.id("verify-result")).getAttribute("data-intact")).isEqualTo("true");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("CASE_CONFIRMED", "AUDIT_VERIFIED");
        chromium.accessible("audit");
        chromium.screenshot("39-console-audit-verified");

        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/settings']"));
        assertThat(browser.findElement(By.id("effective")).getText()).contains("detect.window-days");
        chromium.accessible("settings");
        chromium.screenshot("40-console-settings");
        chromium.clickAndWait(By.cssSelector(".signout button"));
    }
}
