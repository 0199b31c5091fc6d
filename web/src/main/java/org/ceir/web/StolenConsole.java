package org.ceir.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.StolenReports;

/**
 * Lost and stolen phones in the console. A clerk reports any phone, registered or not, on behalf
 * of an owner whose ID card and documents they have seen, and lifts a block when the owner brings
 * the phone back (the step the public site leaves to a post office); administrators, analysts and
 * auditors read the reports.
 */
final class StolenConsole implements RouteGroup {
    /** Reports per page of the list. */
    private static final int PAGE = 100;
    /** IMEIs one report may name by hand: one phone, however many SIM slots, and a margin for typos. */
    private static final int MAX_IMEIS = 16;

    private final RegistrationDesk desk;
    private final View view;

    StolenConsole(RegistrationDesk desk, View view) {
        this.desk = desk;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access readers = Access.staff(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);
        Access clerk = Access.staff(Role.CLERK);
        return List.of(
                Route.get("/console/stolen", readers, this::list),
                Route.post("/console/stolen", clerk, this::report),
                Route.get("/console/stolen/{reference}", readers, ctx -> show(ctx, 200, null, ctx.queryParam("done"))),
                Route.post("/console/stolen/{reference}/recovery", clerk, this::recover));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/stolen", "nav.stolen", RegistrationConsole.READERS));
    }

    /** The clerk's report as typed. */
    record Form(String kind, String registration, String imeis, String police) {
    }

    private void list(Context ctx) {
        Form form = new Form("STOLEN", text(ctx.queryParam("registration")), "", "");
        render(ctx, 200, form, null, "all".equals(ctx.queryParam("show")));
    }

    private void render(Context ctx, int status, Form form, String error, boolean all) {
        Page page = view.page(ctx, "stolen.console.title");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reports", desk.stolen().recent(!all, PAGE));
        model.put("all", all);
        model.put("form", form);
        model.put("error", error);
        model.put("clerk", page.user().has(Role.CLERK));
        view.render(ctx, status, "stolenlist", page, model);
    }

    private void report(Context ctx) {
        Page page = view.page(ctx, "stolen.console.title");
        Form form = new Form("LOST".equals(ctx.formParam("kind")) ? "LOST" : "STOLEN",
                text(ctx.formParam("registration")), text(ctx.formParam("imeis")), text(ctx.formParam("police")));
        String registration = form.registration().replace(" ", "").toUpperCase(Locale.ROOT);
        List<String> imeis = new ArrayList<>();
        for (String typed : form.imeis().split("[\\s,;]+")) {
            if (typed.isBlank()) {
                continue;
            }
            try {
                imeis.add(Imei.parse(typed).toString());
            } catch (InvalidIdentityException e) {
                ImeiInputError error = ImeiInputError.of(typed, e);
                render(ctx, 400, form, page.t("stolen.console.error.imei", typed) + " "
                        + page.t(error.messageKey(), error.args()), false);
                return;
            }
        }
        if (registration.isEmpty() && imeis.isEmpty()) {
            render(ctx, 400, form, page.t("stolen.console.error.phone"), false);
            return;
        }
        if (imeis.size() > MAX_IMEIS || form.police().length() > 100) {
            render(ctx, 400, form, page.t("stolen.console.error.too-much", MAX_IMEIS), false);
            return;
        }
        try {
            StolenReports.Reported reported = desk.stolen().report(new StolenReports.Report(
                    StolenReports.Kind.valueOf(form.kind()), StolenReports.Reporter.CLERK,
                    Optional.of(registration).filter(r -> !r.isEmpty()), imeis,
                    Optional.of(form.police()).filter(p -> !p.isEmpty()), Optional.empty()),
                    Requests.principal(ctx).username());
            ctx.redirect("/console/stolen/" + reported.reference() + "?done=reported", HttpStatus.SEE_OTHER);
        } catch (RegistrationException e) {
            render(ctx, status(e), form, page.t("stolen.console.error.refused", e.getMessage()), false);
        }
    }

    private void show(Context ctx, int status, String error, String done) {
        Page page = view.page(ctx, "stolen.report.title");
        String reference = ctx.pathParam("reference");
        StolenReports.Reported report = desk.stolen().find(reference).orElseThrow(() -> new Problem(404, "not-found",
                page.t("stolen.report.not-found", reference)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("clerk", page.user().has(Role.CLERK));
        model.put("error", error);
        model.put("done", done == null || !done.matches("[a-z]{1,20}") ? null : page.t("stolen.report.done." + done));
        view.render(ctx, status, "stolenreport", page, model);
    }

    private void recover(Context ctx) {
        Page page = view.page(ctx, "stolen.report.title");
        String reference = ctx.pathParam("reference");
        String note = text(ctx.formParam("note"));
        if (!"yes".equals(ctx.formParam("seen"))) {
            show(ctx, 400, page.t("stolen.report.error.seen"), null);
            return;
        }
        if (note.length() > 500) {
            show(ctx, 400, page.t("stolen.report.error.note", 500), null);
            return;
        }
        try {
            StolenReports.Reported recovered = desk.stolen().recover(reference, StolenReports.Reporter.CLERK,
                    Optional.empty(), note, Requests.principal(ctx).username());
            ctx.redirect("/console/stolen/" + recovered.reference() + "?done=recovered", HttpStatus.SEE_OTHER);
        } catch (RegistrationException e) {
            if (e.kind() == RegistrationException.Kind.NOT_FOUND) {
                throw new Problem(404, "not-found", page.t("stolen.report.not-found", reference));
            }
            show(ctx, status(e), page.t("stolen.console.error.refused", e.getMessage()), null);
        }
    }

    private static int status(RegistrationException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case INVALID -> 400;
        };
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
