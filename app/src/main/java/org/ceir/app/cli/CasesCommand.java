package org.ceir.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.ceir.app.Ceir;
import org.ceir.core.identity.Imei;
import org.ceir.detect.CloneCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir cases …}: the review queue of suspected clones and an analyst's decisions. */
@Command(name = "cases", description = "Suspected clones: review, confirm, dismiss, lift.",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Confirm.class,
            CasesCommand.Dismiss.class, CasesCommand.Lift.class})
public final class CasesCommand {

    static CloneCases cases(Ceir ceir) {
        return new CloneCases(ceir.database(), ceir.settings().country(), ceir.tuned().detect());
    }

    /** A case id, or an IMEI (14 digits or more) meaning its newest case. */
    static long resolve(CloneCases cases, String idOrImei) {
        String value = idOrImei.strip();
        if (value.length() >= 14) {
            Imei imei = Imei.parse(value);
            return cases.caseOf(imei.key()).orElseThrow(() -> new IllegalArgumentException(
                    "IMEI " + imei + " has no case; ceir show " + imei + " explains it"));
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + idOrImei + "' is neither a case id nor an IMEI");
        }
    }

    @Command(name = "list", description = "The cases, open ones first by score.")
    static final class ListCases extends CeirCommandBase {
        @Option(names = "--status", defaultValue = "open",
                description = "open, confirmed, dismissed, lifted, expired or all (default: ${DEFAULT-VALUE}).")
        String status;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        protected int run() {
            List<CloneCases.CaseSummary> list = cases(ceir()).list(status, limit);
            PrintStream out = System.out;
            out.printf(Locale.ROOT, "%6s  %-14s  %-9s  %8s  %5s  %-10s  %s%n", "case", "IMEI", "status", "score", "SIMs",
                    "opened", "decision");
            for (CloneCases.CaseSummary c : list) {
                out.printf(Locale.ROOT, "%6d  %-14s  %-9s  %8.0f  %5d  %-10s  %s%n", c.id(), c.imei(), c.status(),
                        c.score(), c.sims(), c.openedAt().toLocalDate(),
                        c.decidedBy() == null ? "" : c.decidedBy() + ": " + c.reason());
            }
            out.println(list.isEmpty() ? "no " + status + " cases" : list.size() + " case(s)");
            return 0;
        }
    }

    @Command(name = "show", description = "A case with the evidence it was opened (or decided) on.")
    static final class Show extends CeirCommandBase {
        @Parameters(paramLabel = "CASE", description = "A case id, or an IMEI for its newest case.")
        String idOrImei;

        @Override
        protected int run() {
            CloneCases cases = cases(ceir());
            System.out.print(cases.show(resolve(cases, idOrImei)));
            return 0;
        }
    }

    /** What confirm, dismiss and lift share: the case, who decides, and why. */
    abstract static class Decide extends CeirCommandBase {
        @Parameters(paramLabel = "CASE", description = "A case id, or an IMEI for its newest case.")
        String idOrImei;

        @Option(names = "--reason", required = true, description = "Why; it goes to the audit log.")
        String reason;

        @Option(names = "--by", description = "Who decides (default: the operating system user).")
        String by;

        String actor() {
            return by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name", "cli");
        }
    }

    @Command(name = "confirm", description = "Confirm a clone: CLONE, and the SIMs seen lately are paired with it.")
    static final class Confirm extends Decide {
        @Override
        protected int run() {
            CloneCases cases = cases(ceir());
            CloneCases.Decision d = cases.confirm(resolve(cases, idOrImei), actor(), reason);
            System.out.printf(Locale.ROOT, "case %d: IMEI %s is CLONE; %d SIM(s) paired (GRANDFATHERED)%n",
                    d.decided().id(), d.decided().imei(), d.pairingsChanged());
            return 0;
        }
    }

    @Command(name = "dismiss", description = "Dismiss a suspicion; only a SIM not seen now re-opens it.")
    static final class Dismiss extends Decide {
        @Override
        protected int run() {
            CloneCases cases = cases(ceir());
            CloneCases.Decision d = cases.dismiss(resolve(cases, idOrImei), actor(), reason);
            System.out.printf(Locale.ROOT, "case %d: IMEI %s dismissed%n", d.decided().id(), d.decided().imei());
            return 0;
        }
    }

    @Command(name = "lift", description = "Lift a confirmed clone status and the pairings its confirmation made.")
    static final class Lift extends Decide {
        @Override
        protected int run() {
            CloneCases cases = cases(ceir());
            CloneCases.Decision d = cases.lift(resolve(cases, idOrImei), actor(), reason);
            System.out.printf(Locale.ROOT, "case %d: IMEI %s is no longer CLONE; %d pairing(s) removed%n",
                    d.decided().id(), d.decided().imei(), d.pairingsChanged());
            return 0;
        }
    }
}
