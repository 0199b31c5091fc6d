package org.ceir.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ceir.detect.Evidence;

/**
 * detect's evidence as a page shows it: the figures, the timeline chart, and one table row per SIM,
 * with the subscriber identities as the viewer may see them.
 *
 * @param chart null when the evidence recorded no window (the IMEI was not seen)
 */
record EvidenceView(Evidence evidence, TimelineChart chart, List<SimRow> sims) {

    /** A SIM in the table beside the chart. */
    record SimRow(String imsi, String msisdns, String operators, String first, String last, int days, boolean roamer,
                  boolean valid, boolean paired) {
    }

    static EvidenceView of(Evidence evidence, Page page, SubscriberIds ids, Set<String> paired) {
        if (evidence.windowStart() == null) {
            return new EvidenceView(evidence, null, List.of());
        }
        List<SimRow> sims = new ArrayList<>();
        for (Evidence.Sim sim : evidence.sims()) {
            sims.add(new SimRow(ids.imsi(sim.imsi()), String.join(", ", sim.msisdns().stream().map(ids::msisdn).toList()),
                    String.join(", ", sim.operators()), sim.first(), sim.last(), sim.days(), sim.roamer(), sim.valid(),
                    paired.contains(sim.imsi())));
        }
        return new EvidenceView(evidence, TimelineChart.of(evidence, page, ids, paired), List.copyOf(sims));
    }
}
