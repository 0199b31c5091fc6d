package org.ceir.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.ceir.sim.Persona;
import org.ceir.sim.SimulationParameters;
import org.ceir.sim.SimulationProgress;
import org.ceir.sim.SimulationSummary;
import org.ceir.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ceir simulate}: writes a synthetic country (operator files, TAC catalogue, prices,
 * registrations, stolen list and the ground truth) for the configured country's operators.
 */
@Command(name = "simulate", description = {
    "Simulate a country: daily operator files with the behaviours that make clone detection hard,",
    "the TAC catalogue, prices, registrations, stolen phones and the ground truth (truth.csv).",
    "The same seed gives byte-identical files."})
public final class SimulateCommand extends CeirCommandBase {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--subscribers", paramLabel = "N", defaultValue = "100000",
            description = "People with a home SIM (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "90",
            description = "Days of operator files (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD",
            description = "First day (default: today minus D days, so the newest file is yesterday's).")
    LocalDate start;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Files written at once (default: the number of processors); never changes the output.")
    Integer threads;

    @Option(names = "--overwrite", description = "Replace an earlier simulation in DIR.")
    boolean overwrite;

    @Option(names = "--monthly", description = {
        "One operator file per calendar month (<op>_<first day>_<last day>.csv.gz, as DIRBS's format",
        "allows) instead of one per day: the same rows; imports many times faster."})
    boolean monthly;

    @Override
    protected int run() {
        LocalDate first = start != null ? start : LocalDate.now().minusDays(days);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SimulationParameters parameters = new SimulationParameters(out, subscribers, days, first, seed, workers,
                ceir().settings().country(), overwrite, monthly);
        SimulationSummary summary = Simulator.run(parameters, new ConsoleProgress(System.err));
        print(System.out, parameters, summary);
        return 0;
    }

    private static void print(PrintStream out, SimulationParameters parameters, SimulationSummary summary) {
        out.printf(Locale.ROOT, "simulated %s: %,d subscribers, %d day%s from %s to %s, seed %d%n",
                parameters.country().name(), parameters.subscribers(), parameters.days(),
                parameters.days() == 1 ? "" : "s", parameters.start(), parameters.end(), parameters.seed());
        out.printf(Locale.ROOT, "  rows      %,d in %,d operator files (%.1f MB gzipped)%n", summary.rows(),
                summary.operatorFiles(), summary.bytes() / 1e6);
        out.printf(Locale.ROOT, "  time      %.1f s: %,.0f rows/s on %d thread%s%n", summary.nanos() / 1e9,
                summary.rowsPerSecond(), parameters.threads(), parameters.threads() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "  files     tac.csv (%,d TACs), prices.csv, registrations.csv (%,d), stolen.csv (%,d),"
                + " truth.csv, README.txt%n", summary.tacs(), summary.registrations(), summary.stolen());
        out.printf(Locale.ROOT, "  clones    %,d rings, %,d phones on cloned IMEIs, the largest ring %,d%n",
                summary.rings(), summary.clonePhones(), summary.largestRing());
        out.printf(Locale.ROOT, "  %-18s %10s %10s%n", "persona", "people", "IMEIs");
        for (Persona persona : Persona.values()) {
            out.printf(Locale.ROOT, "  %-18s %,10d %,10d%n", persona.label(), summary.people().get(persona),
                    summary.imeis().get(persona));
        }
        out.println("wrote " + parameters.out().toAbsolutePath().normalize());
    }

    /** Progress on stderr: one line rewritten in place on a terminal, a line every few seconds otherwise. */
    private static final class ConsoleProgress implements SimulationProgress {
        private final PrintStream err;
        private final boolean terminal = System.console() != null;
        private long lastLine;

        ConsoleProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void step(String description) {
            err.println("simulate: " + description);
        }

        @Override
        public void files(int done, int total, long rows, long elapsedNanos) {
            String line = String.format(Locale.ROOT, "simulate: %d/%d files, %,d rows, %,.0f rows/s", done, total, rows,
                    rows / Math.max(elapsedNanos / 1e9, 1e-3));
            if (terminal) {
                err.print("\r" + line + (done == total ? "\n" : ""));
                err.flush();
            } else if (done == total || elapsedNanos - lastLine >= 5_000_000_000L) {
                err.println(line);
                lastLine = elapsedNanos;
            }
        }
    }
}
