package org.ceir.app.cli;

import java.io.PrintStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceir.app.Ceir;
import org.ceir.app.CheckService;
import org.ceir.app.ListSchedule;
import picocli.CommandLine.Command;

/**
 * {@code ceir serve}: loads the register into the check engine, starts every front-end and answers
 * until Ctrl-C (or SIGTERM), then stops the front-ends and writes the last counters.
 */
@Command(name = "serve", description = {
    "Answer the networks' device checks: load the register into memory, start every front-end,",
    "print where they listen, and run until Ctrl-C (the last counters are written on the way out)."})
public final class ServeCommand extends CeirCommandBase {
    @Override
    protected int run() throws InterruptedException {
        PrintStream out = System.out;
        try (StopSignal stop = StopSignal.install("ceir-serve-stop")) {
            Ceir ceir = ceir();
            out.println("ceir: data in " + ceir.database().description());
            // Prometheus, so that the web server's /metrics shows the engine's and every front-end's meters.
            MeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (CheckService service = CheckService.start(ceir, meters, line -> out.println("ceir: " + line));
                 ListSchedule lists = ListSchedule.start(ceir, line -> out.println("ceir: " + line))) {
                out.println("ceir: check engine ready, following the change log ("
                        + service.engine().health().detail() + ")");
                service.doors().forEach(door -> out.println("  " + door));
                out.println("ceir: serving; Ctrl-C stops");
                stop.await();
                out.println("ceir: stopping: writing the last counters");
            }
            ceir.close();
            out.println("ceir: stopped");
            return 0;
        }
    }
}
