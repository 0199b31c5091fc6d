package org.ceir.appeals.report;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.ceir.appeals.AppealReport;

/** How {@code ceir report} writes an {@link ArticleReport}: the article's paragraph, CSV figures, or JSON. */
public enum ReportFormat {
    /** The article's paragraph with the numbers filled in, then the figures one a line. */
    TEXT {
        @Override
        public String write(ArticleReport report) {
            AppealReport a = report.appeals();
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "From %s to %s, %s IMEIs were given clone status%s. In the three"
                    + " months to %s they were seen on the network with the subscriber identities of %s mobile numbers,"
                    + " and %s network attach attempts with them were refused.%n", report.from(), report.to(),
                    n(report.cloneImeis()), report.cloneImeisLifted() == 0 ? ""
                            : " (" + n(report.cloneImeisLifted()) + " since lifted)", report.to(),
                    n(report.numbersSeen()), n(report.refusedAttempts())));
            out.append(String.format(Locale.ROOT, "%s citizens' appeals about IMEIs suspected of copying came in"
                    + " (%s through post offices, %s online): %s approved (%s as number changes, %s original owners,"
                    + " %s other), %s rejected as unfounded, %s still under investigation.%n", n(a.received()),
                    n(a.atPostOffice()), n(a.online()), n(a.approved()), n(a.approvedNumberChange()),
                    n(a.approvedOriginalOwner()), n(a.approvedOther()), n(a.rejected()), n(a.pending())));
            out.append(String.format(Locale.ROOT, "%s registrations covering %s phones became active, %s of state duty"
                    + " was collected, and %s IMEIs were blocked for missing registration.%n", n(report.registrations()),
                    n(report.registeredPhones()), money(report.dutyCollected()), n(report.blockedUnregistered())));
            out.append(String.format(Locale.ROOT, "(appeals' outcomes as of %s)%n%n", report.asOf()));
            for (String[] figure : figures(report)) {
                out.append(String.format(Locale.ROOT, "%-34s %s%n", figure[0], figure[1]));
            }
            return out.toString();
        }
    },
    /** One figure a line: {@code figure,value}, the period first. */
    CSV {
        @Override
        public String write(ArticleReport report) {
            StringBuilder out = new StringBuilder("figure,value\n");
            for (String[] figure : figures(report)) {
                out.append(figure[0]).append(',').append(figure[1]).append('\n');
            }
            return out.toString();
        }
    },
    /** The whole report, with the series the dashboard draws. */
    JSON {
        private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);

        @Override
        public String write(ArticleReport report) {
            try {
                Map<String, Object> json = new LinkedHashMap<>(figureMap(report));
                json.put("duty_collected", report.dutyCollected());
                json.put("clones_per_day", report.clonesPerDay());
                json.put("refused_per_day", report.refusedPerDay());
                json.put("registrations_per_day", report.registrationsPerDay());
                return MAPPER.writeValueAsString(json) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
            }
        }
    };

    /** The report in this format, ending with a line break. */
    public abstract String write(ArticleReport report);

    /** The format named (any case), or an error listing the formats. */
    public static ReportFormat named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format '" + name + "': one of text, csv, json");
    }

    /** The figures by stable, machine-friendly names, in the paragraph's order, as text. */
    static List<String[]> figures(ArticleReport report) {
        List<String[]> rows = new ArrayList<>();
        figureMap(report).forEach((name, value) -> rows.add(new String[] {name, String.valueOf(value)}));
        for (ArticleReport.Amount amount : report.dutyCollected()) {
            rows.add(rows.size() - 1, new String[] {"duty_collected_" + amount.currency().toLowerCase(Locale.ROOT),
                amount.amount().toPlainString()});
        }
        return rows;
    }

    private static Map<String, Object> figureMap(ArticleReport report) {
        AppealReport a = report.appeals();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("from", report.from());
        figures.put("to", report.to());
        figures.put("as_of", report.asOf());
        figures.put("clone_imeis", report.cloneImeis());
        figures.put("clone_imeis_lifted", report.cloneImeisLifted());
        figures.put("numbers_from", report.numbersFrom());
        figures.put("numbers_seen", report.numbersSeen());
        figures.put("refused_attempts", report.refusedAttempts());
        figures.put("appeals_received", a.received());
        figures.put("appeals_post_office", a.atPostOffice());
        figures.put("appeals_online", a.online());
        figures.put("appeals_approved", a.approved());
        figures.put("appeals_approved_number_change", a.approvedNumberChange());
        figures.put("appeals_approved_original_owner", a.approvedOriginalOwner());
        figures.put("appeals_approved_other", a.approvedOther());
        figures.put("appeals_rejected", a.rejected());
        figures.put("appeals_pending", a.pending());
        figures.put("registrations", report.registrations());
        figures.put("registered_phones", report.registeredPhones());
        figures.put("blocked_unregistered", report.blockedUnregistered());
        return figures;
    }

    private static String n(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String money(List<ArticleReport.Amount> amounts) {
        if (amounts.isEmpty()) {
            return "nothing";
        }
        return amounts.stream().map(a -> String.format(Locale.ROOT, "%,.2f %s", a.amount().setScale(2,
                RoundingMode.HALF_UP), a.currency())).collect(Collectors.joining(" and "));
    }
}
