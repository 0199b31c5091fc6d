package org.ceir.app.cli;

import java.time.LocalDate;
import java.util.Optional;

import org.ceir.app.Ceir;
import org.ceir.core.identity.Imei;
import org.ceir.detect.ImeiReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir show IMEI}: everything about one IMEI, with the evidence and a timeline. */
@Command(name = "show", description = "Explain one IMEI: model, statuses, pairings, cases, and its SIMs day by day.")
public final class ShowCommand extends CeirCommandBase {
    @Parameters(paramLabel = "IMEI", description = "14 or 15 digits (a 15th must be the check digit), or an IMEISV.")
    String imei;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "End of the window (default: the newest data).")
    LocalDate asOf;

    @Override
    protected int run() {
        Imei parsed = Imei.parse(imei);
        Ceir ceir = ceir();
        System.out.print(ImeiReport.render(ceir.database(), ceir.settings().country(), ceir.tuned().detect(), parsed,
                Optional.ofNullable(asOf)));
        return 0;
    }
}
