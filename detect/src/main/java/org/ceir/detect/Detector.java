package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.ceir.core.country.Country;
import org.ceir.store.Database;

/**
 * A detection run ({@code ceir detect}): reads the window's triplets once, classifies every IMEI
 * against every configured condition, and applies the results (state, evidence, cases) in one
 * transaction, recording the run with the exact configuration it used, its counts and its timing.
 */
public final class Detector {
    private final Database database;
    private final Country country;
    private final DetectSettings settings;
    private final Consumer<String> progress;

    public Detector(Database database, Country country, DetectSettings settings, Consumer<String> progress) {
        this.database = database;
        this.country = country;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs detection.
     *
     * @param asOf      the last day to look at; by default the newest day of network data
     * @param startedBy who asked, for the run's record
     * @param truth     the simulator's truth, to measure the clone conditions against
     * @throws IllegalStateException when there is no data, or the as-of day is before the last run's
     */
    public RunReport run(Optional<LocalDate> asOf, String startedBy, Optional<TruthFile> truth) {
        if (settings.conditions().isEmpty()) {
            throw new IllegalStateException("detect.conditions is empty: there is nothing to classify");
        }
        long started = System.nanoTime();
        List<CompiledCondition> conditions = settings.conditions().stream().map(CompiledCondition::new).toList();
        LocalDate newest = database.transaction(Classifier::newestDataDay).orElseThrow(() -> new IllegalStateException(
                "there is no network data yet: import operator files first (ceir import operator FILE…)"));
        LocalDate day = asOf.orElse(newest);
        LocalDate end = day.plusDays(1);
        LocalDate windowStart = end.minusDays(settings.windowDays());
        DayRange range = Engine.rangeFor(conditions, windowStart, end);
        long runId = database.transaction(connection -> begin(connection, day, range, startedBy));
        try {
            return execute(runId, conditions, day, newest, windowStart, range, truth, started);
        } catch (RuntimeException e) {
            database.transaction(connection -> finish(connection, runId, "FAILED", null, null, null,
                    e.getMessage() == null ? e.toString() : e.getMessage()));
            throw e;
        }
    }

    private RunReport execute(long runId, List<CompiledCondition> conditions, LocalDate asOf, LocalDate newest,
                              LocalDate windowStart, DayRange range, Optional<TruthFile> truth, long started) {
        Map<String, Long> timing = new LinkedHashMap<>();
        long[] phase = {System.nanoTime()};
        Set<Dimension.Lookup> needed = new HashSet<>();
        conditions.forEach(c -> needed.addAll(c.lookups()));
        short[] operatorIndex = new short[Short.MAX_VALUE + 1];
        List<String> operators = new ArrayList<>();
        Lookups[] lookups = new Lookups[1];
        long[] unusable = new long[1];
        progress.accept("run " + runId + ": as of " + asOf + ", window " + windowStart + " to " + asOf
                + (range.start().isBefore(windowStart) ? " (reading from " + range.start() + " for longer periods)" : ""));
        TripletTable table = database.transaction(connection -> {
            operators.addAll(TripletLoader.operatorCodes(connection, operatorIndex));
            lookups[0] = Lookups.load(connection, country, needed);
            unusable[0] = unusableValues(connection, windowStart, range.end());
            long expected = TripletLoader.estimate(connection, range);
            long loadStart = System.nanoTime();
            return TripletLoader.load(connection, range, operatorIndex, expected, rows -> progress.accept(
                    String.format(Locale.ROOT, "reading triplets: %,d%s, %,.0f rows/s", rows,
                            expected > 0 ? String.format(Locale.ROOT, " of ~%,d", expected) : "",
                            rows / Math.max(1e-9, (System.nanoTime() - loadStart) / 1e9))));
        });
        timing.put("load", lap(phase));

        int n = conditions.size();
        LongArrayList[] matched = new LongArrayList[n];
        for (int c = 0; c < n; c++) {
            matched[c] = new LongArrayList();
        }
        Long2ObjectOpenHashMap<RunWriter.Found> found = new Long2ObjectOpenHashMap<>();
        Long2IntOpenHashMap imsiCounts = new Long2IntOpenHashMap();
        long[] windowMask = range.suffix(windowStart);
        int windowFrom = range.index(windowStart);
        int imeis = new Engine(conditions, lookups[0]).run(table, windowStart, (history, hits) -> {
            if (truth.isPresent()) {
                imsiCounts.put(history.imei, history.validSimsWithin(windowMask));
            }
            if (hits == 0) {
                return;
            }
            for (int c = 0; c < n; c++) {
                if ((hits & (1L << c)) != 0) {
                    matched[c].add(history.imei);
                }
            }
            Evidence evidence = Evidence.of(history, windowFrom, operators, lookups[0], settings.evidenceSims());
            found.put(history.imei, new RunWriter.Found(evidence.score(), Json.write(evidence),
                    Evidence.imsis(history, windowMask)));
        }, done -> progress.accept(String.format(Locale.ROOT, "classifying: %,d IMEIs", done)));
        long triplets = table.size;
        timing.put("classify", lap(phase));

        List<RunReport.ConditionOutcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Long2ObjectOpenHashMap<ConditionConfig> cloneMatches = new Long2ObjectOpenHashMap<>();
        Set<String> appliedCloneLabels = new HashSet<>();
        LongOpenHashSet flagged = new LongOpenHashSet();
        RunReport.CaseCounts cases = database.transaction(connection -> {
            RunWriter writer = new RunWriter(connection, runId, asOf);
            for (int c = 0; c < n; c++) {
                ConditionConfig config = conditions.get(c).config;
                long[] keys = matched[c].toLongArray();
                double ratio = imeis == 0 ? 0 : (double) keys.length / imeis;
                if (ratio > config.maxAllowedMatchingRatio()) {
                    failures.add(String.format(Locale.ROOT, "condition %s matched %,d of %,d IMEIs (%.2f%%), above its"
                            + " max_allowed_matching_ratio of %.2f%%: its results were discarded", config.label(),
                            keys.length, imeis, ratio * 100, config.maxAllowedMatchingRatio() * 100));
                    outcomes.add(new RunReport.ConditionOutcome(config.label(), conditions.get(c).describe(),
                            keys.length, 0, 0, ratio, true));
                    continue;
                }
                int[] changes = writer.applyState(config, keys);
                outcomes.add(new RunReport.ConditionOutcome(config.label(), conditions.get(c).describe(), keys.length,
                        changes[0], changes[1], ratio, false));
                if (config.detectsClones()) {
                    for (long key : keys) {
                        flagged.add(key);
                        if (config.blocking()) {
                            cloneMatches.putIfAbsent(key, config);
                        }
                    }
                    if (config.blocking()) {
                        appliedCloneLabels.add(config.label());
                    }
                }
            }
            writer.saveEvidence(found);
            return writer.applyCases(cloneMatches, appliedCloneLabels, found, settings, newest);
        });
        timing.put("write", lap(phase));
        timing.put("total", (System.nanoTime() - started) / 1_000_000);

        Optional<QualityReport> quality = truth.map(t -> QualityReport.evaluate(t, flagged, imsiCounts));
        Optional<String> failure = failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
        RunReport report = new RunReport(runId, asOf, windowStart, range.end(), triplets, imeis, unusable[0], outcomes,
                cases, timing, quality, failure);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("triplets", triplets);
        counts.put("imeis", imeis);
        counts.put("unusable_imei_values", unusable[0]);
        counts.put("conditions", outcomes);
        counts.put("cases", cases);
        database.transaction(connection -> finish(connection, runId, failure.isPresent() ? "FAILED" : "SUCCEEDED",
                Json.write(counts), Json.write(timing), quality.map(Json::write).orElse(null), failure.orElse(null)));
        return report;
    }

    private long begin(Connection connection, LocalDate asOf, DayRange range, String startedBy) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT max(as_of) FROM detection_run WHERE status = 'SUCCEEDED'");
             ResultSet row = last.executeQuery()) {
            row.next();
            LocalDate previous = row.getObject(1, LocalDate.class);
            if (previous != null && asOf.isBefore(previous)) {
                throw new IllegalStateException("as-of " + asOf + " is before the last run's (" + previous
                        + "): detection moves forward in time; give --as-of " + previous + " or later");
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO detection_run (as_of, data_start, data_end, config, status, started_by)"
                        + " VALUES (?, ?, ?, ?::jsonb, 'RUNNING', ?) RETURNING id")) {
            insert.setObject(1, asOf);
            insert.setObject(2, range.start());
            insert.setObject(3, range.end());
            insert.setString(4, Json.write(settings));
            insert.setString(5, startedBy);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Void finish(Connection connection, long runId, String status, String counts, String timing,
                               String quality, String failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE detection_run SET status = ?, counts = ?::jsonb, timing = ?::jsonb, quality = ?::jsonb,"
                        + " failure = ?, finished_at = now() WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, counts);
            update.setString(3, timing);
            update.setString(4, quality);
            update.setString(5, failure);
            update.setLong(6, runId);
            update.executeUpdate();
        }
        return null;
    }

    private static long unusableValues(Connection connection, LocalDate from, LocalDate end) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(DISTINCT imei_raw) FROM network_triplet WHERE imei = -1"
                        + " AND triplet_month >= date_trunc('month', ?::date) AND triplet_month < ?"
                        + " AND last_seen >= ? AND first_seen < ?")) {
            query.setObject(1, from);
            query.setObject(2, end);
            query.setObject(3, from);
            query.setObject(4, end);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long lap(long[] phase) {
        long now = System.nanoTime();
        long millis = (now - phase[0]) / 1_000_000;
        phase[0] = now;
        return millis;
    }
}
