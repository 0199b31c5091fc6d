package org.ceir.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.ceir.core.identity.Imei;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppealReportTest {
    private static Database database;
    private static Appeals appeals;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        appeals = new AppealFixture(database).appeals();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void report_countsTheArticlesTable() {
        String a = file(1, "1AAA111", AppealKind.NUMBER_CHANGE);
        file(1, "1AAA111", AppealKind.NUMBER_CHANGE); // a duplicate, decided with the first
        String b = file(2, "2BBB222", AppealKind.ORIGINAL_OWNER);
        String c = file(3, "3CCC333", AppealKind.NUMBER_CHANGE);
        String d = file(4, "4DDD444", AppealKind.OTHER);
        file(5, "5EEE555", AppealKind.NUMBER_CHANGE);
        appeals.approve(a, "analyst", "number change", null);
        appeals.approve(b, "analyst", "registered owner", null);
        appeals.reject(c, "analyst", "unfounded");
        appeals.requestInfo(d, "analyst", "which phone?");

        AppealReport report = appeals.report(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));

        assertThat(report.received()).isEqualTo(5);
        assertThat(report.atPostOffice()).isEqualTo(5);
        assertThat(report.approvedNumberChange()).isEqualTo(1);
        assertThat(report.approvedOriginalOwner()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.pending()).isEqualTo(2);
        assertThat(report.pendingInfoRequested()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.decided()).isEqualTo(3);
        assertThat(report.medianDaysToDecision()).isPresent();
        assertThat(report.render()).contains("received", "number change", "median time to decision");
        assertThat(appeals.report(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)).received()).isZero();
    }

    private static String file(int serial, String fin, AppealKind kind) {
        String imei = Imei.ofKey(35209900001000L + serial).toString();
        return appeals.fileAtPostOffice(new NewAppeal(kind, imei, fin, "055 222 22 22", null, "055 222 22 22", "", "en",
                List.of()), "clerk", "AZ1000").tracking();
    }
}
