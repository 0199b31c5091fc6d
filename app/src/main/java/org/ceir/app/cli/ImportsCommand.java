package org.ceir.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.ceir.app.Ceir;
import org.ceir.ingest.ImportJob;
import org.ceir.ingest.Importer;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ceir imports}: the import history, newest first. */
@Command(name = "imports", description = "List past imports with their outcome (newest first).")
public final class ImportsCommand extends CeirCommandBase {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many (default: 50).")
    int limit;

    @Override
    protected int run() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + ": at least 1");
        }
        Ceir ceir = ceir();
        List<ImportJob> jobs = new Importer(ceir.database(), ceir.settings().country(),
                ceir.settings().get(IngestSettings.class), Optional.empty(), ImportListener.NONE).history(limit);
        PrintStream out = System.out;
        if (jobs.isEmpty()) {
            out.println("no imports yet; see ceir import --help");
            return 0;
        }
        out.printf("%6s  %-19s  %-13s  %-9s  %-40s  %-9s  %6s  %12s  %12s  %s%n", "job", "started", "kind", "operator",
                "file", "outcome", "checks", "rows read", "rows changed", "took");
        for (ImportJob job : jobs) {
            out.printf("%6d  %-19s  %-13s  %-9s  %-40s  %-9s  %6s  %,12d  %,12d  %s%n", job.id(),
                    WHEN.format(job.startedAt()), job.kind().name().toLowerCase(java.util.Locale.ROOT),
                    job.operator().orElse("-"), cut(job.fileName(), 40), job.status(), job.checksEnabled() ? "on" : "off",
                    job.rowsRead(), job.rowsChanged(), job.finishedAt()
                            .map(f -> String.format("%.1f s", Duration.between(job.startedAt(), f).toMillis() / 1000.0))
                            .orElse("running"));
            job.error().ifPresent(error -> out.println("        " + error));
        }
        return 0;
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
    }
}
