package org.ceir.sim;

import java.nio.file.Path;
import java.util.Locale;

import org.ceir.core.country.Operator;

/**
 * {@code README.txt}: what was simulated, for people. Deterministic like every other file: no
 * times, no paths.
 */
final class Readme {
    private Readme() {
    }

    static void write(Path file, SimulationParameters parameters, World world, SimulationSummary summary) {
        OutputFile.writeText(file, writer -> {
            StringBuilder text = new StringBuilder();
            text.append("A synthetic country written by ceir simulate\n\n");
            text.append(String.format(Locale.ROOT, "country      %s (MCC %s, +%s)%n", parameters.country().name(),
                    parameters.country().mcc(), parameters.country().countryCode()));
            text.append("operators   ");
            double[] shares = Population.operatorShares(parameters.country().operators().size());
            double sum = 0;
            for (double share : shares) {
                sum += share;
            }
            for (int i = 0; i < shares.length; i++) {
                Operator operator = parameters.country().operators().get(i);
                text.append(String.format(Locale.ROOT, " %s %s-%s %.0f%%", operator.code(), operator.mcc(), operator.mnc(),
                        100 * shares[i] / sum));
            }
            text.append('\n');
            text.append(String.format(Locale.ROOT, "subscribers  %,d%n", parameters.subscribers()));
            text.append(String.format(Locale.ROOT, "period       %s to %s (%d days)%n", parameters.start(),
                    parameters.end(), parameters.days()));
            text.append(String.format(Locale.ROOT, "seed         %d%n", parameters.seed()));
            text.append(String.format(Locale.ROOT, "command      ceir simulate --subscribers %d --days %d --start %s --seed %d%n%n",
                    parameters.subscribers(), parameters.days(), parameters.start(), parameters.seed()));

            text.append(String.format(Locale.ROOT, "operator rows      %,d in %,d files under operator/ (%,d bytes gzipped)%n",
                    summary.rows(), summary.operatorFiles(), summary.bytes()));
            text.append(String.format(Locale.ROOT, "phones             %,d (%,d SIMs, %,d links)%n",
                    world.devices.size(), world.sims.size(), world.linkCount()));
            text.append(String.format(Locale.ROOT, "tac.csv            %,d TACs%n", summary.tacs()));
            text.append(String.format(Locale.ROOT, "registrations.csv  %,d IMEIs%n", summary.registrations()));
            text.append(String.format(Locale.ROOT, "stolen.csv         %,d IMEIs%n", summary.stolen()));
            text.append(String.format(Locale.ROOT, "truth.csv          %,d IMEIs%n", totalImeis(summary)));
            text.append(String.format(Locale.ROOT, "clone rings        %,d seen, %,d phones on cloned IMEIs, the largest %,d%n",
                    summary.rings(), summary.clonePhones(), summary.largestRing()));
            text.append(String.format(Locale.ROOT, "shop test SIMs     %,d%n%n", world.shopSims));

            text.append(String.format(Locale.ROOT, "%-18s %12s %12s%n", "persona", "people", "IMEIs"));
            for (Persona persona : Persona.values()) {
                text.append(String.format(Locale.ROOT, "%-18s %,12d %,12d%n", persona.label(),
                        summary.people().get(persona), summary.imeis().get(persona)));
            }
            text.append("\nRoamers are visitors on top of the subscribers. How each persona behaves, and the\n"
                    + "shares, are described in ceir's README (section \"Simulating a country\").\n");
            writer.write(text.toString());
        });
    }

    private static long totalImeis(SimulationSummary summary) {
        long total = 0;
        for (long count : summary.imeis().values()) {
            total += count;
        }
        return total;
    }
}
