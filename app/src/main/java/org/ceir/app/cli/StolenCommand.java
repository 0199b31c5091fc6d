package org.ceir.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ceir.registration.StolenReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir stolen report|recover|export}: lost and stolen phones. */
@Command(name = "stolen", description = "Lost and stolen phones: report (blocks every IMEI of the phone), recover, export.",
        subcommands = {StolenCommand.Report.class, StolenCommand.Recover.class, StolenCommand.Export.class})
public final class StolenCommand {

    @Command(name = "report", description = {"Report a phone lost or stolen: all its IMEIs are blocked for every SIM.",
        "An owner gives --police and --owner-fin; without --owner-fin a clerk reports."})
    static final class Report extends CeirCommandBase {
        @Option(names = "--registration", paramLabel = "REF", description = "The phone's registration.")
        String registration;

        @Option(names = "--imei", paramLabel = "IMEI", description = "An IMEI of the phone (one finds a registered phone's others).")
        List<String> imeis = List.of();

        @Option(names = "--lost", description = "Lost rather than stolen.")
        boolean lost;

        @Option(names = "--police", paramLabel = "REF", description = "The police report's reference (owners must give it).")
        String police;

        @Option(names = "--owner-fin", paramLabel = "ID", description = "The owner's ID: the owner reports.")
        String ownerId;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            StolenReports.Reported reported = ceir().registration().stolen().report(new StolenReports.Report(
                    lost ? StolenReports.Kind.LOST : StolenReports.Kind.STOLEN,
                    ownerId == null ? StolenReports.Reporter.CLERK : StolenReports.Reporter.OWNER,
                    Optional.ofNullable(registration), imeis, Optional.ofNullable(police), Optional.ofNullable(ownerId)),
                    actor.actor());
            System.out.println("report " + reported.reference() + ": " + reported.kind() + ", blocked "
                    + String.join(", ", reported.imeis()) + reported.registration().map(r -> " (registration " + r + ")")
                    .orElse(""));
            return 0;
        }
    }

    @Command(name = "recover", description = "The phone is back: lift its report's block.")
    static final class Recover extends CeirCommandBase {
        @Parameters(paramLabel = "REPORT")
        String report;

        @Option(names = "--owner-fin", paramLabel = "ID", description = "The owner's ID: the owner recovers.")
        String ownerId;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            StolenReports.Reported recovered = ceir().registration().stolen().recover(report,
                    ownerId == null ? StolenReports.Reporter.CLERK : StolenReports.Reporter.OWNER,
                    Optional.ofNullable(ownerId), actor.actor());
            System.out.println("report " + recovered.reference() + " recovered: unblocked "
                    + String.join(", ", recovered.imeis()));
            return 0;
        }
    }

    @Command(name = "export", description = "Write the stolen list in DIRBS format (imei,reporting_date,status).")
    static final class Export extends CeirCommandBase {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        protected int run() throws IOException {
            long rows;
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                rows = ceir().registration().stolen().exportDirbs(writer);
            }
            System.out.printf("%,d stolen IMEI(s) written to %s%n", rows, out);
            return 0;
        }
    }
}
