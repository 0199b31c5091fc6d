package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IMEI page: the dossier, the registration and payment, the audit entries and the SIMs' timeline. */
class ImeiPagesTest {
    @TempDir
    static Path dir;

    static TestServer web;
    static TestServer.Browser analyst;
    static TestServer.Browser clerk;

    @BeforeAll
    static void confirmedRing() {
        web = new TestServer();
        ConsoleData.importAndDetect(web, dir);
        web.user("analyst", Role.ANALYST);
        web.user("clerk", Role.CLERK);
        analyst = web.browser();
        analyst.login("analyst", TestServer.PASSWORD);
        clerk = web.browser();
        clerk.login("clerk", TestServer.PASSWORD);
        analyst.post("/console/cases/" + ConsoleData.ringCase(web) + "/confirm",
                Map.of("_csrf", analyst.csrf(), "reason", "four phones at once"));
        web.database.transaction(connection -> {
            try (PreparedStatement registration = connection.prepareStatement(
                    "INSERT INTO registration (reference, kind, status, make, model, duty_amount, duty_currency,"
                            + " tariff_version, created_by, activated_at) VALUES ('R-TEST1', 'INDIVIDUAL', 'ACTIVE',"
                            + " 'Apple', 'iPhone 13', 50.00, 'AZN', 'AZ-2026-EXCISE', 'clerk', now()) RETURNING id")) {
                var row = registration.executeQuery();
                row.next();
                long id = row.getLong(1);
                try (PreparedStatement imei = connection.prepareStatement(
                        "INSERT INTO registration_imei (registration_id, imei) VALUES (?, ?)");
                     PreparedStatement payment = connection.prepareStatement(
                        "INSERT INTO payment (reference, registration_id, amount, currency, channel, received_by)"
                                + " VALUES ('P-77', ?, 50.00, 'AZN', 'CLERK', 'clerk')")) {
                    imei.setLong(1, id);
                    imei.setLong(2, ConsoleData.RING);
                    imei.executeUpdate();
                    payment.setLong(1, id);
                    payment.executeUpdate();
                }
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void page_showsStatusesRegistrationPairingsCasesAuditAndTimeline() {
        HttpResponse<String> page = analyst.get("/console/imei/" + ConsoleData.RING_IMEI + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("IMEI <span class=\"imei\">" + ConsoleData.RING_IMEI, "Clone", "four phones at once",
                "R-TEST1", "Apple iPhone 13", "50.00 AZN (AZ-2026-EXCISE)", "P-77", "post office",
                "on the phone when confirmed", "CASE_CONFIRMED", "CASE_OPENED", "clone since 2026-04-");
        assertThat(body.split("<g class=\"sim\">", -1)).hasSize(5);
        assertThat(body).contains("class=\"crowded\"", "role=\"img\"", "SIMs of IMEI " + ConsoleData.RING_IMEI.substring(0, 14));
        assertThat(body).contains(ConsoleData.FIRST_IMSI + " ✓").doesNotContain("id=\"masked-note\"");
    }

    @Test
    void page_masksSubscriberIdsForClerks() {
        String body = clerk.get("/console/imei/" + ConsoleData.RING_IMEI + "?lang=en").body();

        assertThat(body).contains("id=\"masked-note\"", "40001••••••••00", "994•••••••00")
                .doesNotContain(ConsoleData.FIRST_IMSI).doesNotContain("994501000000");
        assertThat(body).doesNotContain("href=\"/console/cases/");
    }

    @Test
    void lookup_goesToThePageAndAWrongDigitIsExplained() {
        HttpResponse<String> lookup = analyst.get("/console/imei?imei=" + ConsoleData.RING_IMEI);
        String wrong = ConsoleData.RING_IMEI.substring(0, 14) + ((ConsoleData.RING_IMEI.charAt(14) - '0' + 1) % 10);
        HttpResponse<String> mistyped = analyst.get("/console/imei/" + wrong + "?lang=en");

        assertThat(lookup.statusCode()).isEqualTo(303);
        assertThat(lookup.headers().firstValue("Location")).contains("/console/imei/" + ConsoleData.RING_IMEI);
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body()).contains("id=\"imei-error\"", "should be " + ConsoleData.RING_IMEI.charAt(14));
    }

    @Test
    void page_ofAnImeiNeverSeenSaysSo() {
        String body = analyst.get("/console/imei/352099001761481?lang=en").body();

        assertThat(body).contains("id=\"not-seen\"", "id=\"no-registrations\"", "id=\"no-pairings\"", "id=\"no-cases\"",
                "id=\"no-audit\"");
    }
}
