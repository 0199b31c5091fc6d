package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ceir.detect.CloneCases;
import org.ceir.detect.Evidence;
import org.ceir.store.Database;

/**
 * The clone cases queue and a case's page: open cases first, sortable by score, filtered by
 * status, condition, least score, IMEI prefix and opening day; a case with its evidence drawn by
 * day and the forms to confirm, dismiss or lift it, each with a required reason. Decisions go
 * through detect's {@link CloneCases}, which changes the status, the pairings, the change log and
 * the audit log in one transaction. Who reads and who decides is {@link CaseRoles}' rule, the same
 * as {@code /api/v1/cases}.
 */
final class CasePages implements RouteGroup {
    static final int PAGE_SIZE = 50;
    private static final String[] STATUSES = {"open", "all", "confirmed", "dismissed", "lifted", "expired"};
    private static final String[] SORTS = {"score-desc", "score-asc", "opened-desc", "opened-asc", "sims-desc"};

    private final Database database;
    private final ConsoleServices console;
    private final View view;

    CasePages(Database database, ConsoleServices console, View view) {
        this.database = database;
        this.console = console;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access read = CaseRoles.read(Access.Kind.STAFF);
        Access decide = CaseRoles.decide(Access.Kind.STAFF);
        return List.of(
                Route.get("/console/cases", read, this::queue),
                Route.get("/console/cases/{id}", read, this::show),
                Route.post("/console/cases/{id}/confirm", decide, ctx -> decide(ctx, "confirm")),
                Route.post("/console/cases/{id}/dismiss", decide, ctx -> decide(ctx, "dismiss")),
                Route.post("/console/cases/{id}/lift", decide, ctx -> decide(ctx, "lift")));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/cases", "nav.cases", CaseRoles.READERS));
    }

    @Override
    public List<HomeCard> cards(Principal user) {
        if (CaseRoles.READERS.stream().noneMatch(user::has)) {
            return List.of();
        }
        long open = cases().countsByStatus().getOrDefault("OPEN", 0L);
        return List.of(new HomeCard("cases", "home.cases.title", "home.cases.text", List.of(open), "/console/cases",
                "home.cases.link"));
    }

    private CloneCases cases() {
        return new CloneCases(database, console.country(), console.configuration().detect());
    }

    private void queue(Context ctx) {
        Page page = view.page(ctx, "cases.title");
        Params params = new Params(ctx, page);
        String status = params.choice("status", STATUSES);
        String sort = params.choice("sort", SORTS);
        int number = params.pageNumber();
        CloneCases.CaseQuery query;
        try {
            query = new CloneCases.CaseQuery(status, params.text("condition"), params.number("min-score"),
                    params.text("imei").map(s -> s.replaceAll("[\\s-]", "")), params.date("from"), params.date("to"),
                    CloneCases.Sort.valueOf(sort.toUpperCase(Locale.ROOT).replace('-', '_')), PAGE_SIZE,
                    (number - 1) * PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "bad-request", page.t("cases.error.imei-filter"));
        }
        CloneCases cases = cases();
        CloneCases.CasePage found = cases.search(query);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cases", found.cases());
        model.put("total", found.total());
        model.put("counts", cases.countsByStatus());
        model.put("conditions", cases.conditions());
        model.put("statuses", List.of(STATUSES));
        model.put("sorts", List.of(SORTS));
        model.put("filter", new CaseFilter(status, params.text("condition").orElse(""),
                params.text("min-score").orElse(""), params.text("imei").orElse(""), params.text("from").orElse(""),
                params.text("to").orElse(""), sort));
        model.put("pageNumber", number);
        model.put("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        view.render(ctx, "cases", page, model);
    }

    /** The queue's filters as the visitor gave them, to refill the form and build page links. */
    record CaseFilter(String status, String condition, String minScore, String imei, String from, String to,
                      String sort) {
        String query(int pageNumber) {
            return "?status=" + Page.encode(status) + "&condition=" + Page.encode(condition) + "&min-score="
                    + Page.encode(minScore) + "&imei=" + Page.encode(imei) + "&from=" + Page.encode(from) + "&to="
                    + Page.encode(to) + "&sort=" + Page.encode(sort) + "&page=" + pageNumber;
        }

        /** The same filters sorted another way, from the first page. */
        String sortedBy(String other) {
            return new CaseFilter(status, condition, minScore, imei, from, to, other).query(1);
        }
    }

    private void show(Context ctx) {
        render(ctx, 200, null, null, ctx.queryParam("done"));
    }

    private void decide(Context ctx, String verb) {
        Page page = view.page(ctx, "case.title");
        long id = Params.pathId(ctx, "id", page);
        String reason = ctx.formParam("reason");
        if (reason == null || reason.isBlank()) {
            render(ctx, 400, verb, page.t("case.error.reason." + verb), null);
            return;
        }
        String actor = Requests.principal(ctx).username();
        try {
            CloneCases cases = cases();
            switch (verb) {
                case "confirm" -> cases.confirm(id, actor, reason);
                case "dismiss" -> cases.dismiss(id, actor, reason);
                default -> cases.lift(id, actor, reason);
            }
        } catch (IllegalStateException e) {
            // decided meanwhile (by someone else, or in another tab): show what it is now
            render(ctx, 409, verb, page.t("case.error.status"), null);
            return;
        } catch (IllegalArgumentException e) {
            throw new Problem(404, "not-found", page.t("problem.not-found.detail"));
        }
        ctx.redirect("/console/cases/" + id + "?done=" + verb + "#decision", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String failedVerb, String error, String done) {
        Page page = view.page(ctx, "case.title");
        long id = Params.pathId(ctx, "id", page);
        CloneCases cases = cases();
        CloneCases.CaseDetails details = cases.details(id)
                .orElseThrow(() -> new Problem(404, "not-found", page.t("problem.not-found.detail")));
        boolean showOpening = "open".equals(ctx.queryParam("evidence")) || details.evidenceAtDecision().isEmpty();
        Evidence evidence = showOpening ? details.evidenceAtOpen() : details.evidenceAtDecision().get();
        SubscriberIds ids = SubscriberIds.forViewer(page.user(), console.country().countryCode());
        Set<String> paired = Pairings.activeImsis(database, Long.parseLong(details.summary().imei()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("details", details);
        model.put("evidence", EvidenceView.of(evidence, page, ids, paired));
        model.put("showingOpening", showOpening);
        model.put("canDecide", CaseRoles.decides(page.user()));
        model.put("failedVerb", failedVerb);
        model.put("error", error);
        model.put("done", done == null || !List.of("confirm", "dismiss", "lift").contains(done) ? null
                : page.t("case.done." + done));
        model.put("reason", failedVerb == null ? "" : ctx.formParam("reason") == null ? "" : ctx.formParam("reason"));
        model.put("imeiHref", "/console/imei/" + org.ceir.core.identity.Imei.ofKey(
                Long.parseLong(details.summary().imei())));
        view.render(ctx, status, "case", page, model);
    }
}
