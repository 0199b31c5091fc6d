package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.ceir.ingest.Report.Verdict;

/**
 * Issue 3's data-quality checks of an operator file, judged against {@link IngestSettings}. With
 * the checks off every check is still computed and reported, as SKIPPED, so the report says what
 * the file held.
 */
final class OperatorChecks {
    private final IngestSettings settings;
    private final boolean enabled;
    private final Report report;

    OperatorChecks(IngestSettings settings, boolean enabled, Report report) {
        this.settings = settings;
        this.enabled = enabled;
        this.report = report;
    }

    /** Judges the file; returns the checks that failed (none when the checks are off). */
    List<Report.Check> judge(Connection connection, short operatorId, OperatorFileName name,
                             OperatorFileReader file, LocalDate today) throws SQLException {
        long rows = file.rows;
        verdict("file name dates", !name.end().isAfter(today),
                "covers " + name.start() + " to " + name.end() + (name.end().isAfter(today)
                        ? ", which ends after today (" + today + ")" : ", not after today"), List.of());
        ratio("rows inside the name's dates", file.outsideRange, rows, settings.maxOutsideRangeRatio(), "outside");
        ratio("empty IMEI", file.imeiEmpty, rows, settings.maxEmptyRatio(), "empty");
        ratio("empty IMSI", file.imsiEmpty, rows, settings.maxEmptyRatio(), "empty");
        ratio("empty MSISDN", file.msisdnEmpty, rows, settings.maxEmptyRatio(), "empty");
        ratio("unparseable IMEI", file.imeiUnusable, rows, settings.maxUnparseableRatio(),
                "without a 14-digit body (kept as unusable keys)");
        ratio("unparseable IMSI", file.imsiUnparseable, rows, settings.maxUnparseableRatio(), "not 6 to 15 digits");
        ratio("unparseable MSISDN", file.msisdnUnparseable, rows, settings.maxUnparseableRatio(),
                "not an E.164 number of 7 to 15 digits");
        if (file.hasRat) {
            ratio("unparseable RAT", file.ratUnparseable, rows, settings.maxUnparseableRatio(),
                    "not pipe-separated RAT Type codes 001 to 010");
        }
        ratio("foreign IMSI", file.imsiForeign, rows, settings.maxForeignRatio(), "of another country's MCC");
        ratio("foreign MSISDN", file.msisdnForeign, rows, settings.maxForeignRatio(), "of another country code");
        ratio("IMSI off the network", file.imsiOffNetwork, rows, settings.maxOffNetworkRatio(),
                "not of the operator's own network");
        history(connection, operatorId, name, file);
        return report.failed();
    }

    private void history(Connection connection, short operatorId, OperatorFileName name, OperatorFileReader file)
            throws SQLException {
        long historyDays;
        double imeis;
        double imsis;
        double msisdns;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*), coalesce(avg(imeis), 0), coalesce(avg(imsis), 0), coalesce(avg(msisdns), 0)"
                        + " FROM operator_day_stats WHERE operator_id = ? AND day >= ? AND day < ?")) {
            query.setShort(1, operatorId);
            query.setObject(2, name.start().minusDays(settings.historyDays()));
            query.setObject(3, name.start());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                historyDays = row.getLong(1);
                imeis = row.getDouble(2);
                imsis = row.getDouble(3);
                msisdns = row.getDouble(4);
            }
        }
        if (historyDays == 0) {
            report.check("history", Verdict.SKIPPED, "no data of this operator in the " + settings.historyDays()
                    + " days before " + name.start(), List.of());
            return;
        }
        double days = name.days();
        double fileImeis = 0;
        double fileImsis = 0;
        double fileMsisdns = 0;
        for (var entry : file.days.entrySet()) {
            LocalDate day = LocalDate.ofEpochDay(entry.getKey());
            if (!day.isBefore(name.start()) && !day.isAfter(name.end())) {
                fileImeis += entry.getValue().imeis.getEstimate();
                fileImsis += entry.getValue().imsis.getEstimate();
                fileMsisdns += entry.getValue().msisdns.getEstimate();
            }
        }
        String basis = " (daily average over the " + name.days() + " day(s) of the name, against "
                + historyDays + " day(s) of history)";
        historyCheck("history IMEIs", fileImeis / days, imeis, basis);
        historyCheck("history IMSIs", fileImsis / days, imsis, basis);
        historyCheck("history MSISDNs", fileMsisdns / days, msisdns, basis);
    }

    private void historyCheck(String check, double file, double history, String basis) {
        double share = history == 0 ? 1 : file / history;
        verdict(check, share >= settings.minHistoryRatio(), String.format(Locale.ROOT,
                "%,.0f a day, %s of the usual %,.0f; at least %s", file, Report.percent(share), history,
                Report.percent(settings.minHistoryRatio())) + basis, List.of());
    }

    private void ratio(String check, Tally tally, long rows, double limit, String what) {
        double share = rows == 0 ? 0 : (double) tally.count() / rows;
        verdict(check, share <= limit, String.format(Locale.ROOT, "%,d of %,d rows %s (%s); at most %s",
                tally.count(), rows, what, Report.percent(share), Report.percent(limit)), tally.samples());
    }

    private void verdict(String check, boolean passed, String detail, List<String> samples) {
        if (!enabled) {
            report.check(check, Verdict.SKIPPED, "checks off: " + detail, samples);
        } else {
            report.check(check, passed ? Verdict.PASSED : Verdict.FAILED, detail, passed ? List.of() : samples);
        }
    }
}
