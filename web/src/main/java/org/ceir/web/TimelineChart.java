package org.ceir.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ceir.detect.Evidence;

/**
 * An IMEI's SIMs drawn as a timeline by day, from detect's evidence: one row per IMSI, one column
 * per day of the window, a bar per day for how many IMSIs were seen, and a hatched band behind the
 * days on which three or more were (what one phone cannot do). Rendered as inline SVG by
 * {@code timeline.jte}: no script, and legible without colour, since every mark differs by shape
 * or texture too (solid runs, striped runs for roamers, hatching for crowded days, a text badge for
 * paired SIMs), each run carries its dates as a tooltip, and the same facts are in the table below
 * the chart.
 *
 * <p>Drawn by hand: a chart library would need a script, its data in the page, and a canvas that
 * screen readers cannot read; the geometry is a few lines.
 */
final class TimelineChart {
    static final int LABEL_WIDTH = 190;
    static final int CELL = 8;
    static final int ROW = 18;
    static final int TOP = 28;
    static final int BAR_AREA = 34;
    static final int BAR_UNIT = 3;
    static final int BAR_CAP = 10;
    static final int CROWDED = 3;

    /** A run of consecutive days one SIM was seen. */
    record Run(int x, int width, String title) {
    }

    /** One SIM's row. */
    record Row(int y, String label, boolean roamer, boolean valid, boolean paired, List<Run> runs, String title) {
        int textY() {
            return y + ROW - 5;
        }

        int barY() {
            return y + 3;
        }
    }

    /** A month's first day (or the window's), marked on the axis. */
    record Tick(int x, String label) {
    }

    /** How many IMSIs one day saw, as a bar. */
    record Bar(int x, int y, int height, boolean crowded, String title) {
    }

    /** Consecutive crowded days, hatched behind the rows. */
    record Band(int x, int width) {
    }

    private final List<Row> rows;
    private final List<Tick> ticks;
    private final List<Bar> bars;
    private final List<Band> bands;
    private final int days;
    private final String title;
    private final String description;
    private final int omitted;

    private TimelineChart(List<Row> rows, List<Tick> ticks, List<Bar> bars, List<Band> bands, int days, String title,
                          String description, int omitted) {
        this.rows = rows;
        this.ticks = ticks;
        this.bars = bars;
        this.bands = bands;
        this.days = days;
        this.title = title;
        this.description = description;
        this.omitted = omitted;
    }

    /**
     * The chart of {@code evidence} as {@code page}'s viewer may see it.
     *
     * @param paired the IMSIs paired with the IMEI now, marked on their rows
     */
    static TimelineChart of(Evidence evidence, Page page, SubscriberIds ids, Set<String> paired) {
        LocalDate start = LocalDate.parse(evidence.windowStart());
        int days = evidence.windowDays();
        DateTimeFormatter dayFormat = DateTimeFormatter.ofPattern("d MMM yyyy", page.language().locale());
        List<Row> rows = new ArrayList<>();
        int y = TOP;
        for (Evidence.Sim sim : evidence.sims()) {
            List<Run> runs = new ArrayList<>();
            String pattern = sim.pattern();
            for (int d = 0; d < pattern.length(); d++) {
                if (pattern.charAt(d) != '#') {
                    continue;
                }
                int end = d;
                while (end + 1 < pattern.length() && pattern.charAt(end + 1) == '#') {
                    end++;
                }
                String from = dayFormat.format(start.plusDays(d));
                String to = dayFormat.format(start.plusDays(end));
                runs.add(new Run(LABEL_WIDTH + d * CELL, (end - d + 1) * CELL,
                        end == d ? from : page.t("timeline.run", from, to, end - d + 1)));
                d = end;
            }
            boolean isPaired = paired.contains(sim.imsi());
            String label = ids.imsi(sim.imsi());
            String rowTitle = page.t("timeline.row", label, sim.days(), sim.first(), sim.last(),
                    String.join(", ", sim.operators()))
                    + (sim.roamer() ? " · " + page.t("timeline.roamer") : "")
                    + (isPaired ? " · " + page.t("timeline.paired") : "");
            rows.add(new Row(y, label, sim.roamer(), sim.valid(), isPaired, runs, rowTitle));
            y += ROW;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            // The window's first day is labelled unless a month starts within a week (the labels would overlap).
            boolean firstLabelled = d == 0 && day.lengthOfMonth() - day.getDayOfMonth() >= 6;
            if (firstLabelled || day.getDayOfMonth() == 1) {
                String month = day.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, page.language().locale());
                ticks.add(new Tick(LABEL_WIDTH + d * CELL, d == 0 && day.getDayOfMonth() != 1
                        ? day.getDayOfMonth() + " " + month : month));
            }
        }
        List<Bar> bars = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        List<Integer> perDay = evidence.imsisPerDay();
        int barBase = y + 6 + BAR_AREA;
        int bandStart = -1;
        for (int d = 0; d <= perDay.size(); d++) {
            int count = d < perDay.size() ? perDay.get(d) : 0;
            boolean crowded = count >= CROWDED;
            if (count > 0) {
                int height = Math.min(count, BAR_CAP) * BAR_UNIT;
                bars.add(new Bar(LABEL_WIDTH + d * CELL + 1, barBase - height, height, crowded,
                        page.t("timeline.day", dayFormat.format(start.plusDays(d)), count)));
            }
            if (crowded && bandStart < 0) {
                bandStart = d;
            } else if (!crowded && bandStart >= 0) {
                bands.add(new Band(LABEL_WIDTH + bandStart * CELL, (d - bandStart) * CELL));
                bandStart = -1;
            }
        }
        String title = page.t("timeline.title", evidence.imei());
        String description = page.t("timeline.description", evidence.sims().size() + evidence.simsOmitted(), days,
                dayFormat.format(start), dayFormat.format(start.plusDays(days - 1)), evidence.peakImsis(),
                evidence.overlapDays(), evidence.crowdedDays());
        return new TimelineChart(List.copyOf(rows), List.copyOf(ticks), List.copyOf(bars), List.copyOf(bands), days,
                title, description, evidence.simsOmitted());
    }

    List<Row> rows() {
        return rows;
    }

    List<Tick> ticks() {
        return ticks;
    }

    List<Bar> bars() {
        return bars;
    }

    List<Band> bands() {
        return bands;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    /** SIMs the evidence counted but did not detail (the least active). */
    int omitted() {
        return omitted;
    }

    int width() {
        return LABEL_WIDTH + days * CELL + 4;
    }

    /** The top of the rows, where the bands start. */
    int rowsTop() {
        return TOP;
    }

    int rowsHeight() {
        return rows.size() * ROW;
    }

    int barsLabelY() {
        return TOP + rowsHeight() + 6 + BAR_AREA - 4;
    }

    int barsBase() {
        return TOP + rowsHeight() + 6 + BAR_AREA;
    }

    int height() {
        return barsBase() + 6;
    }

    int axisEnd() {
        return width() - 4;
    }

    int labelWidth() {
        return LABEL_WIDTH;
    }
}
