package org.ceir.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.ceir.registration.PriceList;
import org.ceir.registration.duty.Bracket;
import org.ceir.registration.duty.DutyQuote;
import org.ceir.registration.duty.Money;
import org.ceir.registration.duty.Payer;
import org.ceir.registration.duty.TariffVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir duty …}: what a phone pays, the tariff's versions, and the price catalogue. */
@Command(name = "duty", description = "The state duty: quote a phone, show the tariff, import the price catalogue.",
        subcommands = {DutyCommand.Quote.class, DutyCommand.Tariffs.class, DutyCommand.Prices.class})
public final class DutyCommand {

    @Command(name = "quote", description = {"The duty of one phone, line by line.",
        "With --model the catalogue's market price is used and --price (what was paid) only shown;",
        "without a model, --price is taken as the market price."})
    static final class Quote extends CeirCommandBase {
        @Option(names = "--model", description = "A model as the price list or the TAC catalogue names it, e.g. \"Apple iPhone 13\".")
        String model;

        @Option(names = "--price", paramLabel = "USD", description = "A price in US dollars.")
        String price;

        @Option(names = "--importer", description = "Quote for an importer instead of a person.")
        boolean importer;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Quote under the tariff of another day.")
        LocalDate date;

        @Option(names = "--earlier", defaultValue = "0", paramLabel = "N",
                description = "The person's earlier personal imports this year (the excise exempts the first).")
        int earlier;

        @Override
        protected int run() {
            DutyQuote quote = ceir().registration().registrations().quote(Optional.ofNullable(model),
                    Optional.ofNullable(price).map(p -> Money.parse(p, "--price")),
                    importer ? Payer.IMPORTER : Payer.PERSON, Optional.ofNullable(date), earlier);
            quote.render().forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "tariffs", description = "The tariff's versions and their brackets.")
    static final class Tariffs extends CeirCommandBase {
        @Override
        protected int run() {
            PrintStream out = System.out;
            var settings = ceir().tuned().registration();
            out.println("currency " + settings.currency() + ", " + settings.unitsPerUsd().toPlainString() + " "
                    + settings.currency() + " per USD");
            for (TariffVersion version : settings.tariff().versions()) {
                out.println(version.id() + " from " + version.effectiveFrom()
                        + (version.assumption().isEmpty() ? "" : "  (assumption: " + version.assumption() + ")"));
                for (Bracket bracket : version.brackets()) {
                    out.printf("  %-12s %-32s %s%n", bracket.upToUsd() == null ? "above" : "≤ " + Money.usd(bracket.upToUsd()),
                            bracket.deviceTypes().isEmpty() ? "" : String.join(", ", bracket.deviceTypes()),
                            bracket.amount() != null ? Money.format(bracket.amount(), settings.currency())
                                    : bracket.ratePercent().toPlainString() + "% of the market price");
                }
                out.println("  not in the price catalogue: " + Money.format(version.notInCatalogue(), settings.currency()));
                if (version.excise() != null) {
                    out.println("  excise: " + Money.format(version.excise().perImportedPhone(), settings.currency())
                            + " per imported phone; " + version.excise().exemptPersonalPerYear()
                            + " personal import(s) a year exempt, then " + Money.format(
                            version.excise().personalBeyondExempt(), settings.currency()) + " each");
                }
            }
            return 0;
        }
    }

    @Command(name = "prices", description = "Import the price catalogue (prices.csv: manufacturer,model,market_price_usd).")
    static final class Prices extends CeirCommandBase {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            PriceList.ImportResult result = ceir().registration().prices().importCsv(file, actor.actor());
            System.out.printf("%,d model(s) read, %,d new or changed; import job %d%n", result.rows(), result.changed(),
                    result.jobId());
            return 0;
        }
    }
}
