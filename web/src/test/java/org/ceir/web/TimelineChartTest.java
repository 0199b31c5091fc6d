package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.ceir.detect.Evidence;
import org.junit.jupiter.api.Test;

class TimelineChartTest {
    /** Ten days from 28 April: a SIM every day, a second from day 3 to 6, a roamer on days 4 to 6 (three at once). */
    private static final Evidence EVIDENCE = new Evidence("35693803564381", "2026-05-07", "2026-04-28", "2026-05-08",
            10, 10, 3, 3, 3, "2026-05-01", 4, 3, 0, 17, 1.7, List.of("azercell"), 0, List.of("EUTRAN"), 3,
            List.of(new Evidence.Sim("400010000000000", true, false, List.of("994501000000"), List.of("azercell"),
                            "2026-04-28", "2026-05-07", 10, "##########"),
                    new Evidence.Sim("400010000000001", true, false, List.of("994501000001"), List.of("azercell"),
                            "2026-04-30", "2026-05-03", 4, "..####...."),
                    new Evidence.Sim("250990000000002", true, true, List.of(), List.of("azercell"),
                            "2026-05-01", "2026-05-03", 3, "...###....")),
            2, List.of(1, 1, 2, 3, 3, 3, 1, 1, 1, 1));

    private static Page page(Language language) {
        return new Page(null, language, new Messages(), "imei.title", null, List.of(), null, "");
    }

    @Test
    void of_drawsOneRunPerStretchOfDaysAndHatchesTheCrowdedOnes() {
        TimelineChart chart = TimelineChart.of(EVIDENCE, page(Language.EN),
                SubscriberIds.forViewer(new Principal(1, "a", "A", Set.of(Role.ANALYST), null, null, "t"), "994"),
                Set.of("400010000000001"));

        assertThat(chart.rows()).extracting(TimelineChart.Row::label)
                .containsExactly("400010000000000", "400010000000001", "250990000000002");
        assertThat(chart.rows().get(0).runs()).hasSize(1);
        assertThat(chart.rows().get(0).runs().get(0).width()).isEqualTo(10 * TimelineChart.CELL);
        assertThat(chart.rows().get(1).runs().get(0).x()).isEqualTo(TimelineChart.LABEL_WIDTH + 2 * TimelineChart.CELL);
        assertThat(chart.rows().get(1).paired()).isTrue();
        assertThat(chart.rows().get(2).roamer()).isTrue();
        assertThat(chart.bands()).containsExactly(new TimelineChart.Band(TimelineChart.LABEL_WIDTH + 3 * TimelineChart.CELL,
                3 * TimelineChart.CELL));
        assertThat(chart.bars()).hasSize(10).filteredOn(TimelineChart.Bar::crowded).hasSize(3);
        assertThat(chart.ticks()).extracting(TimelineChart.Tick::label).containsExactly("May");
        assertThat(chart.rows().get(1).runs().get(0).title()).isEqualTo("30 Apr 2026 to 3 May 2026 (4 days)");
        assertThat(chart.omitted()).isEqualTo(2);
        assertThat(chart.description()).contains("5 SIMs over 10 days", "at most 3 IMSIs on one day");
        assertThat(chart.width()).isEqualTo(TimelineChart.LABEL_WIDTH + 10 * TimelineChart.CELL + 4);
    }

    @Test
    void of_masksTheRowsForViewersWhoMayNotSeeThemAndSpeaksTheirLanguage() {
        TimelineChart chart = TimelineChart.of(EVIDENCE, page(Language.RU),
                SubscriberIds.forViewer(new Principal(1, "c", "C", Set.of(Role.CLERK), null, null, "t"), "994"), Set.of());

        assertThat(chart.rows()).extracting(TimelineChart.Row::label).containsExactly("40001••••••••00",
                "40001••••••••01", "25099••••••••02");
        assertThat(chart.ticks().get(0).label()).isEqualTo("май");
        assertThat(chart.rows().get(2).title()).contains("входящий роумер");
    }
}
