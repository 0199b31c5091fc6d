package org.ceir.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.registration.Fixture.GALAXY;
import static org.ceir.registration.Fixture.application;
import static org.ceir.registration.Fixture.imei;
import static org.ceir.registration.Fixture.key;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    private static final LocalDate DAY_ONE = LocalDate.of(2026, 11, 2);
    private static Database database;
    private static Fixture fx;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        fx = new Fixture(database, Fixture.in2024());
        fx.sql("SELECT ensure_triplet_partition('2026-11-01')");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** An IMEI first seen on DAY_ONE with a home subscriber (azercell) and an inbound roamer. */
    private static long seen(int serial) {
        long imei = key(GALAXY, serial);
        fx.sql("INSERT INTO network_imei (imei, first_seen) VALUES (" + imei + ", '" + DAY_ONE + "')");
        fx.sql("INSERT INTO network_triplet (triplet_month, operator_id, imei, imsi, msisdn, first_seen, last_seen,"
                + " date_bitmask) VALUES ('2026-11-01', (SELECT id FROM operator WHERE code = 'azercell'), " + imei
                + ", '400011234567" + serial + "', '99450123" + serial + "', '" + DAY_ONE + "', '" + DAY_ONE + "', 2),"
                + " ('2026-11-01', (SELECT id FROM operator WHERE code = 'azercell'), " + imei + ", '250011234567"
                + serial + "', '7916123" + serial + "', '" + DAY_ONE + "', '" + DAY_ONE + "', 2)");
        return imei;
    }

    private static long messages(long imei, String kind) {
        return fx.count("notification WHERE imei = ? AND kind = ?", imei, kind);
    }

    @Test
    void scan_tellsHomeSubscribersOnTheFirstDayBeforeTheDeadlineAndAtTheBlock() {
        long imei = seen(401);
        fx.deadlines.scan(DAY_ONE);
        assertThat(messages(imei, "GRACE_FIRST")).isEqualTo(1);
        assertThat(fx.count("notification WHERE imei = ? AND msisdn LIKE '7916%'", imei)).as("roamer").isZero();
        Deadlines.Deadline deadline = fx.deadlines.of(imei).orElseThrow();
        assertThat(deadline.blockedFrom()).isEqualTo(DAY_ONE.plusDays(30));
        assertThat(fx.count("notification WHERE imei = ? AND body LIKE '%by 01.12.2026%'", imei)).isEqualTo(1);

        fx.deadlines.scan(DAY_ONE.plusDays(1));
        assertThat(fx.count("notification WHERE imei = ?", imei)).as("nothing new the next day").isEqualTo(1);

        fx.deadlines.scan(DAY_ONE.plusDays(23)); // 7 days left
        assertThat(messages(imei, "GRACE_REMINDER")).isEqualTo(1);
        fx.deadlines.scan(DAY_ONE.plusDays(29)); // 1 day left
        assertThat(messages(imei, "GRACE_REMINDER")).isEqualTo(2);
        fx.deadlines.scan(DAY_ONE.plusDays(30));
        assertThat(messages(imei, "GRACE_BLOCKED")).isEqualTo(1);
        fx.deadlines.scan(DAY_ONE.plusDays(31));
        assertThat(fx.count("notification WHERE imei = ?", imei)).isEqualTo(4);
    }

    @Test
    void scan_lateScanSkipsRemindersThatNoLongerMatter() {
        long imei = seen(402);
        fx.deadlines.scan(DAY_ONE.plusDays(29));
        assertThat(messages(imei, "GRACE_FIRST")).isZero();
        assertThat(messages(imei, "GRACE_REMINDER")).isEqualTo(1);
        fx.deadlines.scan(DAY_ONE.plusDays(29));
        assertThat(messages(imei, "GRACE_REMINDER")).isEqualTo(1);
    }

    @Test
    void scan_registeringAndPayingStopsTheMessages() {
        long imei = seen(403);
        fx.deadlines.scan(DAY_ONE);
        String reference = fx.registrations.registerPhone(application("3CCC001", imei(GALAXY, 403)), "c").reference();
        fx.payments.confirmByClerk(reference, Optional.empty(), Optional.empty(), "clerk1");
        assertThat(fx.deadlines.of(imei).orElseThrow().resolved()).isEqualTo("REGISTERED");
        fx.deadlines.scan(DAY_ONE.plusDays(30));
        assertThat(messages(imei, "GRACE_BLOCKED")).isZero();
    }

    @Test
    void scan_newSimInAStolenPhoneIsToldToGoToThePolice() {
        long imei = key(GALAXY, 404);
        fx.sql("INSERT INTO network_triplet (triplet_month, operator_id, imei, imsi, msisdn, first_seen, last_seen,"
                + " date_bitmask) VALUES ('2026-11-01', 1, " + imei + ", '400011111111111', '994501111111',"
                + " '2026-11-01', '2026-11-20', 1)");
        fx.stolen.report(new StolenReports.Report(StolenReports.Kind.STOLEN, StolenReports.Reporter.CLERK,
                Optional.empty(), List.of(imei(GALAXY, 404)), Optional.of("POL-1"), Optional.empty()), "clerk1");
        fx.sql("INSERT INTO network_triplet (triplet_month, operator_id, imei, imsi, msisdn, first_seen, last_seen,"
                + " date_bitmask) VALUES ('2026-11-01', 2, " + imei + ", '400022222222222', '994552222222',"
                + " current_date, current_date, 1)");
        Deadlines.Scan scan = fx.deadlines.scan(LocalDate.now());
        assertThat(scan.stolenNewSimMessages()).isEqualTo(1);
        assertThat(fx.count("notification WHERE kind = 'STOLEN_NEW_SIM' AND msisdn = '994552222222'")).isEqualTo(1);
        assertThat(fx.count("notification WHERE kind = 'STOLEN_NEW_SIM' AND msisdn = '994501111111'")).isZero();
    }
}
