package org.ceir.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ceir.registration.Fixture.GALAXY;
import static org.ceir.registration.Fixture.IPHONE;
import static org.ceir.registration.Fixture.IPHONE_SECOND_TAC;
import static org.ceir.registration.Fixture.application;
import static org.ceir.registration.Fixture.imei;
import static org.ceir.registration.Fixture.key;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.ceir.registration.duty.Payer;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistrationsTest {
    private static Database database;
    private static Fixture fx;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        fx = new Fixture(database, Fixture.in2024());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void registerPhone_dualSimPhonePaysOnceByTheCataloguePrice() {
        Registrations.Registration r = fx.registrations.registerPhone(
                application("5ABC123", imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1)), "clerk1");
        assertThat(r.status()).isEqualTo("PENDING_PAYMENT");
        assertThat(r.kind()).isEqualTo("INDIVIDUAL");
        assertThat(r.make() + " " + r.model()).isEqualTo("Apple iPhone 13");
        assertThat(r.marketPriceUsd()).isEqualByComparingTo("850");
        assertThat(r.duty()).isEqualByComparingTo("70");
        assertThat(r.imeis()).containsExactlyInAnyOrder(imei(IPHONE, 1), imei(IPHONE_SECOND_TAC, 1));
        assertThat(r.quote().orElseThrow().render()).anyMatch(line -> line.contains("$600.00") || line.contains("$700.00"));
        assertThat(r.ownerMasked()).isEqualTo("*****23").doesNotContain("5ABC");
        assertThat(r.contactNumber()).isEqualTo("994501234567");
        // not registered for the checks until paid
        assertThat(fx.count("change_log WHERE imei = ?", key(IPHONE, 1))).isZero();
        // the applicant is told what to pay
        assertThat(fx.count("notification WHERE kind = 'REGISTRATION_PENDING' AND body LIKE ?",
                "%" + r.reference() + "%70.00 AZN%")).isEqualTo(1);
    }

    @Test
    void registerPhone_everyRefusalIsReportedAtOnce() {
        fx.registrations.registerPhone(application("5ABC124", imei(GALAXY, 10)), "clerk1");
        fx.sql("INSERT INTO device_status (imei, status, reason, set_by) VALUES (" + key(GALAXY, 11)
                + ", 'STOLEN', 'test', 'test'), (" + key(GALAXY, 12) + ", 'CLONE', 'test', 'test')");
        String wrongCheckDigit = imei(GALAXY, 13).substring(0, 14) + ((imei(GALAXY, 13).charAt(14) - '0' + 1) % 10);
        assertThatThrownBy(() -> fx.registrations.registerPhone(application("5ABC125", imei(GALAXY, 10),
                imei(GALAXY, 11), imei(GALAXY, 12), wrongCheckDigit), "clerk1"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> assertThat(e.refusals())
                        .extracting(Refusal::reason)
                        .containsExactlyInAnyOrder(Refusal.Reason.ALREADY_REGISTERED, Refusal.Reason.STOLEN,
                                Refusal.Reason.CLONE, Refusal.Reason.INVALID_IMEI));
        assertThat(fx.registrations.ofOwner("5ABC125")).isEmpty();
    }

    @Test
    void registerPhone_unknownTacAndWrongModelAreRefused() {
        RegistrationException e = (RegistrationException) org.assertj.core.api.Assertions.catchThrowable(() ->
                fx.registrations.registerPhone(new Registrations.PhoneApplication("5ABC126", "A", "0501234567",
                        "iPhone 13", List.of(imei(99999999, 1), imei(GALAXY, 20)), BigDecimal.TEN), "clerk1"));
        assertThat(e.refusals()).extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.TAC_UNKNOWN, Refusal.Reason.MODEL_MISMATCH);
        assertThat(e.refusals().get(1).message()).contains("is a Samsung Galaxy A05s by its TAC, not a iPhone 13");
    }

    @Test
    void registerPhone_twoModelsAreNotOnePhone() {
        assertThatThrownBy(() -> fx.registrations.registerPhone(application("5ABC127", imei(IPHONE, 30),
                imei(GALAXY, 30)), "clerk1")).hasMessageContaining("one registration is one phone");
    }

    @Test
    void registerPhone_badOwnerIdIsNotEchoed() {
        assertThatThrownBy(() -> fx.registrations.registerPhone(application("12-34", imei(IPHONE, 40)), "clerk1"))
                .hasMessageContaining("FIN (5 characters given)").hasMessageNotContaining("1234");
    }

    @Test
    void registerPhone_ownerIdIsStoredEncryptedWithALookupHash() {
        fx.registrations.registerPhone(application("7XYZ001", imei(IPHONE, 50)), "clerk1");
        assertThat(fx.count("registration WHERE owner_id_cipher::text LIKE '%7XYZ001%' OR owner_name LIKE '%7XYZ%'"))
                .isZero();
        assertThat(fx.registrations.ofOwner("7xyz 001")).hasSize(1);
        assertThat(fx.count("audit_log WHERE after LIKE '%7XYZ001%' OR before LIKE '%7XYZ001%'")).isZero();
    }

    @Test
    void cancel_activeRegistrationUnregistersItsImeis() {
        Registrations.Registration r = fx.registrations.registerPhone(application("5ABC128", imei(GALAXY, 60)), "c");
        fx.payments.confirmByClerk(r.reference(), Optional.empty(), Optional.empty(), "clerk1");
        Registrations.Registration cancelled = fx.registrations.cancel(r.reference(), "registered in error", "clerk1");
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(fx.count("change_log WHERE imei = ? AND change = 'UNREGISTERED'", key(GALAXY, 60))).isEqualTo(1);
        // free to register again
        assertThat(fx.registrations.registerPhone(application("5ABC129", imei(GALAXY, 60)), "c").status())
                .isEqualTo("PENDING_PAYMENT");
        assertThat(database.transaction(AuditLog::verify).intact()).isTrue();
    }

    @Test
    void find_keepsEachDutyLinesCodeAndFigures() {
        Registrations.Registration r = fx.registrations.registerPhone(application("5ABC130", imei(GALAXY, 30)), "clerk1");

        Registrations.Registration read = fx.registrations.find(r.reference()).orElseThrow();

        assertThat(read.quote().orElseThrow().lines()).isEqualTo(r.quote().orElseThrow().lines());
        assertThat(read.quote().orElseThrow().lines()).extracting(l -> l.code())
                .containsExactly("price.catalogue", "declared", "duty.bracket");
    }

    @Test
    void withImei_findsEveryRegistrationThatHeldIt() {
        Registrations.Registration first = fx.registrations.registerPhone(application("5ABC131", imei(GALAXY, 31)), "c");
        fx.registrations.cancel(first.reference(), "typed the wrong owner", "c");
        Registrations.Registration second = fx.registrations.registerPhone(application("5ABC132", imei(GALAXY, 31)), "c");

        assertThat(fx.registrations.withImei(imei(GALAXY, 31))).extracting(Registrations.Registration::reference)
                .containsExactly(second.reference(), first.reference());
        assertThat(fx.registrations.withImei(imei(GALAXY, 32))).isEmpty();
        assertThatThrownBy(() -> fx.registrations.withImei("35000003000031"  + "9"))
                .isInstanceOf(RegistrationException.class);
    }

    @Test
    void details_showPaymentHistoryAndReports() {
        Registrations.Registration r = fx.registrations.registerPhone(application("5ABC133", imei(GALAXY, 33)), "clerk1");
        fx.payments.confirmByClerk(r.reference(), Optional.empty(), Optional.of("RCPT-133"), "clerk2");
        fx.stolen.report(new StolenReports.Report(StolenReports.Kind.LOST, StolenReports.Reporter.CLERK,
                Optional.of(r.reference()), List.of(), Optional.of("POL-133"), Optional.empty()), "clerk3");

        Registrations.Details details = fx.registrations.details(r.reference().toLowerCase()).orElseThrow();

        assertThat(details.imeiCount()).isEqualTo(1);
        assertThat(details.models()).isEmpty();
        assertThat(details.payments()).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("RCPT-133");
            assertThat(p.amount()).isEqualByComparingTo("30");
            assertThat(p.channel()).isEqualTo("CLERK");
            assertThat(p.receivedBy()).isEqualTo("clerk2");
        });
        assertThat(details.history()).extracting(Registrations.HistoryEntry::action)
                .containsExactly("REGISTRATION_CREATED", "PAYMENT_RECEIVED", "REGISTRATION_ACTIVATED");
        assertThat(details.history()).extracting(h -> h.status().orElse(""))
                .containsExactly("PENDING_PAYMENT", "", "ACTIVE");
        assertThat(details.stolenReports()).singleElement().satisfies(report -> {
            assertThat(report.kind()).isEqualTo(StolenReports.Kind.LOST);
            assertThat(report.policeReference()).contains("POL-133");
            assertThat(report.reportedBy()).isEqualTo("clerk3");
        });
        assertThat(fx.registrations.details("R-NOTHING0")).isEmpty();
    }

    @Test
    void quote_byModelUsesTheCataloguePrice() {
        assertThat(fx.registrations.quote(Optional.of("Apple iPhone 13"), Optional.of(new BigDecimal("500")),
                Payer.PERSON, Optional.empty(), 0).total()).isEqualByComparingTo("70");
        assertThat(fx.registrations.quote(Optional.of("Nokia 105"), Optional.empty(), Payer.PERSON, Optional.empty(), 0)
                .total()).isEqualByComparingTo("15");
        assertThat(fx.registrations.quote(Optional.of("Unknown Phone X"), Optional.empty(), Payer.PERSON,
                Optional.empty(), 0).total()).isEqualByComparingTo("15");
        assertThat(fx.registrations.quote(Optional.empty(), Optional.of(new BigDecimal("250")), Payer.PERSON,
                Optional.empty(), 0).total()).isEqualByComparingTo("40");
    }
}
