package org.ceir.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.ceir.app.Ceir;
import org.ceir.detect.Detector;
import org.ceir.detect.RunReport;
import org.ceir.detect.TruthFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ceir detect}: one detection run over the window ending with the as-of day. */
@Command(name = "detect", description = {
    "Classify every IMEI seen in the window against the configured conditions (detect.conditions);",
    "suspected clones enter the review queue (ceir cases). Exits 1 when a condition matched more than",
    "its max_allowed_matching_ratio (its results are then discarded)."})
public final class DetectCommand extends CeirCommandBase {
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The last day to look at (default: the newest day of network data).")
    LocalDate asOf;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "The simulator's truth.csv: print precision and recall of the clone conditions.")
    Path truth;

    @Override
    protected int run() {
        Ceir ceir = ceir();
        Optional<TruthFile> truthFile = Optional.ofNullable(truth).map(TruthFile::read);
        PrintStream out = System.out;
        Detector detector = new Detector(ceir.database(), ceir.settings().country(), ceir.tuned().detect(),
                message -> System.err.println("ceir: " + message));
        RunReport report = detector.run(Optional.ofNullable(asOf), System.getProperty("user.name", "cli"), truthFile);
        out.printf(Locale.ROOT, "run %d: as of %s, window %s to %s%n", report.runId(), report.asOf(),
                report.windowStart(), report.asOf());
        long total = report.timingMillis().getOrDefault("total", 0L);
        out.printf(Locale.ROOT, "read %,d triplets of %,d IMEIs in %.1f s (%,.0f triplets/s); %,d unusable IMEI values%n",
                report.triplets(), report.imeis(), total / 1000.0, report.triplets() / Math.max(0.001, total / 1000.0),
                report.unusableImeis());
        out.println("timing (ms) " + report.timingMillis());
        for (RunReport.ConditionOutcome c : report.conditions()) {
            out.printf(Locale.ROOT, "condition %-12s %,8d matched (%.3f%%), %,d new, %,d ended%s%n    %s%n", c.label(),
                    c.matched(), c.ratio() * 100, c.started(), c.ended(), c.discarded() ? "  DISCARDED" : "",
                    c.dimensions());
        }
        RunReport.CaseCounts cases = report.cases();
        out.printf(Locale.ROOT, "cases: %d opened, %d re-opened, %d auto-confirmed, %d expired, %d dismissed and"
                + " unchanged, %d exempt; %d open for review (ceir cases list)%n", cases.opened(), cases.reopened(),
                cases.autoConfirmed(), cases.expired(), cases.stillDismissed(), cases.exempt(), cases.open());
        report.quality().ifPresent(q -> out.print("\nquality against " + truth + "\n" + q.text()));
        if (report.failure().isPresent()) {
            throw new IllegalStateException(report.failure().get());
        }
        return 0;
    }
}
