package org.ceir.app.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;

import org.ceir.app.Ceir;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.sim.SimulationParameters;
import org.ceir.sim.SimulationProgress;
import org.ceir.sim.SimulationSummary;
import org.ceir.sim.Simulator;
import org.ceir.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ceir demo}: shows what ceir can do so far, end to end, on this machine. It grows with
 * every capability that lands.
 */
@Command(name = "demo", description = "Show ceir working end to end on this machine.")
public final class DemoCommand extends CeirCommandBase {
    @Option(names = "--subscribers", paramLabel = "N", defaultValue = "100000",
            description = "Subscribers of the simulated country (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "90",
            description = "Days of simulated operator files, ending yesterday (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    protected int run() {
        PrintStream out = System.out;
        long started = System.nanoTime();
        Ceir ceir = ceir();
        Database database = ceir.database();
        out.printf("1. database ready in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, database.description());

        out.println("2. identities, as a person types them:");
        for (String typed : new String[] {"352099001761481", "352099001761482", "3520990017614"}) {
            try {
                Imei imei = Imei.parse(typed);
                out.printf("   %-16s valid: TAC %s, serial %06d, check digit %d%n", typed, imei.tac(), imei.serial(),
                        imei.checkDigit());
            } catch (InvalidIdentityException e) {
                out.printf("   %-16s refused: %s%n", typed, e.getMessage());
            }
        }
        out.printf("   %-16s from a network: key %s (a 15th digit is not judged)%n", "352099001761480",
                Imei.formatKey(Imei.networkKey("352099001761480")));
        out.println("   +994 50 123 45 67 as E.164: " + ceir.numberingPlan().parseMsisdn("+994 50 123 45 67").e164());

        long simulating = System.nanoTime();
        SimulationParameters country = new SimulationParameters(ceir.home().resolve("demo-country"), subscribers, days,
                LocalDate.now().minusDays(days), seed, Runtime.getRuntime().availableProcessors(),
                ceir.settings().country(), true);
        SimulationSummary simulated = Simulator.run(country, SimulationProgress.SILENT);
        out.printf(Locale.ROOT, "3. a simulated country in %.1f s: %,d subscribers over %d days, %,d operator rows"
                + " (%,.0f rows/s), %,d clone rings on %,d phones%n", (System.nanoTime() - simulating) / 1e9,
                subscribers, days, simulated.rows(), simulated.rowsPerSecond(), simulated.rings(),
                simulated.clonePhones());
        out.println("   in " + country.out() + " (operator/, tac.csv, registrations.csv, stolen.csv, truth.csv)");
        out.println();
        out.println("Next: ./ceir db status shows what the database holds.");
        return 0;
    }
}
