package org.ceir.appeals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A known state (clone cases in and around a period, the SIMs seen with them, check counters,
 * appeals, registrations and payments, deadlines), the report over it, and every figure checked
 * against SQL written here on its own terms: numbers seen are walked day by day over the bitmasks,
 * days are cut in Baku's zone by hand.
 */
class ArticleReportTest {
    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");
    private static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    private static final LocalDate TO = LocalDate.of(2026, 5, 31);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    private static final Country COUNTRY = new Country("Azerbaijan", "400", "994", "0", 9, List.of(
            new Operator("azercell", "Azercell", "400", "01"), new Operator("bakcell", "Bakcell", "400", "02"),
            new Operator("nar", "Nar", "400", "04")), Map.of());

    private static Database database;

    @BeforeAll
    static void knownState() {
        database = TestDatabase.create();
        database.transaction(c -> Operators.sync(c, COUNTRY));
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String month : new String[] {"2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"}) {
                    s.execute("SELECT ensure_triplet_partition('" + month + "')");
                }
                // Clone cases: 101 and 102 confirmed in May, 103 confirmed in May then lifted, 104 confirmed
                // in April, 105 open, 106 dismissed; 101 also has an earlier lifted case in May (counted once).
                // 107 confirmed at 23:30 on 31 May in Baku (19:30 UTC): in; 108 at 00:30 on 1 June in Baku
                // (20:30 UTC on 31 May): out.
                s.execute("INSERT INTO clone_case (imei, condition, status, score, imsis, evidence_at_open, decided_by,"
                        + " decided_at) VALUES"
                        + " (101, 'c', 'LIFTED', 1, '{}', '{}', 'a', '2026-05-02 10:00+04'),"
                        + " (101, 'c', 'CONFIRMED', 1, '{}', '{}', 'a', '2026-05-20 10:00+04'),"
                        + " (102, 'c', 'CONFIRMED', 1, '{}', '{}', 'a', '2026-05-20 11:00+04'),"
                        + " (103, 'c', 'LIFTED', 1, '{}', '{}', 'a', '2026-05-03 09:00+04'),"
                        + " (104, 'c', 'CONFIRMED', 1, '{}', '{}', 'a', '2026-04-30 23:00+04'),"
                        + " (106, 'c', 'DISMISSED', 1, '{}', '{}', 'a', '2026-05-05 09:00+04'),"
                        + " (107, 'c', 'CONFIRMED', 1, '{}', '{}', 'a', '2026-05-31 19:30Z'),"
                        + " (108, 'c', 'CONFIRMED', 1, '{}', '{}', 'a', '2026-05-31 20:30Z')");
                s.execute("INSERT INTO clone_case (imei, condition, status, score, imsis, evidence_at_open)"
                        + " VALUES (105, 'c', 'OPEN', 1, '{}', '{}')");
                s.execute("INSERT INTO device_status (imei, status, reason, set_by) VALUES"
                        + " (101, 'CLONE', 'r', 'a'), (102, 'CLONE', 'r', 'a'), (104, 'CLONE', 'r', 'a'),"
                        + " (107, 'CLONE', 'r', 'a'), (108, 'CLONE', 'r', 'a')");
                // SIMs seen. The window is 1 March to 31 May. Bit d-1 is day d.
                s.execute("INSERT INTO network_triplet (triplet_month, operator_id, imei, imsi, msisdn, first_seen,"
                        + " last_seen, date_bitmask) VALUES"
                        // in the window, and the same number on two clone IMEIs: one number
                        + " ('2026-05-01', 1, 101, '400010000000001', '994500000001', '2026-05-03', '2026-05-03', 4),"
                        + " ('2026-05-01', 2, 102, '400010000000001', '994500000001', '2026-05-04', '2026-05-04', 8),"
                        // a row whose first and last days straddle the window's start, seen on 28 Feb and 2 Mar
                        + " ('2026-03-01', 1, 101, '400010000000002', '994500000002', '2026-03-02', '2026-03-02', 2),"
                        + " ('2026-02-01', 1, 101, '400010000000003', '994500000003', '2026-02-28', '2026-02-28', "
                        + (1 << 27) + "),"
                        // seen on 31 May (bit 30) on the lifted IMEI: it was given clone status, so it counts
                        + " ('2026-05-01', 3, 103, '400010000000004', '994500000004', '2026-05-31', '2026-05-31', "
                        + (1 << 30) + "),"
                        // seen in June: after the window
                        + " ('2026-06-01', 1, 102, '400010000000005', '994500000005', '2026-06-01', '2026-06-01', 1),"
                        // no number sent
                        + " ('2026-05-01', 1, 102, '400010000000006', NULL, '2026-05-10', '2026-05-10', 512),"
                        // on IMEIs not given clone status in May: 104 (April), 105 (open), 108 (June in Baku)
                        + " ('2026-05-01', 1, 104, '400010000000007', '994500000007', '2026-05-10', '2026-05-10', 512),"
                        + " ('2026-05-01', 1, 105, '400010000000008', '994500000008', '2026-05-10', '2026-05-10', 512),"
                        + " ('2026-05-01', 1, 108, '400010000000009', '994500000009', '2026-05-10', '2026-05-10', 512),"
                        // on 107, two days in May
                        + " ('2026-05-01', 2, 107, '400020000000010', '994550000010', '2026-05-01', '2026-05-30', "
                        + (1 | 1 << 29) + ")");
                s.execute("INSERT INTO check_counter (day, operator_id, outcome, reason, checks) VALUES"
                        + " ('2026-05-01', 1, 'BLACKLISTED', 'CLONE_UNPAIRED_SIM', 7),"
                        + " ('2026-05-01', 2, 'BLACKLISTED', 'CLONE_UNPAIRED_SIM', 5),"
                        + " ('2026-05-31', NULL, 'BLACKLISTED', 'CLONE_UNPAIRED_SIM', 3),"
                        + " ('2026-05-15', 1, 'WHITELISTED', 'CLONE_PAIRED_SIM', 100),"
                        + " ('2026-05-15', 1, 'BLACKLISTED', 'UNREGISTERED_EXPIRED', 40),"
                        + " ('2026-04-30', 1, 'BLACKLISTED', 'CLONE_UNPAIRED_SIM', 11),"
                        + " ('2026-06-01', 3, 'BLACKLISTED', 'CLONE_UNPAIRED_SIM', 13)");
            }
            appeal(c, "A1", "NUMBER_CHANGE", "APPROVED", "POST_OFFICE", "2026-05-02 10:00+04", "2026-05-10 10:00+04", null);
            appeal(c, "A2", "NUMBER_CHANGE", "APPROVED", "ONLINE", "2026-05-03 10:00+04", "2026-06-02 10:00+04", null);
            appeal(c, "A3", "ORIGINAL_OWNER", "APPROVED", "POST_OFFICE", "2026-05-04 10:00+04", "2026-05-11 10:00+04", null);
            appeal(c, "A4", "OTHER", "REJECTED", "POST_OFFICE", "2026-05-05 10:00+04", "2026-05-12 10:00+04", null);
            appeal(c, "A5", "OTHER", "UNDER_REVIEW", "POST_OFFICE", "2026-05-31 23:00+04", null, null);
            appeal(c, "A6", "NUMBER_CHANGE", "INFO_REQUESTED", "ONLINE", "2026-05-20 10:00+04", null, null);
            appeal(c, "A7", "NUMBER_CHANGE", "RECEIVED", "POST_OFFICE", "2026-05-21 10:00+04", null, "A6");
            appeal(c, "A8", "NUMBER_CHANGE", "REJECTED", "POST_OFFICE", "2026-04-30 10:00+04", "2026-05-02 10:00+04", null);
            appeal(c, "A9", "NUMBER_CHANGE", "RECEIVED", "POST_OFFICE", "2026-06-01 00:30+04", null, null);
            registration(c, "R1", "INDIVIDUAL", "ACTIVE", 1, "2026-05-02 10:00+04", "AZN", "120.50", "2026-05-02 09:00+04");
            registration(c, "R2", "IMPORTER", "ACTIVE", 40, "2026-05-02 12:00+04", "AZN", "3000.00", "2026-05-02 11:00+04");
            registration(c, "R3", "INDIVIDUAL", "CANCELLED", 1, "2026-05-09 10:00+04", "AZN", "80.00", "2026-05-09 09:00+04");
            registration(c, "R4", "IMPORTED", "ACTIVE", 1, "2026-05-09 10:00+04", null, null, null);
            registration(c, "R5", "INDIVIDUAL", "ACTIVE", 1, "2026-06-01 10:00+04", "AZN", "50.00", "2026-05-31 22:00+04");
            registration(c, "R6", "INDIVIDUAL", "PENDING_PAYMENT", 1, null, null, null, null);
            registration(c, "R7", "INDIVIDUAL", "ACTIVE", 1, "2026-05-20 10:00+04", "USD", "10.00", "2026-05-20 09:00+04");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO registration_deadline (imei, first_seen, blocked_from, resolved, resolved_at) VALUES"
                        + " (201, '2026-04-01', '2026-05-01', NULL, NULL),"
                        + " (202, '2026-04-10', '2026-05-10', 'REGISTERED', '2026-05-12 10:00+04'),"
                        + " (203, '2026-04-10', '2026-05-10', 'REGISTERED', '2026-05-09 10:00+04'),"
                        + " (204, '2026-04-20', '2026-05-20', 'EXEMPT', '2026-05-01 10:00+04'),"
                        + " (205, '2026-05-01', '2026-05-31', NULL, NULL),"
                        + " (206, '2026-03-31', '2026-04-30', NULL, NULL),"
                        + " (207, '2026-05-10', '2026-06-09', NULL, NULL)");
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static void appeal(Connection c, String tracking, String kind, String status, String channel,
                               String receivedAt, String decidedAt, String duplicateOf) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO appeal (tracking, kind, status, imei,"
                + " applicant_id_hash, applicant_id_cipher, contact_msisdn, channel, office_code, language, filed_by,"
                + " received_at, due_on, duplicate_of, decided_by, decided_at) VALUES (?, ?, ?, 101, '\\x01', '\\x01',"
                + " '994500000001', ?, ?, 'en', 'clerk', ?::timestamptz, '2026-06-30',"
                + " (SELECT id FROM appeal WHERE tracking = ?), ?, ?::timestamptz)")) {
            s.setString(1, tracking);
            s.setString(2, kind);
            s.setString(3, status);
            s.setString(4, channel);
            s.setString(5, channel.equals("POST_OFFICE") ? "AZ1000" : null);
            s.setString(6, receivedAt);
            s.setString(7, duplicateOf);
            s.setString(8, decidedAt == null ? null : "analyst");
            s.setString(9, decidedAt);
            s.executeUpdate();
        }
    }

    private static void registration(Connection c, String reference, String kind, String status, int phones,
                                     String activatedAt, String currency, String amount, String paidAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registration (reference, kind, status, device_count,"
                + " created_by, activated_at) VALUES (?, ?, ?, ?, 'clerk', ?::timestamptz) RETURNING id")) {
            s.setString(1, reference);
            s.setString(2, kind);
            s.setString(3, status);
            s.setInt(4, phones);
            s.setString(5, activatedAt);
            try (ResultSet id = s.executeQuery()) {
                id.next();
                if (amount != null) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO payment (reference, registration_id,"
                            + " amount, currency, channel, received_by, received_at) VALUES (?, ?, ?, ?, 'CLERK', 'clerk',"
                            + " ?::timestamptz)")) {
                        p.setString(1, "P-" + reference);
                        p.setLong(2, id.getLong(1));
                        p.setBigDecimal(3, new BigDecimal(amount));
                        p.setString(4, currency);
                        p.setString(5, paidAt);
                        p.executeUpdate();
                    }
                }
            }
        }
    }

    private static ArticleReport report() {
        return ArticleReport.compute(database, BAKU, "AZN", FROM, TO, TODAY);
    }

    /** One number from SQL written here; the period's bounds in Baku as literals. */
    private static long sql(String query) {
        return database.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static final String CONFIRMED_IN_MAY = "SELECT DISTINCT imei FROM clone_case WHERE decided_by IS NOT NULL"
            + " AND status NOT IN ('DISMISSED', 'OPEN', 'EXPIRED')"
            + " AND decided_at >= timestamptz '2026-05-01 00:00:00+04' AND decided_at < timestamptz '2026-06-01 00:00:00+04'";

    @Test
    void compute_cloneImeis_areTheCasesConfirmedInThePeriodOnceEach() {
        ArticleReport report = report();
        assertThat(report.cloneImeis()).isEqualTo(sql("SELECT count(*) FROM (" + CONFIRMED_IN_MAY + ") x")).isEqualTo(4);
        assertThat(report.cloneImeisLifted()).isEqualTo(sql("SELECT count(*) FROM (" + CONFIRMED_IN_MAY + ") x"
                + " WHERE imei NOT IN (SELECT imei FROM device_status WHERE status = 'CLONE')")).isEqualTo(1);
        assertThat(report.clonesPerDay()).extracting(ArticleReport.DayCount::count).containsExactly(1L, 1L, 2L, 1L);
        assertThat(report.clonesPerDay().stream().mapToLong(ArticleReport.DayCount::count).sum()).isEqualTo(5);
    }

    @Test
    void compute_numbersSeen_countsEachNumberSeenOnADayOfTheLastThreeMonths() {
        ArticleReport report = report();
        // Day by day over the bitmasks, no bit arithmetic on ranges.
        long expected = sql("SELECT count(DISTINCT t.msisdn) FROM network_triplet t"
                + " CROSS JOIN generate_series(1, 31) AS d(day)"
                + " WHERE t.imei IN (" + CONFIRMED_IN_MAY + ") AND t.msisdn IS NOT NULL"
                + " AND (t.date_bitmask >> (d.day - 1)) % 2 = 1"
                + " AND d.day <= extract(day FROM (t.triplet_month + interval '1 month' - interval '1 day'))"
                + " AND t.triplet_month + (d.day - 1) BETWEEN date '2026-03-01' AND date '2026-05-31'");
        assertThat(report.numbersFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(report.numbersSeen()).isEqualTo(expected).isEqualTo(4);
    }

    @Test
    void compute_refusedAttempts_areTheUnpairedSimRefusalsOfThePeriod() {
        ArticleReport report = report();
        assertThat(report.refusedAttempts()).isEqualTo(sql("SELECT sum(checks) FROM check_counter"
                + " WHERE reason = 'CLONE_UNPAIRED_SIM' AND day >= '2026-05-01' AND day <= '2026-05-31'")).isEqualTo(15);
        assertThat(report.refusedPerDay()).containsExactly(
                new ArticleReport.OperatorDay(LocalDate.of(2026, 5, 1), "azercell", 7),
                new ArticleReport.OperatorDay(LocalDate.of(2026, 5, 1), "bakcell", 5),
                new ArticleReport.OperatorDay(LocalDate.of(2026, 5, 31), "unknown", 3));
    }

    @Test
    void compute_appeals_countedAsTheAppealsTableCountsThem() {
        var appeals = report().appeals();
        String inMay = " FROM appeal WHERE duplicate_of IS NULL AND received_at >= timestamptz '2026-05-01 00:00+04'"
                + " AND received_at < timestamptz '2026-06-01 00:00+04'";
        assertThat(appeals.received()).isEqualTo(sql("SELECT count(*)" + inMay)).isEqualTo(6);
        assertThat(appeals.approvedNumberChange()).isEqualTo(sql("SELECT count(*)" + inMay
                + " AND status = 'APPROVED' AND kind = 'NUMBER_CHANGE'")).isEqualTo(2);
        assertThat(appeals.approvedOriginalOwner()).isEqualTo(sql("SELECT count(*)" + inMay
                + " AND status = 'APPROVED' AND kind = 'ORIGINAL_OWNER'")).isEqualTo(1);
        assertThat(appeals.approvedOther()).isEqualTo(sql("SELECT count(*)" + inMay
                + " AND status = 'APPROVED' AND kind = 'OTHER'")).isZero();
        assertThat(appeals.rejected()).isEqualTo(sql("SELECT count(*)" + inMay + " AND status = 'REJECTED'"))
                .isEqualTo(1);
        assertThat(appeals.pending()).isEqualTo(sql("SELECT count(*)" + inMay
                + " AND status NOT IN ('APPROVED', 'REJECTED')")).isEqualTo(2);
    }

    @Test
    void compute_registrationsAndDuty_countPeopleAndImportersNotListsTakenOver() {
        ArticleReport report = report();
        String activatedInMay = " FROM registration WHERE kind IN ('INDIVIDUAL', 'IMPORTER')"
                + " AND activated_at >= timestamptz '2026-05-01 00:00+04' AND activated_at < timestamptz '2026-06-01 00:00+04'";
        assertThat(report.registrations()).isEqualTo(sql("SELECT count(*)" + activatedInMay)).isEqualTo(4);
        assertThat(report.registeredPhones()).isEqualTo(sql("SELECT sum(device_count)" + activatedInMay)).isEqualTo(43);
        String paidInMay = " FROM payment WHERE received_at >= timestamptz '2026-05-01 00:00+04'"
                + " AND received_at < timestamptz '2026-06-01 00:00+04'";
        assertThat(report.duty("AZN").movePointRight(2).longValueExact())
                .isEqualTo(sql("SELECT sum(amount * 100)" + paidInMay + " AND currency = 'AZN'")).isEqualTo(325_050);
        assertThat(report.duty("USD").movePointRight(2).longValueExact())
                .isEqualTo(sql("SELECT sum(amount * 100)" + paidInMay + " AND currency = 'USD'")).isEqualTo(1_000);
        assertThat(report.registrationsPerDay().stream().map(ArticleReport.RegistrationDay::duty)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(report.duty("AZN"));
    }

    @Test
    void compute_blockedUnregistered_isTheGraceThatRanOutInThePeriodUnsettled() {
        ArticleReport report = report();
        assertThat(report.blockedUnregistered()).isEqualTo(sql("SELECT count(*) FROM registration_deadline"
                + " WHERE blocked_from >= '2026-05-01' AND blocked_from <= '2026-05-31'"
                + " AND NOT (resolved IS NOT NULL AND resolved_at < (blocked_from::timestamp AT TIME ZONE 'Asia/Baku'))"))
                .isEqualTo(3);
    }

    @Test
    void compute_periodBackwards_isRefusedNamingTheOptions() {
        assertThatThrownBy(() -> ArticleReport.compute(database, BAKU, "AZN", TO, FROM, TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--from must not be after --to");
    }

    @Test
    void write_eachFormat_carriesTheFigures() {
        ArticleReport report = report();
        assertThat(ReportFormat.TEXT.write(report)).contains("4 IMEIs were given clone status (1 since lifted)")
                .contains("subscriber identities of 4 mobile numbers").contains("15 network attach attempts")
                .contains("2 as number changes").contains("3,250.50 AZN");
        assertThat(ReportFormat.CSV.write(report)).startsWith("figure,value\nfrom,2026-05-01\n")
                .contains("\nrefused_attempts,15\n").contains("\nduty_collected_azn,3250.50\n");
        assertThat(ReportFormat.JSON.write(report)).contains("\"clone_imeis\" : 4").contains("\"from\" : \"2026-05-01\"");
        assertThatThrownBy(() -> ReportFormat.named("xml")).hasMessage("format 'xml': one of text, csv, json");
    }

    @Test
    void compute_emptyDatabasePeriod_isAllZeros() {
        ArticleReport report = ArticleReport.compute(database, BAKU, "AZN", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 31), TODAY);
        assertThat(report.cloneImeis() + report.numbersSeen() + report.refusedAttempts() + report.registrations()
                + report.blockedUnregistered() + report.appeals().received()).isZero();
        assertThat(ReportFormat.TEXT.write(report)).contains("nothing of state duty");
    }
}
