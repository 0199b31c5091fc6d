package org.ceir.app.cli;

import java.io.PrintStream;

import org.ceir.app.CheckService;
import org.ceir.app.demo.Demo;
import org.ceir.app.demo.DemoHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ceir demo}: a country in a box. Starts afresh in its home every run (see {@link DemoHome}),
 * then serves until Ctrl-C like {@code ceir serve}, or stops at once with {@code --no-serve}.
 */
@Command(name = "demo", description = {
    "A country in a box: simulate a country, import it, detect and confirm clones, file and decide",
    "appeals, start every server, print what to try and the article's figures; then serve until Ctrl-C.",
    "Starts afresh each run: it deletes its home directory, which must be a previous demo's or empty."})
public final class DemoCommand extends CeirCommandBase {
    @Option(names = "--subscribers", paramLabel = "N", defaultValue = "100000",
            description = "Subscribers of the simulated country (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "90",
            description = "Days of simulated operator files, ending yesterday (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-serve", description = "Stop after printing, instead of serving until Ctrl-C (for scripts and CI).")
    boolean noServe;

    @Override
    protected int run() throws InterruptedException {
        if (subscribers < 100 || days < 7) {
            throw new IllegalArgumentException("--subscribers " + subscribers + " --days " + days
                    + ": a country needs at least 100 subscribers and 7 days for clones to show");
        }
        PrintStream out = System.out;
        try (StopSignal stop = StopSignal.install("ceir-demo-stop")) {
            String url = ceir().settings().db().url();
            if (url != null && !url.isBlank()) {
                throw new IllegalArgumentException("ceir demo runs on its own embedded database, which it deletes each"
                        + " run; leave out --db and CEIR_DB_URL");
            }
            DemoHome.prepare(resolvedHome());
            out.println("ceir demo: a country in a box, in " + resolvedHome());
            Demo demo = new Demo(ceir(), out, new Demo.Options(subscribers, days, seed, home != null));
            demo.prepare();
            try (CheckService service = demo.serve()) {
                if (noServe) {
                    out.println("ceir: --no-serve: stopping");
                } else {
                    out.println("ceir: serving; Ctrl-C stops");
                    stop.await();
                    out.println("ceir: stopping: writing the last counters");
                }
            }
            ceir().close();
            out.println("ceir: stopped");
            return 0;
        }
    }
}
