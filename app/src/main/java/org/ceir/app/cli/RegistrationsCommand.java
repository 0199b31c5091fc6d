package org.ceir.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ceir.registration.ImporterBatches;
import org.ceir.registration.Refusal;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.Registrations.Registration;
import org.ceir.registration.duty.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir registrations …}: find, list, cancel registrations, and import an importer's batch. */
@Command(name = "registrations", description = "Registrations: show, list, find by owner, cancel, import an importer's file.",
        subcommands = {RegistrationsCommand.Show.class, RegistrationsCommand.ListCommand.class,
            RegistrationsCommand.Owner.class, RegistrationsCommand.Cancel.class, RegistrationsCommand.Import.class})
public final class RegistrationsCommand {

    static void print(PrintStream out, Registration r) {
        out.println("registration " + r.reference() + "  " + r.kind() + "  " + r.status());
        if (!r.ownerMasked().isEmpty() || r.ownerName() != null) {
            out.println("  owner      " + (r.ownerName() == null ? "" : r.ownerName())
                    + (r.ownerMasked().isEmpty() ? "" : " (ID " + r.ownerMasked() + ")"));
        }
        if (r.make() != null) {
            out.println("  phone      " + r.make() + " " + r.model());
        }
        if (r.phones() > 1) {
            out.printf("  phones     %,d%n", r.phones());
        }
        out.println("  IMEIs      " + String.join(", ", r.imeis().subList(0, Math.min(6, r.imeis().size())))
                + (r.imeis().size() > 6 ? ", …" : ""));
        r.quote().ifPresent(quote -> quote.render().forEach(line -> out.println("  " + line)));
        out.println("  created    " + r.createdAt() + " by " + r.createdBy()
                + r.activatedAt().map(at -> ", active since " + at).orElse(""));
    }

    @Command(name = "show", description = "One registration, with its duty computation.")
    static final class Show extends CeirCommandBase {
        @Parameters(paramLabel = "REF")
        String reference;

        @Override
        protected int run() {
            Registration r = ceir().registration().registrations().find(reference).orElseThrow(() ->
                    new RegistrationException(RegistrationException.Kind.NOT_FOUND, "no registration " + reference));
            print(System.out, r);
            return 0;
        }
    }

    @Command(name = "list", description = "The newest registrations.")
    static final class ListCommand extends CeirCommandBase {
        @Option(names = "--status", description = "PENDING_PAYMENT, ACTIVE or CANCELLED.")
        String status;

        @Option(names = "--limit", defaultValue = "20")
        int limit;

        @Override
        protected int run() {
            List<Registration> found = ceir().registration().registrations().list(Optional.ofNullable(status), limit);
            for (Registration r : found) {
                System.out.printf("%-11s %-10s %-15s %-28s %,9d phone(s) %14s%n", r.reference(), r.kind(), r.status(),
                        r.make() == null ? r.ownerName() : r.make() + " " + r.model(), r.phones(),
                        r.duty() == null ? "" : Money.format(r.duty(), r.currency()));
            }
            System.out.println(found.size() + " registration(s)");
            return 0;
        }
    }

    @Command(name = "owner", description = "A person's registrations, found by their ID (never stored in the clear).")
    static final class Owner extends CeirCommandBase {
        @Option(names = "--fin", required = true, paramLabel = "ID")
        String ownerId;

        @Override
        protected int run() {
            List<Registration> found = ceir().registration().registrations().ofOwner(ownerId);
            found.forEach(r -> print(System.out, r));
            System.out.println(found.size() + " registration(s)");
            return 0;
        }
    }

    @Command(name = "cancel", description = "Cancel a registration; an active one's IMEIs stop being registered.")
    static final class Cancel extends CeirCommandBase {
        @Parameters(paramLabel = "REF")
        String reference;

        @Option(names = "--reason", required = true)
        String reason;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            print(System.out, ceir().registration().registrations().cancel(reference, reason, actor.actor()));
            return 0;
        }
    }

    @Command(name = "import", description = {"Register an importer's phones from a CSV file, all or nothing.",
        "Header imei,model,price (any order; a multi-SIM phone's IMEIs in one cell, separated by |)."})
    static final class Import extends CeirCommandBase {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--importer", required = true, paramLabel = "NAME", description = "The company the phones are registered to.")
        String importer;

        @Option(names = "--report", paramLabel = "FILE", description = "Where to write every refused row (default: FILE.rejected.txt).")
        Path report;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() throws IOException {
            long started = System.nanoTime();
            ImporterBatches.Result result;
            try {
                result = ceir().registration().batches().importCsv(file, importer, actor.actor());
            } catch (RegistrationException e) {
                if (!e.refusals().isEmpty()) {
                    Path out = report != null ? report : file.resolveSibling(file.getFileName() + ".rejected.txt");
                    Files.write(out, e.refusals().stream().map(Refusal::toString).toList());
                    throw new RegistrationException(e.kind(), e.getMessage() + " (every refused row: " + out + ")");
                }
                throw e;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintStream out = System.out;
            out.printf("registered %,d phone(s), %,d IMEI(s) as %s in %.1f s (%,.0f IMEIs/s); import job %d%n",
                    result.phones(), result.imeis(), result.reference(), seconds, result.imeis() / seconds, result.jobId());
            out.println("status " + result.status());
            result.quote().render().forEach(line -> out.println("  " + line));
            return 0;
        }
    }
}
