package org.ceir.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.ceir.store.AuditLog;

/**
 * DIRBS's registration list as {@code registration} rows of kind IMPORTED: one per
 * {@code device_id} (a dual-SIM phone's IMEIs together), or one per IMEI without one, referenced
 * {@code imported:device:<id>} or {@code imported:imei:<imei>}. {@code whitelist} (or empty) is
 * ACTIVE, {@code pending} is PENDING_PAYMENT. A full file replaces the imported registrations: one
 * no longer listed is CANCELLED (kept, with its IMEIs, as history). Registrations made in ceir
 * (individuals, importers) are never touched, and an IMEI they hold refuses the file.
 */
final class RegistrationListImport extends ListImport {
    RegistrationListImport(FileSource source, String sha256, ImportOptions options, IngestSettings settings,
                           ImportListener listener) {
        super(source, sha256, options, settings, listener);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.REGISTRATIONS;
    }

    @Override
    List<String> required() {
        return List.of("approved_imei", "make", "model", "status");
    }

    @Override
    List<String> optional() {
        return List.of("model_number", "brand_name", "device_type", "radio_interface", "device_id");
    }

    @Override
    String stageColumns() {
        return "imei bigint, make text, model text, status text, device_id text";
    }

    @Override
    void row(Fields fields, Header header, Change change, CopyWriter copy) {
        long imei = imei(fields.text(header.index("approved_imei")));
        String status = text(fields, header, "status");
        String registration;
        if (status == null || status.equalsIgnoreCase("whitelist")) {
            registration = "ACTIVE";
        } else if (status.equalsIgnoreCase("pending")) {
            registration = "PENDING_PAYMENT";
        } else {
            throw new IllegalArgumentException("status '" + status + "' is not whitelist, pending or empty");
        }
        String make = text(fields, header, "make");
        String model = text(fields, header, "model");
        if (change != Change.REMOVE && (make == null || model == null)) {
            throw new IllegalArgumentException("make and model are needed");
        }
        copy.number(imei).text(make).text(model).text(registration).text(text(fields, header, "device_id"));
    }

    @Override
    Outcome merge(Connection connection, String stage, long rows, Tally errors, Report report) throws SQLException {
        String current = "SELECT ri.imei, r.reference, r.make, r.model, r.status FROM registration r"
                + " JOIN registration_imei ri ON ri.registration_id = r.id WHERE r.kind = 'IMPORTED' AND r.status <> 'CANCELLED'";
        errorsFrom(connection, "SELECT max(line), 'IMEI ' || lpad(imei::text, 14, '0') || ' is on more than one row'"
                + " FROM " + stage + " GROUP BY imei HAVING count(*) > 1 ORDER BY 1", errors);
        errorsFrom(connection, "SELECT s.line, 'IMEI ' || lpad(s.imei::text, 14, '0') || ' is already registered in ceir ('"
                + " || r.reference || ', ' || lower(r.kind) || ')' FROM " + stage + " s JOIN registration_imei ri ON ri.imei = s.imei"
                + " JOIN registration r ON r.id = ri.registration_id WHERE r.kind <> 'IMPORTED' AND r.status <> 'CANCELLED'"
                + " AND s.change <> 'REMOVE' ORDER BY s.line", errors);
        if (options.delta()) {
            errorsFrom(connection, "SELECT s.line, 'IMEI ' || lpad(s.imei::text, 14, '0') || ' is already on the list'"
                    + " FROM " + stage + " s JOIN (" + current + ") c ON c.imei = s.imei WHERE s.change = 'ADD'"
                    + " ORDER BY s.line", errors);
            errorsFrom(connection, "SELECT s.line, 'IMEI ' || lpad(s.imei::text, 14, '0') || ' is not on the list'"
                    + " FROM " + stage + " s WHERE s.change <> 'ADD' AND NOT EXISTS (SELECT 1 FROM (" + current
                    + ") c WHERE c.imei = s.imei) ORDER BY s.line", errors);
        }
        if (errors.count() > 0) {
            return null;
        }
        String desired = "ingest_desired_" + jobId;
        String reference = "coalesce('imported:device:' || s.device_id, 'imported:imei:' || lpad(s.imei::text, 14, '0'))";
        update(connection, "CREATE TEMP TABLE " + desired + " ON COMMIT DROP AS "
                + (options.delta()
                ? "SELECT c.* FROM (" + current + ") c WHERE c.imei NOT IN (SELECT imei FROM " + stage + ")"
                        + " UNION ALL SELECT s.imei, CASE WHEN s.change = 'UPDATE' AND s.device_id IS NULL THEN c.reference"
                        + " ELSE " + reference + " END, s.make, s.model, s.status FROM " + stage + " s"
                        + " LEFT JOIN (" + current + ") c ON c.imei = s.imei WHERE s.change <> 'REMOVE'"
                : "SELECT s.imei, " + reference + " AS reference, s.make, s.model, s.status FROM " + stage + " s"));
        String affected = "ingest_affected_" + jobId;
        update(connection, "CREATE TEMP TABLE " + affected + " ON COMMIT DROP AS SELECT imei, false AS registered_after,"
                + " EXISTS (SELECT 1 FROM registration_imei ri JOIN registration r ON r.id = ri.registration_id"
                + " WHERE ri.imei = a.imei AND r.status = 'ACTIVE') AS registered_before"
                + " FROM (SELECT imei FROM " + desired + " UNION SELECT imei FROM (" + current + ") c) a");

        long upserted = update(connection, "INSERT INTO registration AS r (reference, kind, status, make, model, tac,"
                + " created_by, activated_at) SELECT DISTINCT ON (reference) reference, 'IMPORTED', status, make, model,"
                + " (imei / 1000000)::int, ?, CASE WHEN status = 'ACTIVE' THEN now() END FROM " + desired
                + " ORDER BY reference, imei ON CONFLICT (reference) DO UPDATE SET status = excluded.status,"
                + " make = excluded.make, model = excluded.model, tac = excluded.tac,"
                + " activated_at = CASE WHEN excluded.status = 'ACTIVE' AND r.status <> 'ACTIVE' THEN now()"
                + " ELSE r.activated_at END"
                + " WHERE r.kind = 'IMPORTED' AND (r.status, r.make, r.model, r.tac)"
                + " IS DISTINCT FROM (excluded.status, excluded.make, excluded.model, excluded.tac)", options.actor());
        long cancelled = update(connection, "UPDATE registration SET status = 'CANCELLED' WHERE kind = 'IMPORTED'"
                + " AND status <> 'CANCELLED' AND reference NOT IN (SELECT reference FROM " + desired + ")");
        long detached = update(connection, "DELETE FROM registration_imei ri USING registration r"
                + " WHERE ri.registration_id = r.id AND r.kind = 'IMPORTED' AND r.status <> 'CANCELLED'"
                + " AND NOT EXISTS (SELECT 1 FROM " + desired + " d WHERE d.imei = ri.imei AND d.reference = r.reference)");
        long attached = update(connection, "INSERT INTO registration_imei (registration_id, imei)"
                + " SELECT r.id, d.imei FROM " + desired + " d JOIN registration r ON r.reference = d.reference"
                + " ORDER BY d.imei ON CONFLICT DO NOTHING");
        update(connection, "UPDATE " + affected + " a SET registered_after = EXISTS (SELECT 1 FROM registration_imei ri"
                + " JOIN registration r ON r.id = ri.registration_id WHERE ri.imei = a.imei AND r.status = 'ACTIVE')");
        long registered = update(connection, "INSERT INTO change_log (imei, change, detail) SELECT imei, 'REGISTERED',"
                + " json_build_object('import_job', ?::bigint)::text FROM " + affected
                + " WHERE registered_after AND NOT registered_before ORDER BY imei", jobId);
        long unregistered = update(connection, "INSERT INTO change_log (imei, change, detail) SELECT imei, 'UNREGISTERED',"
                + " json_build_object('import_job', ?::bigint)::text FROM " + affected
                + " WHERE registered_before AND NOT registered_after ORDER BY imei", jobId);
        report.count("registrations added or changed", upserted).count("registrations cancelled", cancelled)
                .count("IMEIs attached", attached).count("IMEIs detached", detached)
                .count("IMEIs now registered", registered).count("IMEIs no longer registered", unregistered);
        long changed = upserted + cancelled + attached + detached;
        if (changed > 0) {
            AuditLog.append(connection, options.actor(), "IMPORT_REGISTRATION_LIST", "import_job:" + jobId, null,
                    Json.object("file", source.name(), "sha256", sha256, "mode", options.delta() ? "delta" : "full",
                            "rows", rows, "registrations_upserted", upserted, "registrations_cancelled", cancelled,
                            "imeis_registered", registered, "imeis_unregistered", unregistered), null);
        }
        return new Outcome(changed > 0, rows, changed, null, null, summary(rows, changed, String.format(Locale.ROOT,
                "%,d registrations added or changed, %,d cancelled; %,d IMEIs now registered, %,d no longer",
                upserted, cancelled, registered, unregistered)));
    }
}
