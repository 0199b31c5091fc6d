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
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentsTest {
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

    private static String pending(int tac, int serial, String fin) {
        return fx.registrations.registerPhone(application(fin, imei(tac, serial)), "clerk1").reference();
    }

    @Test
    void confirmByClerk_activatesAndPutsEveryImeiOnTheChangeLog() {
        String reference = fx.registrations.registerPhone(application("1AAA001", imei(IPHONE, 100),
                imei(IPHONE_SECOND_TAC, 100)), "clerk1").reference();
        Payments.Receipt receipt = fx.payments.confirmByClerk(reference, Optional.of(new BigDecimal("70.00")),
                Optional.empty(), "clerk2");
        assertThat(receipt.status()).isEqualTo("ACTIVE");
        assertThat(receipt.alreadyApplied()).isFalse();
        assertThat(fx.registrations.find(reference).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(fx.count("change_log WHERE change = 'REGISTERED' AND imei IN (?, ?)", key(IPHONE, 100),
                key(IPHONE_SECOND_TAC, 100))).isEqualTo(2);
        assertThat(fx.count("audit_log WHERE action IN ('PAYMENT_RECEIVED', 'REGISTRATION_ACTIVATED') AND subject = ?",
                "registration:" + reference)).isEqualTo(2);
        assertThat(fx.count("notification WHERE kind = 'REGISTRATION_ACTIVE' AND dedup_key = ?",
                "REGISTRATION_ACTIVE:" + reference)).isEqualTo(1);
    }

    @Test
    void confirmByClerk_wrongAmountIsRefusedAndChangesNothing() {
        String reference = pending(GALAXY, 100, "1AAA002");
        assertThatThrownBy(() -> fx.payments.confirmByClerk(reference, Optional.of(new BigDecimal("20")),
                Optional.empty(), "clerk1"))
                .hasMessageContaining("amount 20.00 AZN does not match the duty of " + reference + ", 30.00 AZN");
        assertThat(fx.registrations.find(reference).orElseThrow().status()).isEqualTo("PENDING_PAYMENT");
        assertThat(fx.count("payment WHERE registration_id = (SELECT id FROM registration WHERE reference = ?)",
                reference)).isZero();
    }

    @Test
    void receiveSigned_isIdempotentByPaymentReference() {
        String reference = pending(GALAXY, 101, "1AAA003");
        byte[] body = ("{\"reference\":\"PAY-777\",\"registration\":\"" + reference
                + "\",\"amount\":\"30.00\",\"currency\":\"AZN\",\"paid_at\":\"2026-11-24T10:15:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = Payments.signatureOf(Fixture.SECRET, body);
        Payments.Receipt first = fx.payments.receiveSigned(body, signature, "provider-x");
        Payments.Receipt again = fx.payments.receiveSigned(body, signature, "provider-x");
        assertThat(first.alreadyApplied()).isFalse();
        assertThat(again.alreadyApplied()).isTrue();
        assertThat(again.status()).isEqualTo("ACTIVE");
        assertThat(fx.count("payment WHERE reference = 'PAY-777'")).isEqualTo(1);
        assertThat(fx.count("change_log WHERE imei = ? AND change = 'REGISTERED'", key(GALAXY, 101))).isEqualTo(1);
    }

    @Test
    void receiveSigned_samePaymentReferenceForAnotherRegistrationIsRefused() {
        String one = pending(GALAXY, 102, "1AAA004");
        String other = pending(GALAXY, 103, "1AAA005");
        byte[] first = ("{\"reference\":\"PAY-900\",\"registration\":\"" + one + "\",\"amount\":\"30\",\"currency\":\"AZN\"}")
                .getBytes(StandardCharsets.UTF_8);
        fx.payments.receiveSigned(first, Payments.signatureOf(Fixture.SECRET, first), "p");
        byte[] second = ("{\"reference\":\"PAY-900\",\"registration\":\"" + other + "\",\"amount\":\"30\",\"currency\":\"AZN\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> fx.payments.receiveSigned(second, Payments.signatureOf(Fixture.SECRET, second), "p"))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistrationException.Kind.CONFLICT))
                .hasMessageContaining("payment PAY-900 was already received for " + one);
    }

    @Test
    void receiveSigned_wrongSignatureIsForbidden() {
        String reference = pending(GALAXY, 104, "1AAA006");
        byte[] body = ("{\"reference\":\"PAY-901\",\"registration\":\"" + reference + "\",\"amount\":\"30\",\"currency\":\"AZN\"}")
                .getBytes(StandardCharsets.UTF_8);
        String forged = Payments.signatureOf("another-secret-entirely!", body);
        assertThatThrownBy(() -> fx.payments.receiveSigned(body, forged, "p"))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistrationException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> fx.payments.receiveSigned(body, null, "p")).hasMessageContaining("not signed");
        assertThat(fx.registrations.find(reference).orElseThrow().status()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void confirmByClerk_secondPaymentOfAnActiveRegistrationIsRefused() {
        String reference = pending(GALAXY, 105, "1AAA007");
        fx.payments.confirmByClerk(reference, Optional.empty(), Optional.of("RCPT-1"), "clerk1");
        assertThatThrownBy(() -> fx.payments.confirmByClerk(reference, Optional.empty(), Optional.of("RCPT-2"), "clerk1"))
                .hasMessageContaining("already paid and active");
    }

    @Test
    void confirmByClerk_unknownRegistrationIsNotFound() {
        assertThatThrownBy(() -> fx.payments.confirmByClerk("R-NOPE0000", Optional.empty(), Optional.empty(), "c"))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistrationException.Kind.NOT_FOUND));
    }
}
