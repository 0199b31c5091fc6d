package org.ceir.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.ceir.store.AuditLog;

/**
 * DIRBS's stolen list ({@code imei,reporting_date,status}) as {@code device_status} STOLEN rows,
 * sticky, with {@code ref = import:<job>}. A full file replaces what earlier stolen-list imports
 * set; statuses set by people (a police report through a clerk) are never touched.
 */
final class StolenListImport extends ListImport {
    StolenListImport(FileSource source, String sha256, ImportOptions options, IngestSettings settings,
                     ImportListener listener) {
        super(source, sha256, options, settings, listener);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STOLEN;
    }

    @Override
    List<String> required() {
        return List.of("imei", "reporting_date", "status");
    }

    @Override
    List<String> optional() {
        return List.of();
    }

    @Override
    String stageColumns() {
        return "imei bigint, reporting_date date";
    }

    @Override
    void row(Fields fields, Header header, Change change, CopyWriter copy) {
        long imei = imei(fields.text(header.index("imei")));
        String status = text(fields, header, "status");
        if (status != null && !List.of("stolen", "blacklist", "blocked").contains(status.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("status '" + status + "' is not empty, stolen, blacklist or blocked");
        }
        LocalDate reported = ListDates.parse(text(fields, header, "reporting_date"));
        if (reported != null && reported.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("reporting_date " + reported + " is in the future");
        }
        copy.number(imei).text(reported == null ? null : reported.toString());
    }

    @Override
    Outcome merge(Connection connection, String stage, long rows, Tally errors, Report report) throws SQLException {
        String current = "SELECT imei, since::date AS reporting_date FROM device_status"
                + " WHERE status = 'STOLEN' AND ref LIKE 'import:%'";
        if (options.delta()) {
            errorsFrom(connection, "SELECT s.line, 'IMEI ' || lpad(s.imei::text, 14, '0') || ' is already on the stolen list'"
                    + " FROM " + stage + " s JOIN (" + current + ") c ON c.imei = s.imei WHERE s.change = 'ADD'"
                    + " ORDER BY s.line", errors);
            errorsFrom(connection, "SELECT s.line, 'IMEI ' || lpad(s.imei::text, 14, '0') || ' is not on the stolen list'"
                    + " FROM " + stage + " s WHERE s.change <> 'ADD' AND NOT EXISTS (SELECT 1 FROM (" + current
                    + ") c WHERE c.imei = s.imei) ORDER BY s.line", errors);
            errorsFrom(connection, "SELECT max(line), 'IMEI ' || lpad(imei::text, 14, '0') || ' changes more than once'"
                    + " FROM " + stage + " GROUP BY imei HAVING count(*) > 1 ORDER BY 1", errors);
            if (errors.count() > 0) {
                return null;
            }
        }
        String desired = "ingest_desired_" + jobId;
        update(connection, "CREATE TEMP TABLE " + desired + " ON COMMIT DROP AS "
                + (options.delta()
                ? "SELECT imei, reporting_date FROM (" + current + ") c WHERE imei NOT IN (SELECT imei FROM " + stage + ")"
                        + " UNION ALL SELECT imei, reporting_date FROM " + stage + " WHERE change <> 'REMOVE'"
                : "SELECT DISTINCT ON (imei) imei, reporting_date FROM " + stage + " ORDER BY imei, reporting_date"));
        String ref = "import:" + jobId;
        long cleared = update(connection, "WITH gone AS (DELETE FROM device_status WHERE status = 'STOLEN'"
                + " AND ref LIKE 'import:%' AND imei NOT IN (SELECT imei FROM " + desired + ") RETURNING imei)"
                + " INSERT INTO change_log (imei, change, detail) SELECT imei, 'STATUS_CLEARED',"
                + " json_build_object('status', 'STOLEN', 'import_job', ?::bigint)::text FROM gone ORDER BY imei", jobId);
        long set = update(connection, "WITH added AS (INSERT INTO device_status (imei, status, reason, ref, sticky, set_by, since)"
                + " SELECT imei, 'STOLEN', 'stolen list', ?, true, ?, coalesce(reporting_date::timestamptz, now())"
                + " FROM " + desired + " ORDER BY imei ON CONFLICT (imei, status) DO NOTHING RETURNING imei)"
                + " INSERT INTO change_log (imei, change, detail) SELECT imei, 'STATUS_SET',"
                + " json_build_object('status', 'STOLEN', 'import_job', ?::bigint)::text FROM added ORDER BY imei",
                ref, options.actor(), jobId);
        long redated = update(connection, "UPDATE device_status d SET since = x.reporting_date::timestamptz FROM " + desired
                + " x WHERE d.imei = x.imei AND d.status = 'STOLEN' AND d.ref LIKE 'import:%'"
                + " AND x.reporting_date IS NOT NULL AND d.since::date <> x.reporting_date");
        report.count("IMEIs set stolen", set).count("IMEIs cleared", cleared).count("reporting dates changed", redated);
        long changed = set + cleared + redated;
        if (changed > 0) {
            AuditLog.append(connection, options.actor(), "IMPORT_STOLEN_LIST", "import_job:" + jobId, null,
                    Json.object("file", source.name(), "sha256", sha256, "mode", options.delta() ? "delta" : "full",
                            "rows", rows, "set", set, "cleared", cleared, "redated", redated), null);
        }
        return new Outcome(changed > 0, rows, changed, null, null, summary(rows, changed,
                String.format(Locale.ROOT, "%,d IMEIs set stolen, %,d cleared, %,d re-dated", set, cleared, redated)));
    }
}
