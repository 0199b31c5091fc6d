package org.ceir.detect;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An IMEI's evidence as text: the figures, one line per SIM, and a timeline with one column per
 * day of the window, so a person sees at a glance whether SIMs follow one another (a swap, a
 * resale) or run side by side (copies of the IMEI in several phones).
 */
final class Timeline {
    private Timeline() {
    }

    static String render(Evidence e) {
        StringBuilder out = new StringBuilder();
        if (e.windowStart() == null) {
            return "  (no evidence recorded)\n";
        }
        LocalDate start = LocalDate.parse(e.windowStart());
        out.append(String.format(Locale.ROOT, "  window          %s to %s (%d days), as of %s%n", e.windowStart(),
                LocalDate.parse(e.windowEnd()).minusDays(1), e.windowDays(), e.asOf()));
        out.append(String.format(Locale.ROOT, "  seen            %d days; %d valid IMSIs, %d MSISDNs; operators %s; radios %s%n",
                e.daysSeen(), e.imsis(), e.msisdns(), String.join(", ", e.operators()), String.join(", ", e.rats())));
        out.append(String.format(Locale.ROOT, "  most IMSIs/day  %d%s%n", e.peakImsis(),
                e.peakDay() == null ? "" : " (first on " + e.peakDay() + ")"));
        out.append(String.format(Locale.ROOT, "  overlap days    %d with 2+ IMSIs, %d with 3+%n", e.overlapDays(), e.crowdedDays()));
        out.append(String.format(Locale.ROOT, "  switches        %d returns of an IMSI after another used the phone%n", e.switches()));
        out.append(String.format(Locale.ROOT, "  IMSI-days       %d (%.2f IMSIs per day seen); %d days on 2+ operators%n",
                e.imsiDays(), e.dailyAverage(), e.multiOperatorDays()));
        out.append(String.format(Locale.ROOT, "  score           %.0f SIM-days one phone cannot explain%n", e.score()));
        out.append('\n');
        out.append(String.format(Locale.ROOT, "  %-16s %-16s %-16s %-10s %-10s %5s%n", "IMSI", "MSISDN", "operators",
                "first", "last", "days"));
        for (Evidence.Sim sim : e.sims()) {
            List<String> msisdns = sim.msisdns();
            String msisdn = msisdns.isEmpty() ? "-" : msisdns.get(0) + (msisdns.size() > 1 ? " +" + (msisdns.size() - 1) : "");
            out.append(String.format(Locale.ROOT, "  %-16s %-16s %-16s %-10s %-10s %5d%s%n", sim.imsi(), msisdn,
                    String.join(",", sim.operators()), sim.first(), sim.last(), sim.days(),
                    !sim.valid() ? "  (not counted: not 14-15 digits)" : sim.roamer() ? "  (inbound roamer)" : ""));
        }
        if (e.simsOmitted() > 0) {
            out.append(String.format(Locale.ROOT, "  … and %d more SIMs (the least active)%n", e.simsOmitted()));
        }
        out.append('\n');
        out.append("  timeline: one column per day, # seen, . not seen\n");
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", "", monthRuler(start, e.windowDays())));
        for (Evidence.Sim sim : e.sims()) {
            out.append(String.format(Locale.ROOT, "  %-16s %s%n", sim.imsi(), sim.pattern()));
        }
        StringBuilder counts = new StringBuilder();
        for (int n : e.imsisPerDay()) {
            counts.append(n == 0 ? '.' : n < 10 ? (char) ('0' + n) : '+');
        }
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", "IMSIs that day", counts));
        out.append("  (+ is 10 or more)\n");
        return out.toString();
    }

    /** A ruler with the month's short name where each month starts. */
    private static String monthRuler(LocalDate start, int days) {
        char[] ruler = new char[days];
        java.util.Arrays.fill(ruler, ' ');
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            if (d == 0 || day.getDayOfMonth() == 1) {
                String label = day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT)
                        + (d == 0 && day.getDayOfMonth() != 1 ? " " + day.getDayOfMonth() : "");
                for (int i = 0; i < label.length() && d + i < days; i++) {
                    ruler[d + i] = label.charAt(i);
                }
            }
        }
        return new String(ruler);
    }
}
