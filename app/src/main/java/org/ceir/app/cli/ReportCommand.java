package org.ceir.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.ceir.appeals.report.ArticleReports;
import org.ceir.appeals.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ceir report}: the article's paragraph as figures for a period. Without {@code --from} the
 * period is the last three months, the article's window for the numbers seen with clone IMEIs.
 */
@Command(name = "report", description = {
    "The article's figures for a period: IMEIs given clone status, the numbers seen with them in the",
    "last three months, refused attach attempts, appeals by outcome, registrations and duty collected,",
    "IMEIs blocked for missing registration."})
public final class ReportCommand extends CeirCommandBase {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "First day of the period (default: three months before --to, plus a day).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period (default: today).")
    String to;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text",
            description = "text (the article's paragraph, then the figures), csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    protected int run() {
        ReportFormat chosen = ReportFormat.named(format);
        ArticleReports reports = ceir().reports();
        LocalDate last = to == null ? reports.today() : day(to, "--to");
        LocalDate first = from == null ? ArticleReports.threeMonthsBefore(last) : day(from, "--from");
        System.out.print(chosen.write(reports.report(first, last)));
        return 0;
    }

    static LocalDate day(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + text + ": a day as YYYY-MM-DD");
        }
    }
}
