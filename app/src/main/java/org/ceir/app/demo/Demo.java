package org.ceir.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceir.app.Ceir;
import org.ceir.app.CheckService;
import org.ceir.app.FileQueues;
import org.ceir.appeals.report.ArticleReport;
import org.ceir.appeals.report.ArticleReports;
import org.ceir.appeals.report.ReportFormat;
import org.ceir.detect.CloneCases;
import org.ceir.detect.Detector;
import org.ceir.detect.RunReport;
import org.ceir.detect.TruthFile;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportResult;
import org.ceir.ingest.Importer;
import org.ceir.ingest.IngestSettings;
import org.ceir.sim.SimulationParameters;
import org.ceir.sim.SimulationProgress;
import org.ceir.sim.SimulationSummary;
import org.ceir.sim.Simulator;
import org.ceir.web.Role;
import org.ceir.web.Users;

/**
 * {@code ceir demo}'s six steps on a fresh home: simulate a country, import it, detect and confirm
 * the clear clones, let citizens appeal and register, start every server with accounts and IMEIs to
 * try, and print the article's report. Each step says how long it took. What runs is the product
 * itself (the importer, the detector, clone cases, appeals, registrations, {@link CheckService}); the
 * demo only chooses what to do and prints it.
 */
public final class Demo {
    /** Cases left open for an analyst: the lowest-scoring ones, where a person's eye is worth most. */
    static final int LEFT_FOR_ANALYST = 3;
    static final String ACTOR = "demo";

    /** What the demo was asked for. */
    public record Options(int subscribers, int days, long seed, boolean showHome) {
    }

    private final Ceir ceir;
    private final PrintStream out;
    private final Options options;
    private final long started = System.nanoTime();
    private long stepStarted;
    /** IMEIs with an appeal on them: not offered to try, since a decision may have changed their SIMs. */
    private List<Long> appealed = List.of();

    public Demo(Ceir ceir, PrintStream out, Options options) {
        this.ceir = ceir;
        this.out = out;
        this.options = options;
    }

    /** Runs steps 1 to 4; then {@link #serve()} for steps 5 and 6. */
    public void prepare() {
        Path country = ceir.home().resolve("country");
        // One file per operator and month (DIRBS's format allows any range): the same rows as daily
        // files, imported an order of magnitude faster, which keeps the demo within its minutes.
        step(1, "simulate a country");
        SimulationSummary simulated = Simulator.run(new SimulationParameters(country, options.subscribers(),
                options.days(), LocalDate.now(ceir.settings().eir().zone()).minusDays(options.days()), options.seed(),
                Runtime.getRuntime().availableProcessors(), ceir.settings().country(), false).monthlyFiles(),
                SimulationProgress.SILENT);
        out.printf(Locale.ROOT, "   %,d subscribers over %d days: %,d operator rows in %,d monthly files,"
                + " %,d clone rings on %,d phones (%s)%n", options.subscribers(), options.days(), simulated.rows(), simulated.operatorFiles(),
                simulated.rings(), simulated.clonePhones(), country);
        done();

        step(2, "import it");
        ceir.database();
        importCountry(country);
        done();

        step(3, "detect clones, confirm the clear ones");
        Detector detector = new Detector(ceir.database(), ceir.settings().country(), ceir.settings().detect(),
                message -> { });
        RunReport run = detector.run(Optional.empty(), ACTOR, Optional.of(TruthFile.read(country.resolve("truth.csv"))));
        run.failure().ifPresent(failure -> {
            throw new IllegalStateException("detection failed: " + failure);
        });
        out.printf(Locale.ROOT, "   run %d over %s to %s: %,d triplets of %,d IMEIs; %d cases opened%n", run.runId(),
                run.windowStart(), run.asOf(), run.triplets(), run.imeis(), run.cases().opened());
        run.quality().ifPresent(q -> out.printf(Locale.ROOT, "   against the simulator's truth: precision %.1f%%, recall"
                + " %.1f%% (rings of 3 or more phones)%n", q.ours().precision() * 100, q.ours().recall3() * 100));
        confirmClearClones();
        var deadlines = ceir.registration().deadlines().scan(LocalDate.now(ceir.settings().registration().zone()));
        out.printf(Locale.ROOT, "   30-day rule: %,d unregistered phones given a deadline, %,d SMS queued%n",
                deadlines.newDeadlines(), deadlines.messagesQueued());
        done();

        step(4, "citizens: appeals at a post office, registrations");
        Citizens.Done citizens = new Citizens(ceir.database(), ceir.appeals(), ceir.registration(),
                ceir.settings().country().countryCode(), options.seed())
                .act(LocalDate.now(ceir.settings().registration().zone()), ceir.settings().eir().graceDays());
        out.println("   appeals filed by " + Citizens.CLERK + " at post office " + Citizens.OFFICE + ", decided by "
                + Citizens.ANALYST + ":");
        citizens.appeals().forEach(line -> out.println("     " + line));
        out.println("   phones registered by a clerk, duty taken:");
        citizens.registrations().forEach(line -> out.println("     " + line));
        appealed = citizens.appealedImeis();
        done();
    }

    /**
     * Step 5 and 6: starts every server, creates the demo accounts, prints what to try and the
     * report. The caller closes the service it returns.
     */
    public CheckService serve() {
        step(5, "start every server");
        CheckService service = CheckService.start(ceir, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                line -> { });
        try {
            String analystPassword = password();
            String operatorPassword = password();
            Users users = new Users(ceir.database(), ceir.settings().web());
            users.add(new Users.NewUser(Citizens.ANALYST, "Demo Analyst", analystPassword, EnumSet.of(Role.ANALYST),
                    null, null), ACTOR);
            String operator = ceir.settings().country().operators().get(0).code();
            String operatorUser = "demo-" + operator;
            users.add(new Users.NewUser(operatorUser, "Demo " + operator + " core network", operatorPassword,
                    EnumSet.of(Role.OPERATOR), operator, null), ACTOR);
            service.doors().forEach(door -> out.println("   " + door));
            CheckService.Door web = service.door(CheckService.WEB).orElseThrow();
            CheckService.Door n5g = service.door(CheckService.N5G_EIR).orElseThrow();
            CheckService.Door s13 = service.door(CheckService.S13).orElseThrow();
            String webBase = "http://" + CheckService.reachable(web.host()) + ":" + web.port();
            out.println();
            out.println("   console   " + webBase + "/login   user " + Citizens.ANALYST + "   password " + analystPassword);
            out.println("   operator  " + operatorUser + " (OPERATOR, " + operator + ")   password " + operatorPassword
                    + "   for the HTTP check API");
            out.println();
            List<Samples.Sample> samples = new Samples(ceir.database(), ceir.settings().eir(), ceir.settings().country())
                    .choose(service.engine().today(), appealed);
            out.println("   IMEIs to try (the verdict each door gives now, with that SIM):");
            for (Samples.Sample s : samples) {
                out.printf(Locale.ROOT, "     %-32s IMEI %s  IMSI %s  MSISDN %s  %-8s  %-11s %s%n", s.label(), s.imei(),
                        s.imsi(), s.msisdn(), s.operator(), s.outcome(), s.reason());
            }
            Samples.KINDS.stream().filter(kind -> samples.stream().noneMatch(s -> s.label().equals(kind)))
                    .forEach(kind -> out.println("     (" + kind + ": none in this country; more subscribers or days"
                            + " would have one)"));
            Samples.Sample example = samples.stream().filter(s -> s.label().startsWith("clone, a SIM not"))
                    .findFirst().orElse(samples.isEmpty() ? null : samples.get(0));
            if (example != null) {
                String home = options.showHome() ? " --home " + ceir.home() : "";
                out.println();
                out.println("   try them (here with " + example.label() + "; each refused clone check is counted):");
                out.println("     public check page   " + webBase + "/?imei=" + example.imei());
                out.println("     HTTP, as " + operator + "'s systems:");
                out.println("       curl -u '" + operatorUser + ":" + operatorPassword + "' '" + webBase
                        + "/api/v1/check?imei=" + example.imei() + "&imsi=" + example.imsi() + "&msisdn="
                        + example.msisdn() + "'");
                out.println("     5G N5g-eir, as an AMF:");
                out.println("       curl --http2-prior-knowledge 'http://" + CheckService.reachable(n5g.host()) + ":"
                        + n5g.port() + "/n5g-eir-eic/v1/equipment-status?pei=imei-" + example.imei() + "&supi=imsi-"
                        + example.imsi() + "&gpsi=msisdn-" + example.msisdn() + "'");
                out.println("     4G S13 (Diameter), as " + example.operator() + "'s MME:");
                out.println("       ./ceir check " + example.imei() + " --imsi " + example.imsi() + " --operator "
                        + example.operator() + " --via diameter --server " + CheckService.reachable(s13.host()) + ":"
                        + s13.port() + home);
            }
            done();

            step(6, "the article's figures, last three months");
            ArticleReports reports = ceir.reports();
            ArticleReport report = reports.report(ArticleReports.threeMonthsBefore(reports.today()), reports.today());
            ReportFormat.TEXT.write(report).lines().forEach(line -> out.println(line.isEmpty() ? "" : "   " + line));
            out.println("   (./ceir report" + (options.showHome() ? " --home " + ceir.home() : "")
                    + " again after a few refused checks: the engine writes its counters every few seconds;"
                    + " the console's dashboard shows the same: " + webBase + "/console/dashboard)");
            done();
            out.printf(Locale.ROOT, "ready in %.1f s%n", seconds(started));
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void confirmClearClones() {
        CloneCases cases = new CloneCases(ceir.database(), ceir.settings().country(), ceir.settings().detect());
        List<CloneCases.CaseSummary> open = new ArrayList<>(cases.list("OPEN", Integer.MAX_VALUE));
        open.sort(Comparator.comparingDouble(CloneCases.CaseSummary::score).reversed()
                .thenComparing(CloneCases.CaseSummary::id));
        int confirm = Math.max(0, open.size() - LEFT_FOR_ANALYST);
        int pairings = 0;
        for (CloneCases.CaseSummary c : open.subList(0, confirm)) {
            pairings += cases.confirm(c.id(), ACTOR, String.format(Locale.ROOT, "clear clone: score %.0f, confirmed by"
                    + " the demo as an analyst would", c.score())).pairingsChanged();
        }
        out.printf(Locale.ROOT, "   %d clones confirmed (%,d SIMs already on them paired), %d left open for an analyst"
                + " (./ceir cases list)%n", confirm, pairings, open.size() - confirm);
    }

    /** Imports the reference lists, then the operators' files, one thread per operator (their imports queue anyway). */
    private void importCountry(Path country) {
        Importer importer = new Importer(ceir.database(), ceir.settings().country(),
                ceir.settings().get(IngestSettings.class), Optional.empty(), new ImportListener() { });
        ImportOptions by = ImportOptions.by(ACTOR);
        importer.importTac(country.resolve("tac.csv"), by);
        ceir.registration().prices().importCsv(country.resolve("prices.csv"), ACTOR);
        ImportResult registrations = importer.importRegistrations(country.resolve("registrations.csv"), by);
        ImportResult stolen = importer.importStolen(country.resolve("stolen.csv"), by);
        out.printf(Locale.ROOT, "   reference lists: TAC catalogue, prices, %,d registrations, %,d stolen%n",
                registrations.rowsRead(), stolen.rowsRead());
        List<Path> operatorFiles;
        try (Stream<Path> files = Files.list(country.resolve("operator"))) {
            operatorFiles = files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the operator files in " + country + ": " + e.getMessage(), e);
        }
        AtomicInteger filesDone = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        Progress progress = new Progress(out, operatorFiles.size(), filesDone, rows, stepStarted);
        FileQueues.run(FileQueues.byOperator(operatorFiles), Runtime.getRuntime().availableProcessors(), file -> {
            ImportResult result = importer.importOperator(file, by);
            rows.addAndGet(result.rowsRead());
            filesDone.incrementAndGet();
            progress.maybePrint();
        });
        progress.finish();
    }

    private void step(int number, String what) {
        stepStarted = System.nanoTime();
        out.println();
        out.println(number + ". " + what);
    }

    private void done() {
        out.printf(Locale.ROOT, "   (%.1f s)%n", seconds(stepStarted));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A password for a demo account: 16 letters and digits, easy to paste, never reused. */
    private static String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
        SecureRandom random = new SecureRandom();
        return random.ints(16, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(Collectors.joining());
    }

    /** The import's progress: a line every few seconds, files and rows so far. */
    private static final class Progress {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final PrintStream out;
        private final int total;
        private final AtomicInteger files;
        private final AtomicLong rows;
        private final long started;
        private long lastPrinted;
        private int lastPrintedFiles = -1;

        Progress(PrintStream out, int total, AtomicInteger files, AtomicLong rows, long started) {
            this.out = out;
            this.total = total;
            this.files = files;
            this.rows = rows;
            this.started = started;
            this.lastPrinted = System.nanoTime();
        }

        synchronized void maybePrint() {
            long now = System.nanoTime();
            if (now - lastPrinted >= EVERY_NANOS) {
                lastPrinted = now;
                print();
            }
        }

        synchronized void finish() {
            if (lastPrintedFiles != files.get()) {
                print();
            }
        }

        private void print() {
            lastPrintedFiles = files.get();
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            out.printf(Locale.ROOT, "   operator files %d/%d, %,d rows, %,.0f rows/s%n", files.get(), total, rows.get(),
                    rows.get() / seconds);
        }
    }
}
