package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.web.RegistrationFixture.GALAXY;
import static org.ceir.web.RegistrationFixture.IPHONE;
import static org.ceir.web.RegistrationFixture.IPHONE_SECOND_TAC;
import static org.ceir.web.RegistrationFixture.NOKIA;
import static org.ceir.web.RegistrationFixture.count;
import static org.ceir.web.RegistrationFixture.imei;
import static org.ceir.web.RegistrationFixture.key;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceir.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistrationConsoleTest {
    private static TestServer web;
    private static TestServer.Browser clerk;
    private static TestServer.Browser analyst;

    @BeforeAll
    static void start() {
        web = new TestServer();
        RegistrationFixture.seed(web);
        web.user("clerk1", Role.CLERK);
        web.user("analyst1", Role.ANALYST);
        clerk = web.browser();
        clerk.login("clerk1", TestServer.PASSWORD);
        analyst = web.browser();
        analyst.login("analyst1", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static HttpResponse<String> registerAtTheCounter(String fin, String price, String... imeis) {
        List<String> form = new ArrayList<>(List.of("_csrf", clerk.csrf(), "ownerId", fin, "ownerName", "Nigar Quliyeva",
                "contact", "+994 70 555 66 77", "model", "", "price", price));
        for (String imei : imeis) {
            form.add("imei");
            form.add(imei);
        }
        return clerk.postPairs("/console/registrations?lang=en", form);
    }

    private static String pending(String fin, String... imeis) {
        return web.registration.registrations().registerPhone(new Registrations.PhoneApplication(fin, "Nigar Quliyeva",
                "070 555 66 77", "", List.of(imeis), new BigDecimal("500")), "clerk0").reference();
    }

    @Test
    void register_atTheCounterLeadsToTheRegistrationsPage() {
        HttpResponse<String> posted = registerAtTheCounter("4CNT001", "800", imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1));

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/console/registrations/R-[0-9A-Z]{8}\\?done=registered");
        String page = clerk.get(location + "&lang=en").body();
        assertThat(page).contains("The phone is registered and waits for its payment", "Waiting for payment",
                "Nigar Quliyeva (*****01)", "+994705556677", imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1), "70.00 AZN",
                "Confirm the payment taken", "Applied", "clerk1").doesNotContain("4CNT001");
    }

    @Test
    void register_mistakesAreExplainedOnTheConsoleForm() {
        HttpResponse<String> page = registerAtTheCounter("4CNT002", "", imei(GALAXY, 2).substring(0, 13));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Give the price you paid", "id=\"imei-0-error\"");
    }

    @Test
    void confirmPayment_activatesAndShowsTheHistory() {
        String reference = pending("4CNT003", imei(GALAXY, 3));
        String csrf = clerk.csrf();

        HttpResponse<String> wrong = clerk.post("/console/registrations/" + reference + "/payment?lang=en",
                Map.of("_csrf", csrf, "amount", "25"));
        HttpResponse<String> paid = clerk.post("/console/registrations/" + reference + "/payment",
                Map.of("_csrf", csrf, "amount", "30.00", "receipt", "AZP-123"));
        HttpResponse<String> again = clerk.post("/console/registrations/" + reference + "/payment?lang=en",
                Map.of("_csrf", csrf, "amount", "30.00"));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The amount taken, 25.00 AZN, is not the duty of 30.00 AZN");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(409);
        String page = clerk.get("/console/registrations/" + reference + "?lang=en").body();
        assertThat(page).contains("data-status=\"ACTIVE\"", "AZP-123", "at a post office — clerk1", "Payment received",
                "Activated").doesNotContain("id=\"payment-form\"");
        assertThat(count(web, "change_log WHERE change = 'REGISTERED' AND imei = ?", key(GALAXY, 3))).isEqualTo(1);
    }

    @Test
    void readers_seeButDoNotGetTheClerksForms() {
        String reference = pending("4CNT004", imei(GALAXY, 4));

        String page = analyst.get("/console/registrations/" + reference + "?lang=en").body();

        assertThat(page).contains(reference, "Waiting for payment").doesNotContain("id=\"payment-form\"")
                .doesNotContain("id=\"report-stolen\"");
        assertThat(analyst.get("/console/registrations?lang=en").body()).doesNotContain("id=\"new-registration\"");
        assertThat(analyst.post("/console/registrations/" + reference + "/payment",
                Map.of("_csrf", analyst.csrf(), "amount", "30")).statusCode()).isEqualTo(403);
    }

    @Test
    void list_filtersAndSearchesByReferenceAndImei() {
        String reference = pending("4CNT005", imei(NOKIA, 5));

        assertThat(analyst.get("/console/registrations?lang=en").body()).contains(reference);
        assertThat(analyst.get("/console/registrations?status=ACTIVE").body()).doesNotContain(reference);
        HttpResponse<String> byReference = analyst.get("/console/registrations?q=" + reference.toLowerCase());
        assertThat(byReference.statusCode()).isEqualTo(303);
        assertThat(byReference.headers().firstValue("Location")).contains("/console/registrations/" + reference);
        assertThat(analyst.get("/console/registrations?lang=en&q=" + imei(NOKIA, 5)).body())
                .contains("Registrations that hold or held IMEI " + imei(NOKIA, 5), reference);
        HttpResponse<String> typo = analyst.get("/console/registrations?lang=en&q=" + imei(NOKIA, 5).substring(0, 13));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("Search by a reference");
        assertThat(analyst.get("/console/registrations?q=R-ZZZZZZZZ").statusCode()).isEqualTo(404);
    }

    @Test
    void searchByOwner_isPostedMaskedAndAudited() {
        String reference = pending("4CNT006", imei(NOKIA, 6));

        HttpResponse<String> page = analyst.post("/console/registrations/by-owner?lang=en",
                Map.of("_csrf", analyst.csrf(), "ownerId", "4cnt006"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(reference, "Registrations of the FIN *****06").doesNotContain("4CNT006")
                .doesNotContain("4cnt006");
        assertThat(count(web, "audit_log WHERE action = 'REGISTRATIONS_SEARCHED' AND actor = 'analyst1'"
                + " AND subject = 'owner:*****06'")).isEqualTo(1);
        assertThat(count(web, "audit_log WHERE subject LIKE '%4CNT006%' OR after LIKE '%4CNT006%'")).isZero();
        assertThat(analyst.post("/console/registrations/by-owner?lang=en", Map.of("_csrf", analyst.csrf(),
                "ownerId", "x")).statusCode()).isEqualTo(400);
    }

    @Test
    void importBatch_registersAFileAllOrNothing() {
        String good = "imei,model,price\n" + imei(GALAXY, 100) + ",Galaxy A05s,120\n" + imei(IPHONE, 100) + "|"
                + imei(IPHONE_SECOND_TAC, 100) + ",iPhone 13,800\n";

        HttpResponse<String> page = clerk.multipart("/console/registrations/import?lang=en",
                Map.of("_csrf", clerk.csrf(), "importer", "Baku Phones LLC"), "stock.csv",
                good.getBytes(StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(201);
        assertThat(page.body()).contains("2 phone(s), 3 IMEI(s) registered in one batch", "Waiting for payment",
                "Samsung Galaxy A05s", "1 phone(s) × 20.00 AZN", "40.00 AZN");
        String reference = RegistrationFixture.reference(page.body().substring(page.body().indexOf("id=\"imported\"")));
        assertThat(clerk.get("/console/registrations/" + reference + "?lang=en").body())
                .contains("Importer&#39;s batch".replace("&#39;", "'"), "Baku Phones LLC", "Models in the batch", "IMEIs (3)");
        assertThat(count(web, "import_job WHERE kind = 'REGISTRATIONS' AND file_name = 'stock.csv' AND status = 'SUCCEEDED'"))
                .isEqualTo(1);
    }

    @Test
    void importBatch_refusedFileShowsEveryBadRow() {
        String bad = "imei,model,price\n" + imei(GALAXY, 200) + ",Galaxy A05s,120\n" + imei(GALAXY, 201)
                .substring(0, 13) + ",Galaxy A05s,120\n" + imei(IPHONE, 202) + ",Galaxy A05s,120\n" + imei(GALAXY, 200) + ",Galaxy A05s,x\n";

        HttpResponse<String> page = clerk.multipart("/console/registrations/import?lang=en",
                Map.of("_csrf", clerk.csrf(), "importer", "Baku Phones LLC"), "../../etc/stock.csv",
                bad.getBytes(StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("3 row(s) refused: nothing was registered", "Refused rows (3)",
                "Not a valid IMEI", "Another model", "Row cannot be read");
        assertThat(count(web, "registration_imei WHERE imei = ?", key(GALAXY, 200))).isZero();
        assertThat(count(web, "import_job WHERE file_name = 'stock.csv' AND status = 'FAILED'")).isEqualTo(1);
    }

    @Test
    void importBatch_fileOverTheLimitIsRefusedSayingTheLimit() {
        HttpResponse<String> page = clerk.multipart("/console/registrations/import?lang=en",
                Map.of("_csrf", clerk.csrf(), "importer", "Baku Phones LLC"), "huge.csv",
                new byte[(int) WebServer.IMPORTER_FILE_BYTES + 1]);

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("The file is larger than 10 MB: split it.");
    }

    @Test
    void importBatch_needsAnImporterAndAFile() {
        HttpResponse<String> page = clerk.multipart("/console/registrations/import?lang=en",
                Map.of("_csrf", clerk.csrf(), "importer", ""), "x.csv", new byte[0]);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Give the importer&#39;s name".replace("&#39;", "'"));
    }

    @Test
    void stolen_clerkReportsAnyPhoneAndLiftsTheBlockOnlyHavingSeenIt() {
        HttpResponse<String> reported = clerk.post("/console/stolen", Map.of("_csrf", clerk.csrf(), "kind", "LOST",
                "imeis", imei(NOKIA, 300) + "\n" + imei(NOKIA, 301), "police", ""));

        assertThat(reported.statusCode()).isEqualTo(303);
        String location = reported.headers().firstValue("Location").orElseThrow();
        String reference = location.substring("/console/stolen/".length(), location.indexOf('?'));
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND ref = ?", reference)).isEqualTo(2);
        assertThat(analyst.get("/console/stolen?lang=en").body()).contains(reference, "blocked");

        HttpResponse<String> unseen = clerk.post("/console/stolen/" + reference + "/recovery?lang=en",
                Map.of("_csrf", clerk.csrf(), "note", "owner came"));
        assertThat(unseen.statusCode()).isEqualTo(400);
        assertThat(unseen.body()).contains("tick the box");
        assertThat(count(web, "device_status WHERE ref = ?", reference)).isEqualTo(2);

        HttpResponse<String> recovered = clerk.post("/console/stolen/" + reference + "/recovery",
                Map.of("_csrf", clerk.csrf(), "seen", "yes", "note", "ID card AZE and the phone seen"));
        assertThat(recovered.statusCode()).isEqualTo(303);
        assertThat(count(web, "device_status WHERE ref = ?", reference)).isZero();
        assertThat(count(web, "audit_log WHERE action = 'STOLEN_RECOVERED' AND actor = 'clerk1'"
                + " AND reason LIKE '%ID card AZE and the phone seen'")).isEqualTo(1);
        assertThat(analyst.get("/console/stolen/" + reference + "?lang=en").body()).contains("data-state=\"RECOVERED\"",
                "clerk1").doesNotContain("id=\"recover-form\"");
        assertThat(analyst.get("/console/stolen?lang=en").body()).doesNotContain(reference);
        assertThat(analyst.get("/console/stolen?show=all").body()).contains(reference);
    }

    @Test
    void stolen_fromARegistrationsPage() {
        String registration = pending("4CNT007", imei(IPHONE, 400), imei(IPHONE_SECOND_TAC, 400));
        web.registration.payments().confirmByClerk(registration, Optional.empty(), Optional.empty(), "clerk0");

        assertThat(clerk.get("/console/registrations/" + registration).body()).contains(
                "href=\"/console/stolen?registration=" + registration + "\"");
        assertThat(clerk.get("/console/stolen?registration=" + registration).body()).contains("value=\"" + registration + "\"");
        HttpResponse<String> reported = clerk.post("/console/stolen", Map.of("_csrf", clerk.csrf(), "kind", "STOLEN",
                "registration", registration, "imeis", "", "police", "POL-400"));

        assertThat(reported.statusCode()).isEqualTo(303);
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND imei IN (?, ?)", key(IPHONE, 400),
                key(IPHONE_SECOND_TAC, 400))).isEqualTo(2);
        assertThat(clerk.get("/console/registrations/" + registration + "?lang=en").body()).contains("Stolen,");
        HttpResponse<String> twice = clerk.post("/console/stolen?lang=en", Map.of("_csrf", clerk.csrf(), "kind", "STOLEN",
                "registration", registration, "imeis", "", "police", ""));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already reported lost or stolen");
    }

    @Test
    void console_navigationShowsRegistrationsToReaders() {
        assertThat(analyst.get("/console").body()).contains("href=\"/console/registrations\"", "href=\"/console/stolen\"");
    }
}
