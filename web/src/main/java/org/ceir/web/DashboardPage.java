package org.ceir.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.ceir.appeals.AppealReport;
import org.ceir.appeals.report.ArticleReport;
import org.ceir.appeals.report.ArticleReports;

/**
 * The console's dashboard: the article's figures for a chosen period (the same as {@code ceir
 * report}) and four charts drawn by ECharts: clones confirmed per day, refused attach attempts per
 * day by operator, the appeals funnel, registrations and duty per day. Each chart is an image with a
 * label and has its data beside it as a table, for those who cannot see it.
 */
final class DashboardPage implements RouteGroup {
    static final String PATH = "/console/dashboard";
    private static final Set<Role> READERS = Set.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR);

    private final ArticleReports reports;
    private final View view;

    DashboardPage(ArticleReports reports, View view) {
        this.reports = reports;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, Access.staff(Role.ANALYST, Role.ADMIN, Role.AUDITOR), this::dashboard));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem(PATH, "nav.dashboard", READERS));
    }

    /** On the console's home: the article's three figures for the last three months, and the way to the charts. */
    @Override
    public List<HomeCard> cards(Principal user) {
        if (READERS.stream().noneMatch(user::has)) {
            return List.of();
        }
        LocalDate today = reports.today();
        ArticleReport report = reports.report(ArticleReports.threeMonthsBefore(today), today);
        return List.of(new HomeCard("figures", "home.figures.title", "home.figures.text", List.of(report.cloneImeis(),
                report.numbersSeen(), report.refusedAttempts(), report.appeals().received()), PATH, "home.figures.link"));
    }

    /** One chart: its title, its ECharts option as JSON, and its data as a table (header row first). */
    record Chart(String id, String title, String option, List<List<String>> table) {
    }

    private void dashboard(Context ctx) {
        Page page = view.page(ctx, "dashboard.title").withCharts();
        Params params = new Params(ctx, page);
        LocalDate today = reports.today();
        LocalDate to = params.date("to").orElse(today);
        LocalDate from = params.date("from").orElseGet(() -> ArticleReports.threeMonthsBefore(to));
        ArticleReport report;
        try {
            report = reports.report(from, to);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "bad-request", page.t("dashboard.bad-period", from, to));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", from);
        model.put("to", to);
        model.put("report", report);
        model.put("currency", reports.currency());
        model.put("charts", List.of(clones(page, report), refused(page, report), funnel(page, report),
                registrations(page, report)));
        view.render(ctx, "dashboard", page, model);
    }

    private static Chart clones(Page page, ArticleReport report) {
        List<String> days = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(page.t("dashboard.day"), page.t("dashboard.clones-confirmed")));
        for (ArticleReport.DayCount day : report.clonesPerDay()) {
            days.add(day.day().toString());
            counts.add(day.count());
            table.add(List.of(page.date(day.day()), Long.toString(day.count())));
        }
        Map<String, Object> option = base(days);
        option.put("series", List.of(Map.of("type", "bar", "name", page.t("dashboard.clones-confirmed"), "data", counts)));
        return new Chart("chart-clones", page.t("dashboard.chart-clones"), json(option), table);
    }

    private static Chart refused(Page page, ArticleReport report) {
        TreeSet<LocalDate> dayset = new TreeSet<>();
        TreeSet<String> operators = new TreeSet<>();
        report.refusedPerDay().forEach(r -> {
            dayset.add(r.day());
            operators.add(r.operator());
        });
        List<LocalDate> days = new ArrayList<>(dayset);
        List<Object> series = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(page.t("dashboard.day"), page.t("dashboard.operator"), page.t("dashboard.refused")));
        for (String operator : operators) {
            List<Long> counts = new ArrayList<>();
            for (LocalDate day : days) {
                counts.add(report.refusedPerDay().stream().filter(r -> r.day().equals(day) && r.operator().equals(operator))
                        .mapToLong(ArticleReport.OperatorDay::count).sum());
            }
            series.add(Map.of("type", "bar", "stack", "refused", "name", operator, "data", counts));
        }
        report.refusedPerDay().forEach(r -> table.add(List.of(page.date(r.day()), r.operator(), Long.toString(r.count()))));
        Map<String, Object> option = base(days.stream().map(LocalDate::toString).toList());
        option.put("legend", Map.of());
        option.put("series", series);
        return new Chart("chart-refused", page.t("dashboard.chart-refused"), json(option), table);
    }

    private static Chart funnel(Page page, ArticleReport report) {
        AppealReport a = report.appeals();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(page.t("dashboard.stage"), page.t("dashboard.appeals")));
        List<Map<String, Object>> data = new ArrayList<>();
        Object[][] stages = {{"dashboard.funnel-received", a.received()}, {"dashboard.funnel-decided",
            a.approved() + a.rejected()}, {"dashboard.funnel-approved", a.approved()},
            {"dashboard.funnel-number-change", a.approvedNumberChange()}};
        for (Object[] stage : stages) {
            String name = page.t((String) stage[0]);
            data.add(Map.of("name", name, "value", stage[1]));
            table.add(List.of(name, stage[1].toString()));
        }
        table.add(List.of(page.t("dashboard.funnel-rejected"), Long.toString(a.rejected())));
        table.add(List.of(page.t("dashboard.funnel-pending"), Long.toString(a.pending())));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(Map.of("type", "funnel", "sort", "none", "minSize", "10%", "label",
                Map.of("show", true, "position", "inside", "formatter", "{b}: {c}"), "data", data)));
        return new Chart("chart-appeals", page.t("dashboard.chart-appeals"), json(option), table);
    }

    private static Chart registrations(Page page, ArticleReport report) {
        List<String> days = new ArrayList<>();
        List<Long> registered = new ArrayList<>();
        List<BigDecimal> duty = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(page.t("dashboard.day"), page.t("dashboard.registrations"), page.t("dashboard.phones"),
                page.t("dashboard.duty")));
        for (ArticleReport.RegistrationDay day : report.registrationsPerDay()) {
            days.add(day.day().toString());
            registered.add(day.registrations());
            duty.add(day.duty());
            table.add(List.of(page.date(day.day()), Long.toString(day.registrations()), Long.toString(day.phones()),
                    day.duty().toPlainString()));
        }
        Map<String, Object> option = base(days);
        option.put("legend", Map.of());
        option.put("yAxis", List.of(Map.of("type", "value", "minInterval", 1), Map.of("type", "value")));
        option.put("series", List.of(
                Map.of("type", "bar", "name", page.t("dashboard.registrations"), "data", registered),
                Map.of("type", "line", "name", page.t("dashboard.duty"), "yAxisIndex", 1, "data", duty)));
        return new Chart("chart-registrations", page.t("dashboard.chart-registrations"), json(option), table);
    }

    /** A chart over days: a category axis of ISO days, a value axis of whole counts, a tooltip. */
    private static Map<String, Object> base(List<String> days) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 8, "bottom", 8));
        option.put("xAxis", Map.of("type", "category", "data", days));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        return option;
    }

    private static String json(Map<String, Object> option) {
        try {
            return Json.MAPPER.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chart's option as JSON: " + e.getMessage(), e);
        }
    }
}
