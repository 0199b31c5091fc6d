package org.ceir.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.ceir.core.country.NumberingPlan;
import org.ceir.core.identity.Imsi;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.store.AuditLog;

/**
 * DIRBS's pairing list ({@code imei,imsi,msisdn}) as {@code pairing} rows of kind IMPORTED. A full
 * file replaces the IMPORTED pairings (the others, from detection and appeals, are never touched);
 * a removed pairing is kept with who removed it and why.
 */
final class PairingListImport extends ListImport {
    private final NumberingPlan plan;

    PairingListImport(FileSource source, String sha256, ImportOptions options, IngestSettings settings,
                      ImportListener listener, NumberingPlan plan) {
        super(source, sha256, options, settings, listener);
        this.plan = plan;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PAIRINGS;
    }

    @Override
    List<String> required() {
        return List.of("imei", "imsi", "msisdn");
    }

    @Override
    List<String> optional() {
        return List.of();
    }

    @Override
    String stageColumns() {
        return "imei bigint, imsi text, msisdn text";
    }

    @Override
    void row(Fields fields, Header header, Change change, CopyWriter copy) {
        if (change == Change.UPDATE) {
            throw new IllegalArgumentException("change_type update: a pairing is added or removed, not updated");
        }
        long imei = imei(fields.text(header.index("imei")));
        String imsiText = text(fields, header, "imsi");
        String msisdnText = text(fields, header, "msisdn");
        if (imsiText == null && msisdnText == null) {
            throw new IllegalArgumentException("a pairing needs an IMSI or an MSISDN");
        }
        try {
            String imsi = imsiText == null ? null : Imsi.parse(imsiText).digits();
            String msisdn = msisdnText == null ? null : plan.parseMsisdn(msisdnText).digits();
            copy.number(imei).text(imsi).text(msisdn);
        } catch (InvalidIdentityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    Outcome merge(Connection connection, String stage, long rows, Tally errors, Report report) throws SQLException {
        String current = "SELECT imei, imsi, msisdn FROM pairing WHERE kind = 'IMPORTED' AND removed_at IS NULL";
        String same = "c.imei = s.imei AND c.imsi IS NOT DISTINCT FROM s.imsi AND c.msisdn IS NOT DISTINCT FROM s.msisdn";
        if (options.delta()) {
            errorsFrom(connection, "SELECT s.line, 'this pairing is already on the list' FROM " + stage + " s"
                    + " WHERE s.change = 'ADD' AND EXISTS (SELECT 1 FROM (" + current + ") c WHERE " + same + ")"
                    + " ORDER BY s.line", errors);
            errorsFrom(connection, "SELECT s.line, 'this pairing is not on the list' FROM " + stage + " s"
                    + " WHERE s.change = 'REMOVE' AND NOT EXISTS (SELECT 1 FROM (" + current + ") c WHERE " + same + ")"
                    + " ORDER BY s.line", errors);
            if (errors.count() > 0) {
                return null;
            }
        }
        String desired = "ingest_desired_" + jobId;
        update(connection, "CREATE TEMP TABLE " + desired + " ON COMMIT DROP AS "
                + (options.delta()
                ? "SELECT c.* FROM (" + current + ") c WHERE NOT EXISTS (SELECT 1 FROM " + stage + " s WHERE s.change = 'REMOVE'"
                        + " AND " + same + ") UNION SELECT imei, imsi, msisdn FROM " + stage + " WHERE change = 'ADD'"
                : "SELECT DISTINCT imei, imsi, msisdn FROM " + stage));
        String ref = "import:" + jobId;
        update(connection, "CREATE TEMP TABLE " + desired + "_unpaired ON COMMIT DROP AS WITH gone AS ("
                + " UPDATE pairing p SET removed_by = ?, removed_at = now(), removed_reason = ?"
                + " WHERE p.kind = 'IMPORTED' AND p.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM " + desired + " s"
                + " WHERE s.imei = p.imei AND s.imsi IS NOT DISTINCT FROM p.imsi AND s.msisdn IS NOT DISTINCT FROM p.msisdn)"
                + " RETURNING p.imei) SELECT imei FROM gone", options.actor(), "not on the pairing list of import " + jobId);
        update(connection, "CREATE TEMP TABLE " + desired + "_paired ON COMMIT DROP AS WITH added AS ("
                + " INSERT INTO pairing (imei, imsi, msisdn, kind, ref, created_by)"
                + " SELECT s.imei, s.imsi, s.msisdn, 'IMPORTED', ?, ? FROM " + desired + " s WHERE NOT EXISTS (SELECT 1 FROM"
                + " pairing c WHERE c.removed_at IS NULL AND " + same + ") ORDER BY s.imei"
                + " ON CONFLICT (imei, imsi) WHERE removed_at IS NULL AND imsi IS NOT NULL DO NOTHING RETURNING imei)"
                + " SELECT imei FROM added", ref, options.actor());
        long removed = count(connection, "SELECT count(*) FROM " + desired + "_unpaired");
        long added = count(connection, "SELECT count(*) FROM " + desired + "_paired");
        update(connection, "INSERT INTO change_log (imei, change, detail)"
                + " SELECT imei, 'PAIRED', json_build_object('import_job', ?::bigint)::text"
                + " FROM (SELECT DISTINCT imei FROM " + desired + "_paired) p ORDER BY imei", jobId);
        update(connection, "INSERT INTO change_log (imei, change, detail)"
                + " SELECT imei, 'UNPAIRED', json_build_object('import_job', ?::bigint)::text FROM (SELECT DISTINCT imei"
                + " FROM " + desired + "_unpaired EXCEPT SELECT imei FROM " + desired + "_paired) u ORDER BY imei", jobId);
        report.count("pairings added", added).count("pairings removed", removed);
        long changed = added + removed;
        if (changed > 0) {
            AuditLog.append(connection, options.actor(), "IMPORT_PAIRING_LIST", "import_job:" + jobId, null,
                    Json.object("file", source.name(), "sha256", sha256, "mode", options.delta() ? "delta" : "full",
                            "rows", rows, "added", added, "removed", removed), null);
        }
        return new Outcome(changed > 0, rows, changed, null, null, summary(rows, changed,
                String.format(Locale.ROOT, "%,d pairings added, %,d removed", added, removed)));
    }
}
