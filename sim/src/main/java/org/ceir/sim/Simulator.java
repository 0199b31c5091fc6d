package org.ceir.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.ceir.core.country.Operator;

/**
 * Simulates a country and writes it: {@code operator/<op>_<day>_<day>.csv.gz} for every operator
 * and day (or {@code <op>_<first>_<last>.csv.gz} per calendar month), then {@code tac.csv},
 * {@code prices.csv}, {@code registrations.csv}, {@code stolen.csv}, {@code truth.csv} and
 * {@code README.txt}. The population is built once from the seed; the operator files are then
 * written in parallel, one task per operator and file. A month's file holds exactly the rows of its
 * days' files, in the same order.
 */
public final class Simulator {
    /** The names this simulator writes, so that {@code overwrite} removes only its own files. */
    private static final Pattern OPERATOR_FILE = Pattern.compile("[a-z][a-z0-9]*_[0-9]{8}_[0-9]{8}\\.csv\\.gz(\\.tmp)?");
    private static final List<String> REFERENCE_FILES = List.of("tac.csv", "prices.csv", "registrations.csv",
            "stolen.csv", "truth.csv", "README.txt");
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private Simulator() {
    }

    /**
     * Runs a simulation.
     *
     * @throws IllegalArgumentException when {@code out} holds other files (or an earlier simulation
     *                                  and {@code overwrite} is not set)
     * @throws UncheckedIOException     when a file cannot be written, naming it
     */
    public static SimulationSummary run(SimulationParameters parameters, SimulationProgress progress) {
        long started = System.nanoTime();
        Path out = parameters.out();
        Path operatorDir = out.resolve("operator");
        prepare(out, operatorDir, parameters.overwrite());
        try {
            return simulate(parameters, progress, started, out, operatorDir);
        } catch (RuntimeException | Error e) {
            // Whole files or none, and no partial simulation either: take back what this run wrote.
            removeOurs(out, operatorDir, e);
            throw e;
        }
    }

    private static SimulationSummary simulate(SimulationParameters parameters, SimulationProgress progress,
                                              long started, Path out, Path operatorDir) {
        progress.step("building " + parameters.subscribers() + " subscribers");
        Catalogue catalogue = Catalogue.load();
        World world = Population.build(parameters.seed(), parameters.subscribers(), parameters.days(),
                parameters.country(), catalogue);

        int operators = parameters.country().operators().size();
        int total = operators * filePeriods(parameters).size();
        progress.step("writing " + total + " operator files (" + world.linkCount() + " links) on "
                + parameters.threads() + " thread" + (parameters.threads() == 1 ? "" : "s"));
        long[] written = writeOperatorFiles(parameters, world, operatorDir, progress, started);

        progress.step("writing the catalogue, registrations, stolen list and truth");
        int tacs = ReferenceFiles.writeTac(out.resolve("tac.csv"), catalogue);
        ReferenceFiles.writePrices(out.resolve("prices.csv"), catalogue);
        long registrations = ReferenceFiles.writeRegistrations(out.resolve("registrations.csv"), world);
        long stolen = ReferenceFiles.writeStolen(out.resolve("stolen.csv"), world, parameters.start());
        TruthFile.Counts truth = TruthFile.write(out.resolve("truth.csv"), world);

        Map<Persona, Long> people = new EnumMap<>(Persona.class);
        Map<Persona, Long> imeis = new EnumMap<>(Persona.class);
        for (Persona persona : Persona.values()) {
            people.put(persona, world.people[persona.ordinal()]);
            imeis.put(persona, truth.imeisByPersona()[persona.ordinal()]);
        }
        SimulationSummary summary = new SimulationSummary(written[0], total, written[1], System.nanoTime() - started,
                people, imeis, truth.rings(), truth.clonePhones(), truth.largestRing(), registrations, stolen, tacs);
        Readme.write(out.resolve("README.txt"), parameters, world, summary);
        return summary;
    }

    /** Writes every operator file; returns {rows, bytes}. */
    private static long[] writeOperatorFiles(SimulationParameters parameters, World world, Path dir,
                                             SimulationProgress progress, long started) {
        OperatorDayFile writer = new OperatorDayFile(world, parameters.seed());
        List<Operator> operators = parameters.country().operators();
        ExecutorService pool = Executors.newFixedThreadPool(parameters.threads(), runnable -> {
            Thread thread = new Thread(runnable, "ceir-simulate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<long[]>> tasks = new ArrayList<>();
            for (int[] days : filePeriods(parameters)) {
                int first = days[0];
                int last = days[1];
                String from = date(parameters, first);
                String to = date(parameters, last);
                for (int op = 0; op < operators.size(); op++) {
                    Path file = dir.resolve(operators.get(op).code() + "_" + from + "_" + to + ".csv.gz");
                    int opIndex = op;
                    tasks.add(pool.submit(() -> OutputFile.writeFile(file, temporary -> {
                        long rows = 0;
                        try (OutputStream gzip = FastGzip.create(temporary)) {
                            for (int day = first; day <= last; day++) {
                                byte[] dateBytes = date(parameters, day).getBytes(StandardCharsets.US_ASCII);
                                rows += writer.write(opIndex, day, dateBytes, gzip, day == first);
                            }
                        }
                        return new long[] {rows, Files.size(temporary)};
                    })));
                }
            }
            long rows = 0;
            long bytes = 0;
            long lastReport = 0;
            for (int i = 0; i < tasks.size(); i++) {
                long[] result = await(tasks.get(i), i, tasks.size(), rows, started, progress);
                rows += result[0];
                bytes += result[1];
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS || i == tasks.size() - 1) {
                    progress.files(i + 1, tasks.size(), rows, now - started);
                    lastReport = now;
                }
            }
            return new long[] {rows, bytes};
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Each file's first and last day (indexes from the start): one day, or the days of one calendar month. */
    private static List<int[]> filePeriods(SimulationParameters parameters) {
        List<int[]> periods = new ArrayList<>();
        int first = 0;
        for (int day = 0; day < parameters.days(); day++) {
            boolean lastOfFile = day == parameters.days() - 1 || !parameters.monthly()
                    || parameters.start().plusDays(day + 1L).getDayOfMonth() == 1;
            if (lastOfFile) {
                periods.add(new int[] {first, day});
                first = day + 1;
            }
        }
        return periods;
    }

    private static String date(SimulationParameters parameters, int day) {
        return parameters.start().plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** After a failure, lets the other writers stop (they are interrupted) before their files are removed. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for one task, reporting progress while it runs; rethrows its failure as it was. */
    private static long[] await(Future<long[]> task, int index, int total, long rows, long started,
                                SimulationProgress progress) {
        while (true) {
            try {
                return task.get(PROGRESS_EVERY_NANOS, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                progress.files(index, total, rows, System.nanoTime() - started);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause.getMessage(), cause);
            }
        }
    }

    /** Makes sure {@code out} can take the simulation: empty, or an earlier one that may be replaced. */
    private static void prepare(Path out, Path operatorDir, boolean overwrite) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
            }
            Files.createDirectories(operatorDir);
            List<Path> ours = ours(out, operatorDir);
            List<Path> others = new ArrayList<>();
            for (Path dir : List.of(out, operatorDir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
                        if (!entry.equals(operatorDir) && !ours.contains(entry)) {
                            others.add(entry);
                        }
                    }
                }
            }
            if (!others.isEmpty()) {
                throw new IllegalArgumentException("--out " + out + " holds files the simulator did not write (e.g. "
                        + others.get(0).getFileName() + "); choose an empty or new directory");
            }
            if (!ours.isEmpty() && !overwrite) {
                throw new IllegalArgumentException("--out " + out + " already holds a simulation (" + ours.size()
                        + " files); add --overwrite to replace it, or choose another directory");
            }
            for (Path path : ours) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }

    /** The files a simulation writes that are now in {@code out}. */
    private static List<Path> ours(Path out, Path operatorDir) throws IOException {
        List<Path> ours = new ArrayList<>();
        for (String name : REFERENCE_FILES) {
            for (Path path : List.of(out.resolve(name), out.resolve(name + ".tmp"))) {
                if (Files.exists(path)) {
                    ours.add(path);
                }
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(operatorDir)) {
            for (Path entry : entries) {
                if (OPERATOR_FILE.matcher(entry.getFileName().toString()).matches()) {
                    ours.add(entry);
                }
            }
        }
        return ours;
    }

    private static void removeOurs(Path out, Path operatorDir, Throwable failure) {
        try {
            for (Path path : ours(out, operatorDir)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
