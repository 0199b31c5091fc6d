package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * End to end in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): what a citizen and a member of staff see, checked for accessibility with axe-core
 * (WCAG 2.1 A and AA rules) and saved as screenshots in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final int CHECKS_PER_MINUTE = 12;
    private static final long GRACE = 86000000000001L;

    private static TestServer web;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver;
        web = new TestServer(WebSettings.defaults().withChecksPerMinute(CHECKS_PER_MINUTE));
        web.check.state(FakeCheck.registered(WebServerTest.REGISTERED))
                .state(FakeCheck.clone(WebServerTest.CLONE))
                .state(FakeCheck.unregistered(GRACE, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
        web.user("analyst", Role.ANALYST);
        web.user("admin", Role.ADMIN);
        web.user("victim", Role.CLERK);
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
    void check_inAzerbaijaniByDefault() {
        browser.get(web.base + "/");
        check("352099001761481");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("az");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Qeydiyyatdadır", "352099001761481");
        chromium.accessible("check-az");
        chromium.screenshot("01-check-az-registered");
    }

    @Test
    @Order(2)
    void check_inEnglishAfterSwitching() {
        chromium.clickAndWait(By.cssSelector("a[hreflang=en]"));
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Registered");
        check(org.ceir.core.identity.Imei.ofKey(GRACE).toString());

        assertThat(browser.findElement(By.id("answer")).getText()).contains("Not registered: 19 days left", "31 May 2026");
        chromium.accessible("check-en");
        chromium.screenshot("02-check-en-grace");
    }

    @Test
    @Order(3)
    void check_inRussianAfterSwitching() {
        chromium.clickAndWait(By.cssSelector("a[hreflang=ru]"));
        check("490154203237518");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Статус клона", "почтовом отделении");
        chromium.accessible("check-ru");
        chromium.screenshot("03-check-ru-clone");
    }

    @Test
    @Order(4)
    void check_wrongCheckDigitSuggestsTheRightOne() {
        browser.get(web.base + "/?lang=en");
        check("352099001761482");

        String error = browser.findElement(By.id("imei-error")).getText();
        assertThat(error).contains("should be 1, not 2");
        chromium.accessible("check-digit");
        chromium.screenshot("04-check-wrong-digit");
        chromium.clickAndWait(By.id("suggestion"));
        assertThat(browser.findElement(By.id("answer")).getAttribute("data-status")).isEqualTo("REGISTERED");
    }

    @Test
    @Order(5)
    void check_fitsAPhoneScreen() {
        assertThat(chromium.overflowOnAPhone(web.base + "/?lang=az", "05-check-phone"))
                .as("horizontal scrolling on a 390 px wide screen").isLessThanOrEqualTo(0L);
    }

    @Test
    @Order(6)
    void login_asAnalystShowsTheAnalystsHome() {
        browser.get(web.base + "/login?lang=en");
        chromium.accessible("login");
        chromium.signIn("analyst", TestServer.PASSWORD);

        assertThat(browser.getCurrentUrl()).endsWith("/console");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Welcome, Test analyst", "Analyst");
        assertThat(browser.findElements(By.cssSelector("a[href='/console/users']"))).isEmpty();
        chromium.accessible("console-analyst");
        chromium.screenshot("06-console-analyst");

        chromium.clickAndWait(By.cssSelector(".console-nav a[href='/console/imei']"));
        browser.findElement(By.id("imei")).sendKeys("490154203237518");
        chromium.clickAndWait(By.cssSelector("main form button"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Clone status", "SIMs paired");
        chromium.accessible("lookup");
        chromium.screenshot("07-console-imei-lookup");
        chromium.clickAndWait(By.cssSelector(".signout button"));
    }

    @Test
    @Order(7)
    void userAdmin_pageIsAccessible() {
        browser.get(web.base + "/login?lang=en");
        chromium.signIn("admin", TestServer.PASSWORD);
        browser.get(web.base + "/console/users");

        assertThat(browser.findElement(By.tagName("table")).getText()).contains("analyst", "victim");
        chromium.accessible("users");
        chromium.screenshot("08-console-users");
        chromium.clickAndWait(By.cssSelector(".signout button"));
    }

    @Test
    @Order(8)
    void login_locksOutAfterRepeatedWrongPasswords() {
        browser.get(web.base + "/login?lang=en");
        for (int i = 0; i < WebSettings.defaults().maxFailedLogins(); i++) {
            chromium.signIn("victim", "not the password " + i);
        }
        chromium.signIn("victim", TestServer.PASSWORD);

        assertThat(browser.findElement(By.id("login-error")).getText()).contains("locked");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        chromium.screenshot("09-login-locked");
    }

    @Test
    @Order(9)
    void check_tooManyShowsAFriendlyPage() {
        browser.get(web.base + "/?lang=en");
        String heading = "";
        for (int i = 0; i <= CHECKS_PER_MINUTE && !heading.equals("Too many requests"); i++) {
            browser.get(web.base + "/?imei=352099001761481");
            heading = browser.findElement(By.tagName("h1")).getText();
        }

        assertThat(heading).isEqualTo("Too many requests");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Please wait");
        chromium.accessible("rate-limited");
        chromium.screenshot("10-check-429");
    }

    private static void check(String imei) {
        var input = browser.findElement(By.id("imei"));
        input.clear();
        input.sendKeys(imei);
        chromium.clickAndWait(By.id("check-button"));
    }
}
