package org.ceir.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * How well the clone conditions did against the simulator's truth, side by side with a count-only
 * rule: {@code duplicate_threshold} alone, at the highest threshold whose recall (over rings of 3
 * or more phones) is at least ours, so the two are compared at the same recall.
 *
 * @param personas         persona (as the truth file names it) → IMEIs, flagged by ours, flagged by
 *                         the count-only rule
 * @param ringSizes        the same for the clones, by ring-size bucket
 * @param protectedFlagged the {@link #PROTECTED_PERSONAS} that ours flagged at least once
 */
public record QualityReport(Score ours, Score countOnly, int countOnlyThreshold, Map<String, int[]> personas,
                            Map<String, int[]> ringSizes, List<String> protectedFlagged) {

    /**
     * The simulator's personas ({@code truth.csv}'s {@code persona} column, {@code org.ceir.sim.Persona}'s
     * labels) that must never be flagged: honest people whose SIMs change or share a phone. detect
     * cannot see sim, so the names are kept here and a test in {@code app} ties them to the enum.
     */
    public static final Set<String> PROTECTED_PERSONAS = Set.of("dual_sim", "dual_sim_one_imei", "sim_swap",
            "number_change", "resale", "two_phones", "family_shared", "shop_tested");

    /** Ring-size buckets, in the order the report prints them. */
    private static final List<String> RING_BUCKETS = List.of("ring of 2", "ring of 3-9", "ring of 10-99",
            "ring of 100+");

    /** One rule's score: flagged IMEIs, true positives, precision, recall over rings of 3+, and over all clones. */
    public record Score(int flagged, int truePositives, double precision, double recall3, double recallAll) {
    }

    static QualityReport evaluate(TruthFile truth, LongOpenHashSet flagged, Long2IntOpenHashMap imsiCounts) {
        Map<String, int[]> personas = new TreeMap<>();
        Map<String, int[]> rings = new LinkedHashMap<>();
        RING_BUCKETS.forEach(bucket -> rings.put(bucket, new int[3]));
        int[] clones3 = new int[1];
        int[] clonesAll = new int[1];
        // recall of the count-only rule at each threshold, from the counts of the clones of rings of 3+
        int maxCount = 2;
        for (int count : imsiCounts.values()) {
            maxCount = Math.max(maxCount, count);
        }
        int[] clones3ByCount = new int[maxCount + 2];
        truth.forEach((imei, t) -> {
            if (t.isClone()) {
                clonesAll[0]++;
                if (t.ringSize() >= 3) {
                    clones3[0]++;
                    clones3ByCount[imsiCounts.getOrDefault(imei.longValue(), 0)]++;
                }
            }
        });
        Score ours = score(truth, flagged::contains, clones3[0], clonesAll[0]);
        // highest threshold whose recall is at least ours
        int threshold = 2;
        int atLeast = 0;
        for (int t = maxCount + 1; t >= 2; t--) {
            atLeast += clones3ByCount[t];
            if (clones3[0] == 0 || atLeast >= Math.round(ours.recall3() * clones3[0] - 1e-9)) {
                threshold = t;
                break;
            }
        }
        int chosen = threshold;
        Score countOnly = score(truth, imei -> imsiCounts.getOrDefault(imei, 0) >= chosen, clones3[0], clonesAll[0]);
        List<String> protectedFlagged = new ArrayList<>();
        truth.forEach((imei, t) -> {
            boolean byOurs = flagged.contains(imei.longValue());
            boolean byCount = imsiCounts.getOrDefault(imei.longValue(), 0) >= chosen;
            int[] row = personas.computeIfAbsent(t.persona(), p -> new int[3]);
            row[0]++;
            row[1] += byOurs ? 1 : 0;
            row[2] += byCount ? 1 : 0;
            if (t.isClone()) {
                int[] ring = rings.get(bucket(t.ringSize()));
                ring[0]++;
                ring[1] += byOurs ? 1 : 0;
                ring[2] += byCount ? 1 : 0;
            } else if (byOurs && PROTECTED_PERSONAS.contains(t.persona()) && !protectedFlagged.contains(t.persona())) {
                protectedFlagged.add(t.persona());
            }
        });
        rings.values().removeIf(row -> row[0] == 0);
        return new QualityReport(ours, countOnly, chosen, personas, rings, protectedFlagged);
    }

    private static Score score(TruthFile truth, java.util.function.LongPredicate flagged, int clones3, int clonesAll) {
        int[] counts = new int[4]; // flagged, true positives, found among rings of 3+, found among all clones
        truth.forEach((imei, t) -> {
            if (flagged.test(imei)) {
                counts[0]++;
                if (t.isClone()) {
                    counts[1]++;
                    counts[2] += t.ringSize() >= 3 ? 1 : 0;
                    counts[3]++;
                }
            }
        });
        return new Score(counts[0], counts[1], counts[0] == 0 ? 1.0 : (double) counts[1] / counts[0],
                clones3 == 0 ? 1.0 : (double) counts[2] / clones3, clonesAll == 0 ? 1.0 : (double) counts[3] / clonesAll);
    }

    private static String bucket(int ringSize) {
        if (ringSize <= 2) {
            return "ring of 2";
        }
        if (ringSize < 10) {
            return "ring of 3-9";
        }
        if (ringSize < 100) {
            return "ring of 10-99";
        }
        return "ring of 100+";
    }

    /** True when the goals hold: precision ≥ 99.5 %, recall ≥ 99 % over rings of 3+, no protected persona flagged. */
    public boolean meetsGoals() {
        return ours.precision() >= 0.995 && ours.recall3() >= 0.99 && protectedFlagged.isEmpty();
    }

    /** The report as a person reads it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-34s %14s %22s%n", "", "clone condition",
                "count-only (>= " + countOnlyThreshold + " IMSIs)"));
        row(out, "IMEIs flagged", ours.flagged(), countOnly.flagged());
        row(out, "of which clones", ours.truePositives(), countOnly.truePositives());
        pct(out, "precision (goal >= 99.5%)", ours.precision(), countOnly.precision());
        pct(out, "recall, rings of 3+ (goal >= 99%)", ours.recall3(), countOnly.recall3());
        pct(out, "recall, all clones", ours.recallAll(), countOnly.recallAll());
        out.append(String.format(Locale.ROOT, "%nby persona%n%-34s %8s %14s %22s%n", "", "IMEIs", "flagged", "flagged"));
        personas.forEach((persona, row) -> out.append(String.format(Locale.ROOT, "%-34s %8d %14d %22d%n",
                PROTECTED_PERSONAS.contains(persona) ? persona + " (protected)" : persona, row[0], row[1], row[2])));
        out.append(String.format(Locale.ROOT, "%nclones by ring size%n"));
        ringSizes.forEach((bucket, row) -> out.append(String.format(Locale.ROOT, "%-34s %8d %14s %22s%n",
                bucket, row[0], found(row[1], row[0]), found(row[2], row[0]))));
        out.append(String.format(Locale.ROOT, "%ngoals %s%s%n", meetsGoals() ? "met" : "NOT met",
                protectedFlagged.isEmpty() ? "" : "; protected personas flagged: " + protectedFlagged));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, int a, int b) {
        out.append(String.format(Locale.ROOT, "%-34s %14d %22d%n", label, a, b));
    }

    private static void pct(StringBuilder out, String label, double a, double b) {
        out.append(String.format(Locale.ROOT, "%-34s %13.2f%% %21.2f%%%n", label, a * 100, b * 100));
    }

    private static String found(int found, int of) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", found, of == 0 ? 100.0 : 100.0 * found / of);
    }
}
