package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.web.RegistrationFixture.GALAXY;
import static org.ceir.web.RegistrationFixture.IPHONE;
import static org.ceir.web.RegistrationFixture.IPHONE_SECOND_TAC;
import static org.ceir.web.RegistrationFixture.NOKIA;
import static org.ceir.web.RegistrationFixture.UNKNOWN_TAC;
import static org.ceir.web.RegistrationFixture.count;
import static org.ceir.web.RegistrationFixture.imei;
import static org.ceir.web.RegistrationFixture.key;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.registration.StolenReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublicRegistrationPagesTest {
    private static TestServer web;

    @BeforeAll
    static void start() {
        web = RegistrationFixture.server();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** Applies through the public form as a browser would, with its CSRF token. */
    private static HttpResponse<String> apply(String fin, String contact, String model, String price, String... imeis) {
        TestServer.Browser browser = web.browser();
        List<String> form = new ArrayList<>(List.of("_csrf", browser.publicCsrf("/register?lang=en"), "ownerId", fin,
                "ownerName", "Aysel Məmmədova", "contact", contact, "model", model, "price", price));
        for (String imei : imeis) {
            form.add("imei");
            form.add(imei);
        }
        form.add("action");
        form.add("apply");
        return browser.postPairs("/register", form);
    }

    @Test
    void form_asksForEverythingInEachLanguage() {
        assertThat(web.get("/register?lang=en").body()).contains("Register a phone brought from abroad",
                "Owner's FIN", "id=\"imei-0\"", "id=\"imei-1\"", "Add another IMEI box", "At any post office");
        assertThat(web.get("/register?lang=az").body()).contains("Xaricdən gətirilən telefonun qeydiyyatı");
        assertThat(web.get("/register?lang=ru").body()).contains("Регистрация телефона, ввезённого из-за границы");
    }

    @Test
    void apply_dualSimPhoneGetsAReferenceAndTheAmountToPay() {
        HttpResponse<String> page = apply("5ABC123", "050 123 45 67", "", "700", imei(IPHONE, 1),
                imei(IPHONE_SECOND_TAC, 1));

        assertThat(page.statusCode()).isEqualTo(201);
        String reference = RegistrationFixture.reference(page.body());
        assertThat(page.body()).contains("Pay 70.00 AZN with the reference " + reference,
                "Apple iPhone 13: $850.00 in the price catalogue", "data-status=\"PENDING_PAYMENT\"")
                .doesNotContain("5ABC123");
        assertThat(count(web, "registration WHERE reference = ? AND status = 'PENDING_PAYMENT' AND created_by LIKE 'online %'",
                reference)).isEqualTo(1);
        assertThat(count(web, "registration_imei WHERE imei IN (?, ?)", key(IPHONE, 1), key(IPHONE_SECOND_TAC, 1)))
                .isEqualTo(2);
    }

    @Test
    void apply_everyMistakeIsExplainedNextToItsField() {
        HttpResponse<String> page = apply("12", "12", "", "a lot", "352099001761482", "");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Please correct the following",
                "This does not look like a FIN", "Give a mobile number", "The price is an amount in US dollars",
                "id=\"imei-0-error\"", "should be 1, not 2", "Did you mean 352099001761481?", "href=\"#imei-0\"")
                .contains("value=\"352099001761482\"");
        assertThat(count(web, "registration WHERE owner_name = 'Aysel Məmmədova' AND contact_msisdn = '12'")).isZero();
    }

    @Test
    void apply_registersRefusalsAreShownNextToTheirImei() {
        apply("5ABC200", "050 123 45 67", "", "100", imei(GALAXY, 200));
        web.registration.stolen().report(new StolenReports.Report(StolenReports.Kind.STOLEN,
                StolenReports.Reporter.CLERK, Optional.empty(), List.of(imei(NOKIA, 201)), Optional.of("POL-1"),
                Optional.empty()), "clerk");

        HttpResponse<String> page = apply("5ABC201", "050 123 45 67", "", "100", imei(GALAXY, 200),
                imei(UNKNOWN_TAC, 1), imei(NOKIA, 201), imei(GALAXY, 200));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"imei-3-error\"", "IMEI " + imei(GALAXY, 200) + " is given twice");

        HttpResponse<String> refused = apply("5ABC201", "050 123 45 67", "", "100", imei(GALAXY, 200),
                imei(UNKNOWN_TAC, 1), imei(NOKIA, 201));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(
                "id=\"imei-0-error\">IMEI " + imei(GALAXY, 200) + " is already registered",
                "id=\"imei-1-error\">The first 8 digits of " + imei(UNKNOWN_TAC, 1) + " are not allocated",
                "id=\"imei-2-error\">IMEI " + imei(NOKIA, 201) + " is reported lost or stolen");
        assertThat(count(web, "registration WHERE owner_name = 'Aysel Məmmədova' AND owner_id_hash IS NOT NULL"
                + " AND id IN (SELECT registration_id FROM registration_imei WHERE imei = ?)", key(NOKIA, 201))).isZero();
    }

    @Test
    void apply_imeisOfAnotherModelThanNamedAreRefused() {
        HttpResponse<String> page = apply("5ABC300", "050 123 45 67", "Samsung Galaxy A05s", "100", imei(IPHONE, 300));

        assertThat(page.body()).contains("belongs to the model Apple Inc iPhone 13, not to the model of this phone");
    }

    @Test
    void apply_moreImeiBoxesWithoutJavaScript() {
        TestServer.Browser browser = web.browser();
        HttpResponse<String> page = browser.postPairs("/register", List.of("_csrf", browser.publicCsrf("/register"),
                "ownerId", "5ABC400", "imei", "1", "imei", "2", "action", "more"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"imei-2\"", "value=\"5ABC400\"").doesNotContain("id=\"imei-3\"")
                .doesNotContain("error-summary");
    }

    @Test
    void apply_withoutTheFormsTokenIsRefused() {
        HttpResponse<String> page = web.post("/register", java.util.Map.of("ownerId", "5ABC500"));

        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void status_showsStatusAndDueNeverTheOwner() {
        String reference = RegistrationFixture.reference(apply("5ABC600", "050 765 43 21", "", "120",
                imei(GALAXY, 600)).body());

        HttpResponse<String> page = web.get("/registration?lang=en&ref=" + reference.toLowerCase());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(reference + ": Waiting for payment", "30.00 AZN", "Samsung Galaxy A05s")
                .doesNotContain("5ABC600").doesNotContain("Aysel").doesNotContain("765").doesNotContain(imei(GALAXY, 600));

        web.registration.payments().confirmByClerk(reference, Optional.empty(), Optional.empty(), "clerk");
        assertThat(web.get("/registration?lang=en&ref=" + reference).body()).contains(reference + ": Registered",
                "The phone may be used on every network");
    }

    @Test
    void status_unknownReferenceIs404() {
        HttpResponse<String> page = web.get("/registration?lang=en&ref=R-ZZZZZZZZ");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No registration has the reference");
    }

    @Test
    void statusApi_tellsATerminalWhatToCharge() throws Exception {
        String reference = RegistrationFixture.reference(apply("5ABC700", "050 123 45 67", "", "20",
                imei(NOKIA, 700)).body());

        HttpResponse<String> response = web.get("/api/v1/registrations/" + reference + "/status", "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(body.get("amountDue").asText()).isEqualTo("15.00");
        assertThat(body.get("title").asText()).isEqualTo("Waiting for payment");
        assertThat(response.body()).doesNotContain("5ABC700").doesNotContain("ownerName");
        assertThat(web.get("/api/v1/registrations/R-ZZZZZZZZ/status").statusCode()).isEqualTo(404);
    }

    @Test
    void home_linksToTheServices() {
        assertThat(web.get("/?lang=en").body()).contains("href=\"/duty\"", "href=\"/register\"",
                "href=\"/registration\"", "href=\"/stolen\"");
    }
}
