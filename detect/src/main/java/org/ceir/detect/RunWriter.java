package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * Applies a run's results in one transaction: each condition's classification state (DIRBS's
 * start and end dates), the evidence of every matched IMEI, and the clone cases: open for a new
 * match, re-open a dismissed or lifted one only when a SIM appears that the analyst did not see,
 * expire an open one that stopped matching a non-sticky condition, and auto-confirm above the
 * configured score. It never touches a status an analyst set.
 */
final class RunWriter {
    /** One matched IMEI's evidence, kept from the engine's pass. */
    record Found(double score, String evidence, List<String> imsis) {
    }

    private final Connection connection;
    private final long runId;
    private final LocalDate asOf;
    private final String actor;

    RunWriter(Connection connection, long runId, LocalDate asOf) {
        this.connection = connection;
        this.runId = runId;
        this.asOf = asOf;
        this.actor = "detect (run " + runId + ")";
    }

    /** Updates the condition's state rows; returns {started, ended}. */
    int[] applyState(ConditionConfig condition, long[] matched) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS detect_matched (imei bigint PRIMARY KEY) ON COMMIT DROP");
            statement.execute("TRUNCATE detect_matched");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO detect_matched SELECT unnest(?::bigint[])")) {
            insert.setArray(1, connection.createArrayOf("bigint", box(matched)));
            insert.executeUpdate();
        }
        int ended = 0;
        if (!condition.sticky()) {
            try (PreparedStatement close = connection.prepareStatement(
                    "UPDATE classification_state s SET end_date = ?, end_run = ? WHERE s.condition = ?"
                            + " AND s.end_date IS NULL AND NOT EXISTS (SELECT 1 FROM detect_matched m WHERE m.imei = s.imei)")) {
                close.setObject(1, asOf);
                close.setLong(2, runId);
                close.setString(3, condition.label());
                ended = close.executeUpdate();
            }
        }
        int started;
        try (PreparedStatement open = connection.prepareStatement(
                "INSERT INTO classification_state (imei, condition, start_date, block_date, start_run)"
                        + " SELECT m.imei, ?, ?, ?, ? FROM detect_matched m WHERE NOT EXISTS (SELECT 1"
                        + " FROM classification_state s WHERE s.condition = ? AND s.imei = m.imei AND s.end_date IS NULL)")) {
            open.setString(1, condition.label());
            open.setObject(2, asOf);
            open.setObject(3, condition.blocking() ? asOf.plusDays(condition.gracePeriodDays()) : null);
            open.setLong(4, runId);
            open.setString(5, condition.label());
            started = open.executeUpdate();
        }
        return new int[] {started, ended};
    }

    /** Keeps the newest evidence of every matched IMEI. */
    void saveEvidence(Long2ObjectOpenHashMap<Found> found) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO imei_evidence (imei, run_id, as_of, score, evidence) VALUES (?, ?, ?, ?, ?::jsonb)"
                        + " ON CONFLICT (imei) DO UPDATE SET run_id = excluded.run_id, as_of = excluded.as_of,"
                        + " score = excluded.score, evidence = excluded.evidence")) {
            int batch = 0;
            for (Long2ObjectOpenHashMap.Entry<Found> entry : found.long2ObjectEntrySet()) {
                upsert.setLong(1, entry.getLongKey());
                upsert.setLong(2, runId);
                upsert.setObject(3, asOf);
                upsert.setDouble(4, entry.getValue().score());
                upsert.setString(5, entry.getValue().evidence());
                upsert.addBatch();
                if (++batch % 5_000 == 0) {
                    upsert.executeBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    /**
     * Opens, re-opens, keeps, expires and auto-confirms the cases of the blocking clone conditions.
     *
     * @param matchedBy IMEI → the clone condition it matched (the first, when several)
     */
    RunReport.CaseCounts applyCases(Long2ObjectOpenHashMap<ConditionConfig> matchedBy, Set<String> cloneLabels,
                                    Long2ObjectOpenHashMap<Found> found, DetectSettings settings,
                                    LocalDate newestDay) throws SQLException {
        int opened = 0;
        int reopened = 0;
        int autoConfirmed = 0;
        int stillDismissed = 0;
        int exempt = 0;
        long[] keys = matchedBy.keySet().toLongArray();
        LongOpenHashSet exempted = new LongOpenHashSet();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei FROM device_status WHERE status = 'EXEMPT' AND imei = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", box(keys)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    exempted.add(rows.getLong(1));
                }
            }
        }
        Long2ObjectOpenHashMap<CaseActions.CaseRow> latest = new Long2ObjectOpenHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT ON (imei) id, imei, condition, status, score, imsis FROM clone_case"
                        + " WHERE imei = ANY (?) ORDER BY imei, id DESC")) {
            query.setArray(1, connection.createArrayOf("bigint", box(keys)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CaseActions.CaseRow row = CaseActions.read(rows);
                    latest.put(row.imei(), row);
                }
            }
        }
        java.util.Arrays.sort(keys);
        List<Long> toConfirm = new ArrayList<>();
        try (PreparedStatement touch = connection.prepareStatement(
                "UPDATE clone_case SET last_run = ?, score = ? WHERE id = ?")) {
            for (long imei : keys) {
                ConditionConfig condition = matchedBy.get(imei);
                Found evidence = found.get(imei);
                if (exempted.contains(imei)) {
                    exempt++;
                    continue;
                }
                CaseActions.CaseRow previous = latest.get(imei);
                String status = previous == null ? "NONE" : previous.status();
                switch (status) {
                    case "OPEN", "CONFIRMED" -> {
                        touch.setLong(1, runId);
                        touch.setDouble(2, evidence.score());
                        touch.setLong(3, previous.id());
                        touch.executeUpdate();
                        if (status.equals("OPEN") && autoConfirms(settings, evidence)) {
                            toConfirm.add(previous.id());
                        }
                    }
                    case "DISMISSED", "LIFTED" -> {
                        List<String> unseen = new ArrayList<>(evidence.imsis());
                        unseen.removeAll(new HashSet<>(previous.imsis()));
                        if (unseen.isEmpty()) {
                            stillDismissed++;
                        } else {
                            long id = CaseActions.open(connection, imei, condition.label(), condition.reason(),
                                    evidence.score(), evidence.imsis(), evidence.evidence(), runId, previous.id(), actor,
                                    "evidence grew past case " + previous.id() + " (" + status.toLowerCase()
                                            + "): " + unseen.size() + " SIM(s) not seen then");
                            reopened++;
                            if (autoConfirms(settings, evidence)) {
                                toConfirm.add(id);
                            }
                        }
                    }
                    default -> {
                        long id = CaseActions.open(connection, imei, condition.label(), condition.reason(),
                                evidence.score(), evidence.imsis(), evidence.evidence(), runId, null, actor,
                                "matched condition " + condition.label() + " as of " + asOf);
                        opened++;
                        if (autoConfirms(settings, evidence)) {
                            toConfirm.add(id);
                        }
                    }
                }
            }
        }
        LocalDate pairFrom = newestDay.plusDays(1).minusDays(settings.pairingLookbackDays());
        for (long id : toConfirm) {
            CaseActions.CaseRow row = CaseActions.lockCase(connection, id);
            Found evidence = found.get(row.imei());
            String reason = String.format(java.util.Locale.ROOT, "score %.0f reached the auto-confirm score %.0f",
                    evidence.score(), settings.autoConfirmScore());
            ConditionConfig condition = matchedBy.get(row.imei());
            CaseActions.confirm(connection, row, reason, condition.reason(), "detect (auto-confirm, run " + runId + ")",
                    evidence.evidence(), evidence.imsis(), pairFrom);
            autoConfirmed++;
        }
        int expired = expire(matchedBy, cloneLabels, settings);
        int open;
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM clone_case WHERE status = 'OPEN'");
             ResultSet row = count.executeQuery()) {
            row.next();
            open = row.getInt(1);
        }
        return new RunReport.CaseCounts(opened, reopened, autoConfirmed, expired, stillDismissed, exempt, open);
    }

    private int expire(Long2ObjectOpenHashMap<ConditionConfig> matchedBy, Set<String> cloneLabels,
                       DetectSettings settings) throws SQLException {
        Set<String> sticky = new HashSet<>();
        settings.conditions().stream().filter(ConditionConfig::sticky).forEach(c -> sticky.add(c.label()));
        List<CaseActions.CaseRow> stale = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, imei, condition, status, score, imsis FROM clone_case WHERE status = 'OPEN' ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                CaseActions.CaseRow row = CaseActions.read(rows);
                // a case of a condition no longer configured stays for an analyst; so does a sticky one
                if (cloneLabels.contains(row.condition()) && !sticky.contains(row.condition())
                        && !matchedBy.containsKey(row.imei())) {
                    stale.add(row);
                }
            }
        }
        for (CaseActions.CaseRow row : stale) {
            CaseActions.expire(connection, row, runId, actor);
        }
        return stale.size();
    }

    private static boolean autoConfirms(DetectSettings settings, Found evidence) {
        return settings.autoConfirms() && evidence.score() >= settings.autoConfirmScore();
    }

    static Long[] box(long[] keys) {
        Long[] boxed = new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            boxed[i] = keys[i];
        }
        return boxed;
    }
}
