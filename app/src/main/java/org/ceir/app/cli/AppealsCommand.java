package org.ceir.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ceir.appeals.AppealEvidence;
import org.ceir.appeals.AppealKind;
import org.ceir.appeals.AppealQueries;
import org.ceir.appeals.AppealStatus;
import org.ceir.appeals.AppealSummary;
import org.ceir.appeals.AppealView;
import org.ceir.appeals.Appeals;
import org.ceir.appeals.Attachment;
import org.ceir.appeals.NewAppeal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir appeals …}: file, list, show, decide and count citizens' appeals. */
@Command(name = "appeals", description = "Citizens' appeals: file (at a post office), list, show, decide, report.",
        subcommands = {AppealsCommand.File.class, AppealsCommand.ListAppeals.class, AppealsCommand.Show.class,
            AppealsCommand.Decide.class, AppealsCommand.AddInfo.class, AppealsCommand.Overdue.class,
            AppealsCommand.Report.class})
public final class AppealsCommand {

    static List<Attachment> read(List<Path> files) {
        List<Attachment> attachments = new ArrayList<>();
        for (Path file : files) {
            try {
                attachments.add(new Attachment(file.getFileName().toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("attachment " + file + ": " + e.getMessage(), e);
            }
        }
        return attachments;
    }

    @Command(name = "file", description = {"File an appeal a citizen brings to a post office (they showed their ID).",
        "The citizen is told the tracking number and gets an SMS with it."})
    static final class File extends CeirCommandBase {
        @Option(names = "--kind", required = true, description = "number-change, original-owner or other.")
        String kind;

        @Option(names = "--imei", required = true, description = "The phone's IMEI (dial *#06#).")
        String imei;

        @Option(names = "--fin", required = true, description = "The applicant's ID (FIN); stored encrypted.")
        String fin;

        @Option(names = "--contact", required = true, description = "The applicant's contact number (SMS go there).")
        String contact;

        @Option(names = "--imsi", description = "The SIM's IMSI, when known (the new SIM, or the owner's).")
        String imsi;

        @Option(names = "--msisdn", description = "The SIM's phone number (the new number, or the owner's).")
        String msisdn;

        @Option(names = "--text", defaultValue = "", description = "The applicant's words.")
        String text;

        @Option(names = "--attach", paramLabel = "FILE", description = "A PDF or JPEG (at most 5 MB); repeat for more.")
        List<Path> attachments = new ArrayList<>();

        @Option(names = "--language", defaultValue = "az", description = "az, en or ru: the SMS language (default: ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--office", required = true, description = "The post office's code.")
        String office;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            Appeals.Filed filed = ceir().appeals().fileAtPostOffice(new NewAppeal(AppealKind.parse(kind), imei, fin,
                    contact, imsi, msisdn, text, language, read(attachments)), actor.actor(), office);
            System.out.println("appeal " + filed.tracking() + " RECEIVED, due " + filed.dueOn()
                    + (filed.attachments() > 0 ? ", " + filed.attachments() + " attachment(s)" : "")
                    + filed.duplicateOf().map(d -> "; linked to the applicant's open appeal " + d
                    + " (decided with it)").orElse(""));
            return 0;
        }
    }

    @Command(name = "list", description = "The queue: open appeals by due date first.")
    static final class ListAppeals extends CeirCommandBase {
        @Option(names = "--status", defaultValue = "open",
                description = "open, all, or a status: received, under_review, info_requested, approved, rejected.")
        String status;

        @Option(names = "--overdue", description = "Only open appeals past their due date.")
        boolean overdue;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        protected int run() {
            List<AppealSummary> list = ceir().appeals().list(statuses(status), overdue, limit);
            print(System.out, list);
            System.out.println(list.size() + " appeal(s)");
            return 0;
        }

        static Set<AppealStatus> statuses(String status) {
            String wanted = status.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (wanted.equals("ALL")) {
                return Set.of();
            }
            if (wanted.equals("OPEN")) {
                return AppealStatus.OPEN;
            }
            try {
                return EnumSet.of(AppealStatus.valueOf(wanted));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--status " + status + ": open, all, received, under_review,"
                        + " info_requested, approved or rejected");
            }
        }
    }

    static void print(PrintStream out, List<AppealSummary> list) {
        out.printf(Locale.ROOT, "%-12s %-14s %-14s %-15s %-11s %-10s %s%n", "appeal", "kind", "status", "IMEI",
                "channel", "due", "");
        for (AppealSummary a : list) {
            out.printf(Locale.ROOT, "%-12s %-14s %-14s %-15s %-11s %-10s %s%n", a.tracking(), a.kind(), a.status(),
                    a.imei(), a.channel() == org.ceir.appeals.Channel.POST_OFFICE ? a.officeCode().orElse("") : "online",
                    a.dueOn(), (a.overdue() ? "OVERDUE " : "") + a.duplicateOf().map(d -> "duplicate of " + d).orElse(""));
        }
    }

    @Command(name = "show", description = "One appeal: its steps, attachments and, with --evidence, everything the analyst weighs.")
    static final class Show extends CeirCommandBase {
        @Parameters(paramLabel = "TRACKING")
        String tracking;

        @Option(names = "--evidence", description = "Add the IMEI's evidence: registrations, pairings, cases, SIMs by day.")
        boolean evidence;

        @Override
        protected int run() {
            PrintStream out = System.out;
            Appeals appeals = ceir().appeals();
            AppealView a = appeals.get(tracking);
            out.println("appeal " + a.tracking() + "  " + a.kind() + "  " + a.status() + (a.overdue() ? "  OVERDUE" : ""));
            out.println("  IMEI        " + a.imei());
            out.println("  applicant   " + a.applicantMasked() + ", contact +" + a.contactMsisdn() + ", SMS in "
                    + a.language());
            out.println("  claims SIM  " + a.claimedImsi().orElse("-") + " / " + a.claimedMsisdn().map(m -> "+" + m)
                    .orElse("-"));
            out.println("  filed       " + a.receivedAt() + " by " + a.filedBy() + " ("
                    + (a.channel() == org.ceir.appeals.Channel.ONLINE ? "online" : "post office "
                    + a.officeCode().orElse("")) + "), due " + a.dueOn());
            a.duplicateOf().ifPresent(d -> out.println("  duplicate   of " + d + " (decided with it)"));
            if (!a.duplicates().isEmpty()) {
                out.println("  duplicates  " + String.join(", ", a.duplicates()));
            }
            if (!a.statement().isEmpty()) {
                out.println("  statement   " + a.statement());
            }
            a.decidedBy().ifPresent(by -> out.println("  decided     " + a.decidedAt().orElseThrow() + " by " + by + ": "
                    + a.decisionReason().orElse("")));
            out.println("steps");
            for (AppealView.Event e : a.events()) {
                out.println("  " + e.at() + "  " + e.actor() + "  " + e.action() + " -> " + e.to()
                        + e.reason().map(r -> ": " + r).orElse(""));
            }
            for (AppealView.AttachmentInfo f : a.attachments()) {
                out.printf(Locale.ROOT, "attachment %d  %s  %s  %,d bytes  sha256 %s%n", f.id(), f.fileName(),
                        f.mediaType(), f.sizeBytes(), f.sha256());
            }
            if (evidence) {
                printEvidence(out, appeals.evidence(tracking));
            }
            return 0;
        }

        private static void printEvidence(PrintStream out, AppealEvidence.Facts facts) {
            out.println();
            out.println("evidence");
            facts.firstSeen().ifPresentOrElse(first -> out.println("  first seen  " + first.day() + " with "
                    + String.join(", ", first.sims()) + " (the first-seen rule's original)"),
                    () -> out.println("  first seen  never on a network"));
            facts.claimedSim().ifPresentOrElse(sim -> out.println("  claimed SIM seen with the IMEI " + sim.first()
                    + " to " + sim.last() + (sim.firstOnImei() ? ", from the IMEI's first day" : "")),
                    () -> out.println("  claimed SIM never seen with the IMEI"));
            for (AppealEvidence.RegistrationFact r : facts.registrations()) {
                out.println("  registered  " + r.reference() + " " + r.status() + " " + r.model()
                        + switch (r.owner()) {
                            case APPLICANT -> " (the applicant is its owner)";
                            case ANOTHER -> " (another owner)";
                            default -> " (no owner recorded)";
                        } + r.payment().map(p -> ", paid " + p).orElse(", no payment recorded"));
            }
            for (AppealEvidence.PairingFact p : facts.pairings()) {
                out.println("  pairing     " + (p.imsi() == null ? "-" : p.imsi()) + "/" + (p.msisdn() == null ? "-"
                        : p.msisdn()) + " " + p.kind() + " " + (p.ref() == null ? "" : p.ref())
                        + p.removed().map(r -> " removed " + r).orElse(" active"));
            }
            for (AppealEvidence.CaseFact c : facts.cases()) {
                out.printf(Locale.ROOT, "  case        %d %s score %.0f%s%n", c.id(), c.status(), c.score(),
                        c.decision().map(d -> ": " + d).orElse(""));
            }
            for (AppealSummary other : facts.otherAppeals()) {
                out.println("  appeal      " + other.tracking() + " " + other.kind() + " " + other.status());
            }
            out.println();
            out.print(facts.imeiReport());
        }
    }

    /** The one decision a {@code decide} makes. */
    static final class Verdict {
        @Option(names = "--review", required = true, description = "Take the appeal: UNDER_REVIEW, with you as reviewer.")
        boolean review;

        @Option(names = "--approve", required = true, description = "Approve: pair the SIM it names (NUMBER_CHANGE, ORIGINAL_OWNER).")
        boolean approve;

        @Option(names = "--reject", required = true, description = "Reject; the applicant is told the reason.")
        boolean reject;

        @Option(names = "--request-info", required = true, description = "Ask the applicant for more; the reason says what.")
        boolean requestInfo;
    }

    @Command(name = "decide", description = {"An analyst's step on an appeal: review, approve, reject or request information.",
        "Approving a number change pairs the new SIM (and --unpair removes the old), so the checks let it on within",
        "a second; the applicant is told by SMS. Every step is audited."})
    static final class Decide extends CeirCommandBase {
        @Parameters(paramLabel = "TRACKING")
        String tracking;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Verdict verdict;

        @Option(names = "--reason", description = "Why (required to approve, reject or request information); the applicant is told it.")
        String reason;

        @Option(names = "--imsi", description = "Approve: the IMSI to pair (default: the appeal's claim).")
        String imsi;

        @Option(names = "--msisdn", description = "Approve: the number to pair (default: the appeal's claim).")
        String msisdn;

        @Option(names = "--unpair", paramLabel = "IMSI|NUMBER", description = "Approve: remove this active pairing (the old SIM); repeatable.")
        List<String> unpair = new ArrayList<>();

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            Appeals appeals = ceir().appeals();
            PrintStream out = System.out;
            if (verdict.review) {
                AppealView a = appeals.review(tracking, actor.actor());
                out.println("appeal " + a.tracking() + " UNDER_REVIEW by " + a.reviewer().orElse(""));
            } else if (verdict.requestInfo) {
                AppealView a = appeals.requestInfo(tracking, actor.actor(), reason);
                out.println("appeal " + a.tracking() + " INFO_REQUESTED; the applicant is told by SMS");
            } else {
                Appeals.Decision d = verdict.approve
                        ? appeals.approve(tracking, actor.actor(), reason, new Appeals.Approval(imsi, msisdn, unpair))
                        : appeals.reject(tracking, actor.actor(), reason);
                out.println("appeal " + d.appeal().tracking() + " " + d.appeal().status()
                        + (d.paired().isEmpty() ? "" : "; paired " + String.join(", ", d.paired()))
                        + (d.unpaired().isEmpty() ? "" : "; unpaired " + String.join(", ", d.unpaired()))
                        + (d.decidedWith().isEmpty() ? "" : "; decided with it " + String.join(", ", d.decidedWith())));
                if (!d.paired().isEmpty() && !d.imeiIsClone()) {
                    out.println("note: IMEI " + d.appeal().imei() + " is not CLONE: the pairing matters once it is");
                }
            }
            return 0;
        }
    }

    @Command(name = "add-info", description = "Add what the applicant brought (words, documents); an appeal waiting for it resumes.")
    static final class AddInfo extends CeirCommandBase {
        @Parameters(paramLabel = "TRACKING")
        String tracking;

        @Option(names = "--text", defaultValue = "")
        String text;

        @Option(names = "--attach", paramLabel = "FILE", description = "A PDF or JPEG (at most 5 MB); repeat for more.")
        List<Path> attachments = new ArrayList<>();

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            AppealView a = ceir().appeals().addInfo(tracking, actor.actor(), text, read(attachments));
            System.out.println("appeal " + a.tracking() + " " + a.status() + ", due " + a.dueOn());
            return 0;
        }
    }

    @Command(name = "overdue", description = "Open appeals past their due date, and clone cases open as long.")
    static final class Overdue extends CeirCommandBase {
        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        protected int run() {
            AppealQueries.Overdue overdue = ceir().appeals().overdue(limit);
            PrintStream out = System.out;
            out.println("overdue on " + overdue.today() + ": " + overdue.appeals().size() + " appeal(s), "
                    + overdue.cases().size() + " clone case(s)");
            if (!overdue.appeals().isEmpty()) {
                print(out, overdue.appeals());
            }
            for (AppealQueries.OverdueCase c : overdue.cases()) {
                out.printf(Locale.ROOT, "case %-6d IMEI %s  score %.0f  opened %s  due %s%n", c.id(), c.imei(), c.score(),
                        c.openedAt(), c.dueOn());
            }
            return 0;
        }
    }

    @Command(name = "report", description = "The article's table: received, approved by kind, rejected, pending, median time to decision.")
    static final class Report extends CeirCommandBase {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of receipt counted.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of receipt counted.")
        String to;

        @Override
        protected int run() {
            System.out.print(ceir().appeals().report(ReportCommand.day(from, "--from"), ReportCommand.day(to, "--to"))
                    .render());
            return 0;
        }
    }
}
