package org.ceir.detect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceir.core.identity.Imei;
import org.ceir.store.AuditLog;
import org.ceir.store.ChangeLog;

/**
 * Every change a clone case makes, each in the caller's transaction and each with its status
 * change, its change-log rows and its audit entry together: opening (SUSPECTED_CLONE), confirming
 * (CLONE and the GRANDFATHERED pairings), dismissing, lifting, and expiring.
 */
final class CaseActions {
    private CaseActions() {
    }

    /** A case row as the actions need it. */
    record CaseRow(long id, long imei, String condition, String status, double score, List<String> imsis) {
    }

    static CaseRow lockCase(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, imei, condition, status, score, imsis FROM clone_case WHERE id = ? FOR UPDATE")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("there is no case " + id + "; ceir cases list shows the cases");
                }
                return read(row);
            }
        }
    }

    static CaseRow read(ResultSet row) throws SQLException {
        return new CaseRow(row.getLong("id"), row.getLong("imei"), row.getString("condition"), row.getString("status"),
                row.getDouble("score"), List.of((String[]) row.getArray("imsis").getArray()));
    }

    /** Opens a case: the IMEI becomes SUSPECTED_CLONE and enters the review queue. */
    static long open(Connection connection, long imei, String condition, String reason, double score,
                     List<String> imsis, String evidence, Long runId, Long reopens, String actor, String why)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO clone_case (imei, condition, status, score, imsis, opened_run, reopens, last_run,"
                        + " evidence_at_open) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            insert.setLong(1, imei);
            insert.setString(2, condition);
            insert.setDouble(3, score);
            insert.setArray(4, textArray(connection, imsis));
            setNullableLong(insert, 5, runId);
            setNullableLong(insert, 6, reopens);
            setNullableLong(insert, 7, runId);
            insert.setString(8, evidence);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        setStatus(connection, imei, "SUSPECTED_CLONE", reason, "case:" + id, false, actor);
        ChangeLog.append(connection, imei, "STATUS_SET", json("status", "SUSPECTED_CLONE", "case", id));
        AuditLog.append(connection, actor, reopens == null ? "CASE_OPENED" : "CASE_REOPENED", subject(imei), null,
                json("status", "SUSPECTED_CLONE", "case", id, "score", score, "sims", imsis.size()), why);
        return id;
    }

    /**
     * Confirms an open case: CLONE (sticky), and a GRANDFATHERED pairing for every SIM seen with the
     * IMEI since {@code pairFrom}.
     *
     * @return the pairings made
     */
    static int confirm(Connection connection, CaseRow c, String reason, String conditionReason, String actor,
                       String evidence, List<String> imsis, LocalDate pairFrom) throws SQLException {
        requireStatus(c, "OPEN", "confirmed");
        decide(connection, c, "CONFIRMED", actor, reason, evidence, imsis);
        clearStatus(connection, c.imei(), "SUSPECTED_CLONE");
        setStatus(connection, c.imei(), "CLONE", conditionReason, "case:" + c.id(), true, actor);
        ChangeLog.append(connection, c.imei(), "STATUS_CLEARED", json("status", "SUSPECTED_CLONE", "case", c.id()));
        ChangeLog.append(connection, c.imei(), "STATUS_SET", json("status", "CLONE", "case", c.id()));
        int paired = pair(connection, c, actor, pairFrom);
        AuditLog.append(connection, actor, "CASE_CONFIRMED", subject(c.imei()),
                json("status", "SUSPECTED_CLONE", "case", c.id()),
                json("status", "CLONE", "case", c.id(), "pairings", paired, "sims", imsis.size()), reason);
        return paired;
    }

    /** Dismisses an open case: the IMEI is no longer suspected; the SIMs seen now are remembered. */
    static void dismiss(Connection connection, CaseRow c, String reason, String actor, String evidence,
                        List<String> imsis) throws SQLException {
        requireStatus(c, "OPEN", "dismissed");
        decide(connection, c, "DISMISSED", actor, reason, evidence, imsis);
        clearStatus(connection, c.imei(), "SUSPECTED_CLONE");
        ChangeLog.append(connection, c.imei(), "STATUS_CLEARED", json("status", "SUSPECTED_CLONE", "case", c.id()));
        AuditLog.append(connection, actor, "CASE_DISMISSED", subject(c.imei()),
                json("status", "SUSPECTED_CLONE", "case", c.id()), json("case", c.id(), "sims", imsis.size()), reason);
    }

    /** Lifts a confirmed case: CLONE goes, and so do the pairings its confirmation made. */
    static int lift(Connection connection, CaseRow c, String reason, String actor, List<String> imsis)
            throws SQLException {
        requireStatus(c, "CONFIRMED", "lifted");
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clone_case SET status = 'LIFTED', lifted_by = ?, lifted_at = now(), lift_reason = ?,"
                        + " imsis = ? WHERE id = ?")) {
            update.setString(1, actor);
            update.setString(2, reason);
            update.setArray(3, textArray(connection, union(c.imsis(), imsis)));
            update.setLong(4, c.id());
            update.executeUpdate();
        }
        clearStatus(connection, c.imei(), "CLONE");
        ChangeLog.append(connection, c.imei(), "STATUS_CLEARED", json("status", "CLONE", "case", c.id()));
        int removed = 0;
        try (PreparedStatement unpair = connection.prepareStatement(
                "UPDATE pairing SET removed_by = ?, removed_at = now(), removed_reason = ?"
                        + " WHERE imei = ? AND ref = ? AND kind = 'GRANDFATHERED' AND removed_at IS NULL"
                        + " RETURNING imsi, msisdn")) {
            unpair.setString(1, actor);
            unpair.setString(2, "clone status lifted: " + reason);
            unpair.setLong(3, c.imei());
            unpair.setString(4, "case:" + c.id());
            try (ResultSet rows = unpair.executeQuery()) {
                while (rows.next()) {
                    removed++;
                    ChangeLog.append(connection, c.imei(), "UNPAIRED",
                            json("imsi", rows.getString(1), "msisdn", rows.getString(2), "case", c.id()));
                }
            }
        }
        AuditLog.append(connection, actor, "CASE_LIFTED", subject(c.imei()),
                json("status", "CLONE", "case", c.id()), json("case", c.id(), "pairings_removed", removed), reason);
        return removed;
    }

    /** Closes an open case whose IMEI no longer meets its (non-sticky) condition. */
    static void expire(Connection connection, CaseRow c, long runId, String actor) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clone_case SET status = 'EXPIRED', last_run = ? WHERE id = ?")) {
            update.setLong(1, runId);
            update.setLong(2, c.id());
            update.executeUpdate();
        }
        clearStatus(connection, c.imei(), "SUSPECTED_CLONE");
        ChangeLog.append(connection, c.imei(), "STATUS_CLEARED", json("status", "SUSPECTED_CLONE", "case", c.id()));
        AuditLog.append(connection, actor, "CASE_EXPIRED", subject(c.imei()),
                json("status", "SUSPECTED_CLONE", "case", c.id()), json("case", c.id()),
                "no longer meets condition " + c.condition() + " in run " + runId);
    }

    private static void decide(Connection connection, CaseRow c, String status, String actor, String reason,
                               String evidence, List<String> imsis) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clone_case SET status = ?, decided_by = ?, decided_at = now(), decision_reason = ?,"
                        + " evidence_at_decision = ?::jsonb, imsis = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, actor);
            update.setString(3, reason);
            update.setString(4, evidence);
            update.setArray(5, textArray(connection, union(c.imsis(), imsis)));
            update.setLong(6, c.id());
            update.executeUpdate();
        }
    }

    /** Pairs every SIM seen with the IMEI since {@code from}: per IMSI with its latest MSISDN, and MSISDN-only rows. */
    private static int pair(Connection connection, CaseRow c, String actor, LocalDate from) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> msisdnOnly = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT ON (imsi, CASE WHEN imsi IS NULL THEN msisdn END) imsi, msisdn FROM network_triplet"
                        + " WHERE imei = ? AND triplet_month >= date_trunc('month', ?::date) AND last_seen >= ?"
                        + " AND (imsi IS NOT NULL OR msisdn IS NOT NULL)"
                        + " ORDER BY imsi, CASE WHEN imsi IS NULL THEN msisdn END, last_seen DESC, msisdn")) {
            query.setLong(1, c.imei());
            query.setObject(2, from);
            query.setObject(3, from);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        pairs.put(rows.getString(1), rows.getString(2));
                    } else {
                        msisdnOnly.add(rows.getString(2));
                    }
                }
            }
        }
        int made = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pairing (imei, imsi, msisdn, kind, ref, created_by) VALUES (?, ?, ?, 'GRANDFATHERED', ?, ?)"
                        + " ON CONFLICT (imei, imsi) WHERE removed_at IS NULL AND imsi IS NOT NULL DO NOTHING");
             PreparedStatement msisdnExists = connection.prepareStatement(
                "SELECT 1 FROM pairing WHERE imei = ? AND imsi IS NULL AND msisdn = ? AND removed_at IS NULL")) {
            for (Map.Entry<String, String> pair : pairs.entrySet()) {
                made += insertPairing(connection, insert, c, pair.getKey(), pair.getValue(), actor);
            }
            for (String msisdn : msisdnOnly) {
                msisdnExists.setLong(1, c.imei());
                msisdnExists.setString(2, msisdn);
                try (ResultSet row = msisdnExists.executeQuery()) {
                    if (!row.next()) {
                        made += insertPairing(connection, insert, c, null, msisdn, actor);
                    }
                }
            }
        }
        return made;
    }

    private static int insertPairing(Connection connection, PreparedStatement insert, CaseRow c, String imsi,
                                     String msisdn, String actor) throws SQLException {
        insert.setLong(1, c.imei());
        insert.setString(2, imsi);
        insert.setString(3, msisdn);
        insert.setString(4, "case:" + c.id());
        insert.setString(5, actor);
        if (insert.executeUpdate() == 0) {
            return 0;
        }
        ChangeLog.append(connection, c.imei(), "PAIRED",
                json("imsi", imsi, "msisdn", msisdn, "kind", "GRANDFATHERED", "case", c.id()));
        return 1;
    }

    private static void setStatus(Connection connection, long imei, String status, String reason, String ref,
                                  boolean sticky, String actor) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO device_status (imei, status, reason, ref, sticky, set_by) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (imei, status) DO UPDATE SET reason = excluded.reason, ref = excluded.ref,"
                        + " sticky = excluded.sticky, set_by = excluded.set_by, since = now()")) {
            upsert.setLong(1, imei);
            upsert.setString(2, status);
            upsert.setString(3, reason);
            upsert.setString(4, ref);
            upsert.setBoolean(5, sticky);
            upsert.setString(6, actor);
            upsert.executeUpdate();
        }
    }

    private static void clearStatus(Connection connection, long imei, String status) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM device_status WHERE imei = ? AND status = ?")) {
            delete.setLong(1, imei);
            delete.setString(2, status);
            delete.executeUpdate();
        }
    }

    private static void requireStatus(CaseRow c, String expected, String verb) {
        if (!c.status().equals(expected)) {
            throw new IllegalStateException("case " + c.id() + " (IMEI " + Imei.formatKey(c.imei()) + ") is "
                    + c.status() + "; only an " + expected + " case can be " + verb);
        }
    }

    static List<String> union(List<String> a, List<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static String subject(long imei) {
        return "imei:" + Imei.formatKey(imei);
    }

    /** A small JSON object from name/value pairs (strings quoted, numbers and null as they are). */
    static String json(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return Json.write(map);
    }
}
