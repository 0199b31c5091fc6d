package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * An appeal in a real headless Chromium, as {@link BrowserTest} runs it: a post-office clerk files
 * one for a cloned IMEI with a photo of a document, an analyst approves it as a number change from
 * the decision page (the old SIM unpaired), and the citizen finds the decision by tracking number.
 * Every page is checked with axe-core (WCAG 2.1 A and AA) and saved in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppealBrowserTest {
    private static TestServer web;
    private static Chromium chromium;
    private static WebDriver browser;
    private static String tracking;

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver;
        browser.manage().window().setSize(new Dimension(1280, 1400)); // the pages' forms whole in each screenshot
        web = new TestServer(WebSettings.defaults().withChecksPerMinute(1000));
        web.user("clerk", Role.CLERK);
        web.user("analyst", Role.ANALYST);
        AppealPagesTest.seedClone(web);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    @Order(1)
    void publicPages_inAzerbaijaniAreAccessible() {
        browser.get(web.base + "/appeal?lang=az");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Müraciət: telefonum işləmir");
        chromium.accessible("appeal-online");
        chromium.screenshot("20-appeal-online-az");
        browser.get(web.base + "/appeal/status");
        chromium.accessible("appeal-status-empty");
    }

    @Test
    @Order(2)
    void clerk_filesAnAppealWithADocument() throws IOException {
        Path photo = Files.write(Files.createTempFile("id-card", ".jpg"), AppealPagesTest.jpeg());
        browser.get(web.base + "/login?lang=en");
        chromium.signIn("clerk", TestServer.PASSWORD);
        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/appeals/new']"));
        chromium.accessible("appeal-new");
        browser.findElement(By.cssSelector("input[name=kind][value=NUMBER_CHANGE]")).click();
        browser.findElement(By.id("imei")).sendKeys(AppealPagesTest.CLONED);
        browser.findElement(By.id("fin")).sendKeys("5ABC12K");
        browser.findElement(By.id("msisdn")).sendKeys("055 222 22 22");
        browser.findElement(By.id("statement")).sendKeys("I changed my number in April; the phone stopped working.");
        browser.findElement(By.id("attachment")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("contact")).sendKeys("055 222 22 22");
        chromium.screenshot("21-appeal-new-filled");
        chromium.clickAndWait(By.id("file-button"));

        tracking = browser.findElement(By.id("tracking")).getText();
        assertThat(tracking).matches("A-[0-9A-Z]{9}");
        assertThat(browser.findElement(By.id("appeal-filed")).getText()).contains(tracking);
        chromium.accessible("appeal-filed");
        chromium.screenshot("22-appeal-filed");
        chromium.clickAndWait(By.cssSelector(".signout button"));
        Files.deleteIfExists(photo);
    }

    @Test
    @Order(3)
    void analyst_approvesTheNumberChangeFromTheEvidence() {
        browser.get(web.base + "/login?lang=en");
        chromium.signIn("analyst", TestServer.PASSWORD);
        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/appeals']"));
        chromium.accessible("appeals-queue");
        chromium.screenshot("23-appeals-queue");
        chromium.clickAndWait(By.linkText(tracking));

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("*****2K", "GRANDFATHERED", "id-card");
        chromium.accessible("appeal-page");
        chromium.screenshot("24-appeal-evidence");
        browser.findElement(By.id("action-approve")).click();
        browser.findElement(By.id("reason")).sendKeys("The new SIM took over from the old one: a number change.");
        browser.findElement(By.cssSelector("input[name=unpair][value='400011111111111']")).click();
        chromium.clickAndWait(By.id("decide-button"));

        assertThat(browser.findElement(By.id("appeal-status")).getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(browser.findElement(By.id("appeal-done")).getText()).contains("Approved");
        assertThat(browser.findElement(By.id("pairings")).getText()).contains("NUMBER_CHANGE", "+994552222222");
        chromium.accessible("appeal-approved");
        chromium.screenshot("25-appeal-approved");

        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/appeals/overdue']"));
        chromium.accessible("overdue");
        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/appeals/report']"));
        assertThat(browser.findElement(By.id("appeal-report")).getText()).contains("Number change 1");
        chromium.accessible("appeal-report");
        chromium.screenshot("26-appeal-report");

        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/dashboard']"));
        assertThat(browser.findElement(By.id("dashboard-figures")).getText()).contains("Number change 1");
        for (String chart : List.of("chart-clones", "chart-refused", "chart-appeals", "chart-registrations")) {
            waitForSvg(chart);
        }
        assertThat(browser.findElement(By.id("chart-appeals")).getAttribute("aria-label")).contains("table below");
        chromium.accessible("dashboard");
        chromium.screenshot("26b-dashboard");
        for (String language : List.of("az", "ru")) {
            browser.get(web.base + "/console/dashboard?lang=" + language);
            waitForSvg("chart-appeals");
            chromium.accessible("dashboard-" + language);
        }
        browser.get(web.base + "/console/dashboard?lang=en");
        chromium.clickAndWait(By.cssSelector(".signout button"));
    }

    @Test
    @Order(4)
    void citizen_findsTheDecisionByTrackingNumber() {
        browser.get(web.base + "/appeal/status?lang=ru");
        browser.findElement(By.id("tracking")).sendKeys(tracking.toLowerCase(java.util.Locale.ROOT));
        chromium.clickAndWait(By.id("status-button"));

        assertThat(browser.findElement(By.id("answer")).getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Удовлетворено", "a number change");
        chromium.accessible("appeal-status");
        chromium.screenshot("27-appeal-status-ru");
    }

    @Test
    @Order(5)
    void publicPages_fitAPhoneScreen() {
        String form = "/appeal?lang=az";
        String status = "/appeal/status?lang=ru&tracking=" + tracking;
        assertThat(chromium.overflowOnAPhone(web.base + form, null)).as(form + " on a 390 px wide screen")
                .isLessThanOrEqualTo(0L);
        assertThat(chromium.overflowOnAPhone(web.base + status, "28-appeal-status-phone"))
                .as(status + " on a 390 px wide screen").isLessThanOrEqualTo(0L);
    }

    /** Waits until ECharts has drawn into the element (it draws after the page loads). */
    private static void waitForSvg(String id) {
        long until = System.currentTimeMillis() + 10_000;
        while (browser.findElements(By.cssSelector("#" + id + " svg")).isEmpty() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(browser.findElements(By.cssSelector("#" + id + " svg"))).as(id + " drawn").isNotEmpty();
    }
}
