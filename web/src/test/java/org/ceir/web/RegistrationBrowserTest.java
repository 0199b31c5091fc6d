package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.web.RegistrationFixture.GALAXY;
import static org.ceir.web.RegistrationFixture.IPHONE;
import static org.ceir.web.RegistrationFixture.IPHONE_SECOND_TAC;
import static org.ceir.web.RegistrationFixture.count;
import static org.ceir.web.RegistrationFixture.imei;
import static org.ceir.web.RegistrationFixture.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.core.country.Country;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A citizen computes the duty of an imported phone and applies for its registration; a clerk at a
 * post office takes the duty and confirms it; the phone is registered for the networks. Then the
 * owner reports it stolen online, and the clerk lifts the block when it is found. In a real headless
 * Chromium, every page checked with axe-core, screenshots in {@code target/screenshots} (2x-…).
 *
 * <p>Checks are answered by the real engine, started over the test database and following its
 * change log, and asked as a network asks ({@code /api/v1/check}): the phone is GREYLISTED until the
 * duty is paid, WHITELISTED once it is, BLACKLISTED while reported stolen and WHITELISTED again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationBrowserTest {
    private static final String FIN = "5AYS123";

    private static TestServer web;
    private static Chromium browser;
    private static String reference;

    /** A SIM of Azercell's, the network asking. */
    private static final String IMSI = "400011234567890";
    /** How long a change may take to reach the engine's checks here; the engine polls every 250 ms. */
    private static final Duration CHANGE_REACHES_CHECKS = Duration.ofSeconds(20);

    @BeforeAll
    static void start() {
        browser = Chromium.start();
        web = new TestServer(WebSettings.defaults(), (database, meters) -> {
            RegistrationFixture.seed(database);
            return CheckEngine.start(database, EirSettings.defaults(), Country.azerbaijan(), meters, line -> { });
        });
        web.user("clerk", Role.CLERK);
        web.user("network", Role.OPERATOR);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    @Order(0)
    void network_greylistsThePhoneBroughtFromAbroad() {
        JsonNode verdict = networkCheck(imei(IPHONE, 1));

        assertThat(verdict.get("status").asText()).as(verdict.toString()).isEqualTo("GREYLISTED");
        assertThat(verdict.get("reason").asText()).isNotEqualTo("REGISTERED");
    }

    @Test
    @Order(1)
    void citizen_computesTheDutyOfTheModel() {
        browser.open(web.base + "/?lang=en");
        browser.clickAndWait(By.cssSelector("a[href='/duty']"));
        browser.type(By.id("model"), "Apple iPhone 13");
        browser.clickAndWait(By.id("duty-button"));

        assertThat(browser.text(By.id("quote"))).contains("Duty to pay: 70.00 AZN", "$850.00 in the price catalogue",
                "over $700.00 up to $1,000.00");
        browser.accessible("duty");
        browser.screenshot("21-duty-calculator");
    }

    @Test
    @Order(2)
    void citizen_appliesAndGetsTheAmountToPay() {
        browser.clickAndWait(By.cssSelector("#quote a[href='/register']"));
        browser.accessible("register form");
        browser.type(By.id("ownerId"), FIN);
        browser.type(By.id("ownerName"), "Aysel Məmmədova");
        browser.type(By.id("contact"), "050 123 45 67");
        browser.type(By.id("imei-0"), imei(IPHONE, 1));
        String second = imei(IPHONE_SECOND_TAC, 1);
        browser.type(By.id("imei-1"), second.substring(0, 14) + (char) ('0' + (second.charAt(14) - '0' + 1) % 10));
        browser.type(By.id("price"), "700");
        browser.clickAndWait(By.id("apply-button"));

        assertThat(browser.text(By.id("apply-error"))).contains("IMEI 2: The last digit is the check digit");
        assertThat(browser.text(By.id("imei-1-error"))).contains("should be", "Did you mean " + imei(IPHONE_SECOND_TAC, 1));
        browser.accessible("register form with mistakes");
        browser.screenshot("22-register-mistake");

        browser.type(By.id("imei-1"), imei(IPHONE_SECOND_TAC, 1));
        browser.clickAndWait(By.id("apply-button"));

        String applied = browser.text(By.id("applied"));
        reference = browser.text(By.id("reference"));
        assertThat(applied).contains("Pay 70.00 AZN with the reference " + reference);
        assertThat(browser.text(By.tagName("main"))).doesNotContain(FIN);
        browser.accessible("applied");
        browser.screenshot("23-register-applied");
        assertThat(count(web, "change_log WHERE change = 'REGISTERED' AND imei = ?", key(IPHONE, 1)))
                .as("not registered for the networks before the duty is paid").isZero();
        assertThat(networkCheck(imei(IPHONE, 1)).get("status").asText()).isEqualTo("GREYLISTED");
    }

    @Test
    @Order(3)
    void citizen_followsTheRegistrationInAzerbaijani() {
        browser.clickAndWait(By.cssSelector("a[href^='/registration?ref=']"));
        browser.clickAndWait(By.cssSelector("a[hreflang=az]"));

        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("az");
        assertThat(browser.text(By.id("answer"))).contains(reference + ": Ödəniş gözlənilir", "70.00 AZN");
        browser.accessible("status az");
        browser.screenshot("24-status-pending-az");
    }

    @Test
    @Order(4)
    void clerk_confirmsThePaymentTaken() {
        browser.open(web.base + "/login?lang=en");
        browser.signIn("clerk", TestServer.PASSWORD);
        browser.clickAndWait(By.cssSelector(".console-nav a[href='/console/registrations']"));
        browser.accessible("registrations list");
        browser.screenshot("25-console-registrations");
        browser.type(By.id("q"), reference);
        browser.clickAndWait(By.id("search-button"));

        assertThat(browser.text(By.id("registration-status"))).isEqualTo("Waiting for payment");
        browser.accessible("registration page");
        browser.type(By.id("receipt"), "AZP-2026-0001");
        browser.clickAndWait(By.id("confirm-payment"));

        assertThat(browser.text(By.id("registration-done"))).contains("The payment is recorded");
        assertThat(browser.text(By.id("registration-status"))).isEqualTo("Registered");
        assertThat(browser.text(By.id("history"))).contains("Payment received", "Activated", "clerk");
        browser.accessible("registration paid");
        browser.screenshot("26-console-registration-paid");
        assertThat(count(web, "change_log WHERE change = 'REGISTERED' AND imei IN (?, ?)", key(IPHONE, 1),
                key(IPHONE_SECOND_TAC, 1))).as("both IMEIs registered for the networks").isEqualTo(2);
        for (String imei : new String[] {imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1)}) {
            JsonNode verdict = networkCheckOnce(imei, "WHITELISTED");
            assertThat(verdict.get("reason").asText()).isEqualTo("REGISTERED");
        }
    }

    @Test
    @Order(5)
    void clerk_uploadsAnImportersBatchAndReadsItsReport() throws IOException {
        browser.clickAndWait(By.cssSelector(".console-nav a[href='/console/registrations']"));
        browser.clickAndWait(By.id("new-registration"));
        browser.accessible("clerk's registration form");
        browser.clickAndWait(By.cssSelector(".console-nav a[href='/console/registrations']"));
        browser.clickAndWait(By.id("import-batch"));
        browser.accessible("importer upload");
        Path file = Files.createTempFile("stock", ".csv");
        try {
            Files.writeString(file, "imei,model,price\n" + imei(GALAXY, 10) + ",Galaxy A05s,120\n"
                    + imei(IPHONE, 1) + ",iPhone 13,800\n" + imei(GALAXY, 11).substring(0, 13) + ",Galaxy A05s,120\n");
            browser.type(By.id("importer"), "Baku Phones LLC");
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.clickAndWait(By.id("import-button"));
        } finally {
            Files.delete(file);
        }

        assertThat(browser.text(By.id("import-error"))).contains("2 row(s) refused");
        assertThat(browser.text(By.id("import-report"))).contains("Already registered", "Not a valid IMEI");
        browser.accessible("importer report");
        browser.screenshot("27-console-import-report");
        browser.clickAndWait(By.cssSelector(".console-nav a[href='/console/stolen']"));
        browser.accessible("stolen list");
        browser.clickAndWait(By.cssSelector(".signout button"));
    }

    @Test
    @Order(6)
    void owner_reportsThePhoneStolenOnline() {
        browser.open(web.base + "/stolen?lang=ru");
        browser.accessible("stolen form ru");
        browser.type(By.id("phone"), imei(IPHONE_SECOND_TAC, 1));
        browser.type(By.id("ownerId"), FIN);
        browser.type(By.id("police"), "POL-2026-0042");
        browser.clickAndWait(By.id("stolen-button"));

        assertThat(browser.text(By.id("reported"))).contains(imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1));
        browser.accessible("stolen reported ru");
        browser.screenshot("28-stolen-reported-ru");
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND imei IN (?, ?)", key(IPHONE, 1),
                key(IPHONE_SECOND_TAC, 1))).isEqualTo(2);
        assertThat(networkCheckOnce(imei(IPHONE, 1), "BLACKLISTED").get("reason").asText()).isEqualTo("STOLEN");
    }

    @Test
    @Order(7)
    void clerk_liftsTheBlockWhenThePhoneIsBack() {
        String report = browser.find(By.id("reported")).getAttribute("data-report");
        browser.open(web.base + "/login?lang=en");
        browser.signIn("clerk", TestServer.PASSWORD);
        browser.open(web.base + "/console/stolen/" + report);
        browser.find(By.id("seen")).click();
        browser.type(By.id("note"), "ID card and the phone seen at the counter");
        browser.clickAndWait(By.id("recover-button"));

        assertThat(browser.text(By.id("report-state"))).isEqualTo("recovered");
        browser.accessible("stolen report recovered");
        browser.screenshot("29-console-stolen-recovered");
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND imei IN (?, ?)", key(IPHONE, 1),
                key(IPHONE_SECOND_TAC, 1))).isZero();
        assertThat(networkCheckOnce(imei(IPHONE, 1), "WHITELISTED").get("reason").asText()).isEqualTo("REGISTERED");
        browser.clickAndWait(By.cssSelector(".signout button"));
    }

    @Test
    @Order(8)
    void publicForms_fitAPhoneScreen() {
        for (String page : new String[] {"/duty?model=Apple+iPhone+13", "/registration?ref=" + reference, "/stolen"}) {
            assertThat(browser.overflowOnAPhone(web.base + page, null)).as("horizontal scrolling of " + page + " at 390 px")
                    .isLessThanOrEqualTo(0L);
        }
        assertThat(browser.overflowOnAPhone(web.base + "/register?lang=az", "30-register-phone-az"))
                .as("horizontal scrolling of the registration form at 390 px").isLessThanOrEqualTo(0L);
    }

    /** What the engine answers the network for this phone with Azercell's SIM in it. */
    private static JsonNode networkCheck(String imei) {
        HttpResponse<String> response = web.get("/api/v1/check?imei=" + imei + "&imsi=" + IMSI, "Authorization",
                TestServer.basic("network", TestServer.PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine's answer once it is {@code status}: a change reaches the checks through the change log. */
    private static JsonNode networkCheckOnce(String imei, String status) {
        long deadline = System.nanoTime() + CHANGE_REACHES_CHECKS.toNanos();
        JsonNode verdict = networkCheck(imei);
        while (!verdict.get("status").asText().equals(status) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            verdict = networkCheck(imei);
        }
        assertThat(verdict.get("status").asText()).as("%s: %s", imei, verdict).isEqualTo(status);
        return verdict;
    }
}
