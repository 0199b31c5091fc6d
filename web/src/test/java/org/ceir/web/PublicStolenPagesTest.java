package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.web.RegistrationFixture.GALAXY;
import static org.ceir.web.RegistrationFixture.IPHONE;
import static org.ceir.web.RegistrationFixture.IPHONE_SECOND_TAC;
import static org.ceir.web.RegistrationFixture.count;
import static org.ceir.web.RegistrationFixture.imei;
import static org.ceir.web.RegistrationFixture.key;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.ceir.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublicStolenPagesTest {
    private static TestServer web;

    @BeforeAll
    static void start() {
        web = RegistrationFixture.server();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static String registered(String fin, boolean paid, String... imeis) {
        String reference = web.registration.registrations().registerPhone(new Registrations.PhoneApplication(fin,
                "Leyla Həsənova", "050 222 33 44", "", List.of(imeis), new BigDecimal("800")), "clerk").reference();
        if (paid) {
            web.registration.payments().confirmByClerk(reference, Optional.empty(), Optional.empty(), "clerk");
        }
        return reference;
    }

    private static HttpResponse<String> report(String phone, String fin, String police) {
        TestServer.Browser browser = web.browser();
        return browser.postPairs("/stolen?lang=en", List.of("_csrf", browser.publicCsrf("/stolen"), "kind", "STOLEN",
                "phone", phone, "ownerId", fin, "police", police));
    }

    @Test
    void form_explainsWhatIsOnlineAndWhatAtAPostOffice() {
        assertThat(web.get("/stolen?lang=en").body()).contains("Report a lost or stolen phone",
                "Police report number", "Lifting a block is done only at a post office");
        assertThat(web.get("/stolen?lang=az").body()).contains("Polis protokolunun nömrəsi");
        assertThat(web.get("/stolen?lang=ru").body()).contains("Номер протокола полиции");
    }

    @Test
    void report_byOneImeiBlocksEveryImeiOfTheOwnersPhone() {
        registered("3STL001", true, imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1));

        HttpResponse<String> page = report(imei(IPHONE, 1), "3stl 001", "POL-2026-77");

        assertThat(page.statusCode()).isEqualTo(201);
        assertThat(page.body()).contains("Your phone is blocked", imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1));
        String reference = RegistrationFixture.reference(page.body().substring(page.body().indexOf("Report:")));
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND ref = ? AND imei IN (?, ?)", reference,
                key(IPHONE, 1), key(IPHONE_SECOND_TAC, 1))).isEqualTo(2);
        assertThat(count(web, "change_log WHERE change = 'STATUS_SET' AND imei IN (?, ?)", key(IPHONE, 1),
                key(IPHONE_SECOND_TAC, 1))).isEqualTo(2);
        assertThat(count(web, "audit_log WHERE action = 'STOLEN_REPORTED' AND actor LIKE 'online %'")).isEqualTo(1);
    }

    @Test
    void report_byRegistrationReference() {
        String registration = registered("3STL002", true, imei(GALAXY, 2));

        HttpResponse<String> page = report(registration.toLowerCase(), "3STL002", "POL-2");

        assertThat(page.statusCode()).isEqualTo(201);
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND imei = ?", key(GALAXY, 2))).isEqualTo(1);
    }

    @Test
    void report_someoneElsesPhoneIsRefusedAndBlocksNothing() {
        registered("3STL003", true, imei(GALAXY, 3));

        HttpResponse<String> wrongOwner = report(imei(GALAXY, 3), "9ZZZ999", "POL-3");
        HttpResponse<String> notRegistered = report(imei(GALAXY, 33), "3STL003", "POL-3");

        assertThat(wrongOwner.statusCode()).isEqualTo(403);
        assertThat(wrongOwner.body()).contains("We could not match this phone to a paid registration in your name");
        assertThat(notRegistered.statusCode()).isEqualTo(403);
        assertThat(count(web, "device_status WHERE imei IN (?, ?)", key(GALAXY, 3), key(GALAXY, 33))).isZero();
    }

    @Test
    void report_unpaidOrAlreadyReportedIsAConflict() {
        registered("3STL004", false, imei(GALAXY, 4));
        registered("3STL005", true, imei(GALAXY, 5));
        report(imei(GALAXY, 5), "3STL005", "POL-5");

        HttpResponse<String> unpaid = report(imei(GALAXY, 4), "3STL004", "POL-4");
        HttpResponse<String> twice = report(imei(GALAXY, 5), "3STL005", "POL-5");

        assertThat(unpaid.statusCode()).isEqualTo(409);
        assertThat(unpaid.body()).contains("cannot be blocked online");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(count(web, "device_status WHERE imei = ?", key(GALAXY, 4))).isZero();
    }

    @Test
    void report_everyMissingFieldIsExplained() {
        HttpResponse<String> page = report("3520990017614", "", "");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This is neither a registration reference nor an IMEI", "13 digits",
                "Give the owner's FIN", "Give the police report's number");
    }
}
