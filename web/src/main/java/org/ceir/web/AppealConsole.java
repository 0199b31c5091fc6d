package org.ceir.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ceir.appeals.AppealEvidence;
import org.ceir.appeals.AppealException;
import org.ceir.appeals.AppealKind;
import org.ceir.appeals.AppealQueries;
import org.ceir.appeals.AppealStatus;
import org.ceir.appeals.Appeals;
import org.ceir.detect.CloneCases;

/**
 * The appeals in the staff console: a clerk files an appeal (and adds what an applicant brings
 * later); analysts work the queue, decide on one page that holds the evidence, and keep the overdue
 * list short; auditors read everything. The IMEI's clone case is decided from the same page, through
 * detection's service. Every step is the appeals service's, which audits it.
 */
final class AppealConsole implements RouteGroup {
    private static final Set<Role> READERS = Set.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR);

    private final Appeals appeals;
    private final Messages messages;
    private final View view;

    AppealConsole(Appeals appeals, Messages messages, View view) {
        this.appeals = appeals;
        this.messages = messages;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access readers = Access.staff(Role.ANALYST, Role.ADMIN, Role.AUDITOR);
        Access analyst = Access.staff(Role.ANALYST);
        Access clerk = Access.staff(Role.CLERK);
        return List.of(
                Route.get("/console/appeals", readers, this::queue),
                Route.get("/console/appeals/overdue", readers, this::overdue),
                Route.get("/console/appeals/report", readers, this::report),
                Route.get("/console/appeals/new", clerk, this::newForm),
                Route.post("/console/appeals", clerk, this::file),
                Route.post("/console/appeals/info", Access.staff(Role.CLERK, Role.ANALYST), this::addInfo),
                Route.get("/console/appeals/{tracking}", readers, this::appeal),
                Route.post("/console/appeals/{tracking}/decision", analyst, this::decide),
                Route.post("/console/appeals/{tracking}/case", analyst, this::decideCase),
                Route.get("/console/appeals/{tracking}/attachments/{id}", readers, this::download));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                new NavItem("/console/appeals/new", "nav.appeal-new", Set.of(Role.CLERK)),
                new NavItem("/console/appeals", "nav.appeals", READERS),
                new NavItem("/console/appeals/overdue", "nav.overdue", READERS),
                new NavItem("/console/appeals/report", "nav.appeal-report", READERS));
    }

    private void queue(Context ctx) {
        Page page = view.page(ctx, "appeals.title");
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("open");
        boolean overdue = "on".equals(ctx.queryParam("overdue"));
        Set<AppealStatus> statuses = switch (status) {
            case "all" -> Set.of();
            case "open" -> AppealStatus.OPEN;
            default -> {
                try {
                    yield EnumSet.of(AppealStatus.valueOf(status));
                } catch (IllegalArgumentException e) {
                    throw new Problem(400, "bad-request", page.t("appeals.bad-status", status));
                }
            }
        };
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("appeals", appeals.list(statuses, overdue, 200));
        model.put("status", status);
        model.put("overdue", overdue);
        model.put("statuses", List.of(AppealStatus.values()));
        view.render(ctx, "appeals", page, model);
    }

    private void overdue(Context ctx) {
        Page page = view.page(ctx, "overdue.title");
        AppealQueries.Overdue overdue = appeals.overdue(200);
        view.render(ctx, "overdue", page, Map.of("overdue", overdue, "days", appeals.settings().dueWorkingDays()));
    }

    private void report(Context ctx) {
        Page page = view.page(ctx, "appeal-report.title");
        Params params = new Params(ctx, page);
        LocalDate today = appeals.today();
        LocalDate from = params.date("from").orElse(today.withDayOfMonth(1));
        LocalDate to = params.date("to").orElse(today);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", from);
        model.put("to", to);
        model.put("report", appeals.report(from, to));
        view.render(ctx, "appealreport", page, model);
    }

    private void newForm(Context ctx) {
        Page page = view.page(ctx, "appeal-new.title");
        Map<String, Object> model = formModel(page, AppealForms.empty(page.language().code()), null);
        String filed = ctx.queryParam("filed");
        if (filed != null) {
            model.put("filed", appeals.status(filed));
        }
        String added = ctx.queryParam("added");
        if (added != null) {
            model.put("added", appeals.status(added));
        }
        view.render(ctx, "appealnew", page, model);
    }

    private void file(Context ctx) {
        Principal clerk = Requests.principal(ctx);
        try {
            Appeals.Filed filed = appeals.fileAtPostOffice(AppealForms.appeal(ctx), clerk.username(), clerk.officeCode());
            ctx.redirect("/console/appeals/new?filed=" + filed.tracking(), HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            if (e instanceof AppealException a && a.kind() != AppealException.Kind.INVALID) {
                throw e;
            }
            Page page = view.page(ctx, "appeal-new.title");
            view.render(ctx, 400, "appealnew", page, formModel(page, AppealForms.values(ctx),
                    AppealText.of(messages, page.language(), e)));
        }
    }

    private Map<String, Object> formModel(Page page, Map<String, String> values, String error) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("values", values);
        model.put("error", error);
        model.put("kinds", List.of(AppealKind.values()));
        model.put("filed", null);
        model.put("added", null);
        model.put("infoError", null);
        model.put("maxMb", appeals.settings().maxAttachmentBytes() / (1024 * 1024));
        return model;
    }

    private void addInfo(Context ctx) {
        Principal user = Requests.principal(ctx);
        String tracking = ctx.formParam("tracking");
        try {
            String key = appeals.addInfo(tracking, user.username(), ctx.formParam("text"),
                    AppealForms.attachments(ctx)).tracking();
            ctx.redirect(user.has(Role.ANALYST) && !user.has(Role.CLERK) ? "/console/appeals/" + key + "?done=info"
                    : "/console/appeals/new?added=" + key, HttpStatus.SEE_OTHER);
        } catch (AppealException e) {
            if (e.kind() != AppealException.Kind.INVALID || !user.has(Role.CLERK)) {
                throw e;
            }
            Page page = view.page(ctx, "appeal-new.title");
            Map<String, Object> model = formModel(page, AppealForms.empty(page.language().code()), null);
            model.put("infoError", AppealText.of(messages, page.language(), e));
            view.render(ctx, 400, "appealnew", page, model);
        }
    }

    private void appeal(Context ctx) {
        render(ctx, 200, ctx.pathParam("tracking"), null, ctx.queryParam("done"));
    }

    private void render(Context ctx, int status, String tracking, String error, String done) {
        Page page = view.page(ctx, "appeal.title");
        AppealEvidence.Facts facts = appeals.evidence(tracking);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("facts", facts);
        model.put("error", error);
        model.put("done", done == null || !done.matches("[a-z-]{1,20}") ? null : page.t("appeal.done." + done));
        model.put("decides", page.user().has(Role.ANALYST));
        view.render(ctx, status, "appeal", page, model);
    }

    private void decide(Context ctx) {
        String tracking = ctx.pathParam("tracking");
        String analyst = Requests.principal(ctx).username();
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
        String reason = ctx.formParam("reason");
        try {
            switch (action) {
                case "review" -> appeals.review(tracking, analyst);
                case "request-info" -> appeals.requestInfo(tracking, analyst, reason);
                case "reject" -> appeals.reject(tracking, analyst, reason);
                case "approve" -> appeals.approve(tracking, analyst, reason, new Appeals.Approval(
                        ctx.formParam("imsi"), ctx.formParam("msisdn"), ctx.formParams("unpair")));
                default -> throw new Problem(400, "bad-request", messages.get(Language.EN, "appeal.bad-action"));
            }
            ctx.redirect("/console/appeals/" + encode(tracking) + "?done=" + action, HttpStatus.SEE_OTHER);
        } catch (AppealException e) {
            if (e.kind() == AppealException.Kind.NOT_FOUND) {
                throw e;
            }
            render(ctx, e.kind() == AppealException.Kind.CONFLICT ? 409 : 400, tracking,
                    AppealText.of(messages, view.page(ctx, "appeal.title").language(), e), null);
        } catch (IllegalArgumentException e) {
            render(ctx, 400, tracking, e.getMessage(), null);
        }
    }

    private void decideCase(Context ctx) {
        String tracking = ctx.pathParam("tracking");
        String analyst = Requests.principal(ctx).username();
        String reason = ctx.formParam("reason");
        long id;
        try {
            id = Long.parseLong(Optional.ofNullable(ctx.formParam("case")).orElse(""));
        } catch (NumberFormatException e) {
            throw new Problem(400, "bad-request", messages.get(Language.EN, "appeal.bad-action"));
        }
        CloneCases cases = appeals.cases();
        try {
            String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
            switch (action) {
                case "confirm" -> cases.confirm(id, analyst, reason);
                case "dismiss" -> cases.dismiss(id, analyst, reason);
                case "lift" -> cases.lift(id, analyst, reason);
                default -> throw new Problem(400, "bad-request", messages.get(Language.EN, "appeal.bad-action"));
            }
            ctx.redirect("/console/appeals/" + encode(tracking) + "?done=case-" + action, HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException | IllegalStateException e) {
            render(ctx, e instanceof IllegalStateException ? 409 : 400, tracking, e.getMessage(), null);
        }
    }

    private void download(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Problem(404, "not-found", messages.get(Language.EN, "problem.not-found.detail"));
        }
        AppealQueries.StoredAttachment file = appeals.attachment(ctx.pathParam("tracking"), id);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName().replaceAll("[^\\w.\\- ]", "_")
                + "\"; filename*=UTF-8''" + encode(file.fileName()).replace("+", "%20"));
        ctx.header("X-Content-SHA256", file.sha256());
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(file.mediaType()).result(file.content());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
