package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.ceir.appeals.AppealException;
import org.ceir.appeals.AppealKind;
import org.ceir.appeals.Appeals;
import org.ceir.appeals.PublicStatus;

/**
 * The citizen's side of appeals, for anyone: file an appeal online (the contact number proven by a
 * one-time code sent by SMS), and "where is my appeal" by tracking number, where an appeal waiting
 * for information can be answered (again with a code, sent to the appeal's own number). Rate-limited
 * per client address like the public check; the status shows nothing personal.
 */
final class PublicAppealPages implements RouteGroup {
    private final Appeals appeals;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;
    private final View view;

    PublicAppealPages(Appeals appeals, RateLimiter limiter, Requests requests, Messages messages, View view) {
        this.appeals = appeals;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/appeal", Access.PUBLIC, this::form),
                Route.post("/appeal/code", Access.PUBLIC, this::sendCode),
                Route.post("/appeal", Access.PUBLIC, this::file),
                Route.get("/appeal/status", Access.PUBLIC, this::status),
                Route.post("/appeal/status/code", Access.PUBLIC, this::sendAnswerCode),
                Route.post("/appeal/status/info", Access.PUBLIC, this::answer),
                Route.get("/api/v1/appeals/{tracking}/status", Access.PUBLIC, this::statusJson));
    }

    private void form(Context ctx) {
        Page page = view.page(ctx, "appeal-online.title");
        view.render(ctx, "appealonline", page, model(AppealForms.empty(page.language().code()), null, null));
    }

    private void sendCode(Context ctx) {
        Page page = view.page(ctx, "appeal-online.title");
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        Map<String, String> values = AppealForms.values(ctx);
        values.put("language", page.language().code());
        try {
            appeals.sendCode(ctx.formParam("contact"), page.language().code());
            view.render(ctx, "appealonline", page, model(values, null, page.t("appeal-online.code-sent",
                    appeals.settings().codeMinutes())));
        } catch (AppealException e) {
            view.render(ctx, status(e), "appealonline", page, model(values, AppealText.of(messages, page.language(), e), null));
        }
    }

    private void file(Context ctx) {
        Page page = view.page(ctx, "appeal-online.title");
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        try {
            Appeals.Filed filed = appeals.fileOnline(AppealForms.appeal(ctx), ctx.formParam("code"));
            Page done = view.page(ctx, "appeal-filed.title");
            view.render(ctx, 201, "appealfiled", done, Map.of("filed", filed));
        } catch (IllegalArgumentException e) {
            int status = e instanceof AppealException a ? status(a) : 400;
            view.render(ctx, status, "appealonline", page, model(AppealForms.values(ctx), AppealText.of(messages, page.language(), e), null));
        }
    }

    private Map<String, Object> model(Map<String, String> values, String error, String notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("values", values);
        model.put("error", error);
        model.put("notice", notice);
        model.put("kinds", List.of(AppealKind.values()));
        model.put("maxMb", appeals.settings().maxAttachmentBytes() / (1024 * 1024));
        return model;
    }

    private void status(Context ctx) {
        Page page = view.page(ctx, "appeal-status.title");
        String input = ctx.queryParam("tracking");
        if (input == null || input.isBlank()) {
            renderStatus(ctx, 200, page, "", null, null, null);
            return;
        }
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        try {
            renderStatus(ctx, 200, page, input, appeals.status(input), null, ctx.queryParam("done"));
        } catch (AppealException e) {
            renderStatus(ctx, e.kind() == AppealException.Kind.NOT_FOUND ? 404 : 400, page, input, null,
                    e.kind() == AppealException.Kind.NOT_FOUND ? page.t("appeal-status.not-found")
                            : AppealText.of(messages, page.language(), e),
                    null);
        }
    }

    private void renderStatus(Context ctx, int status, Page page, String input, PublicStatus found, String error,
                              String done) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input", input);
        model.put("status", found);
        model.put("error", error);
        model.put("notice", done == null ? null : done.equals("code") ? page.t("appeal-online.code-sent",
                appeals.settings().codeMinutes()) : done.equals("info") ? page.t("appeal-status.info-added") : null);
        model.put("maxMb", appeals.settings().maxAttachmentBytes() / (1024 * 1024));
        view.render(ctx, status, "appealstatus", page, model);
    }

    private void sendAnswerCode(Context ctx) {
        Page page = view.page(ctx, "appeal-status.title");
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        String tracking = ctx.formParam("tracking");
        try {
            appeals.sendCodeFor(tracking);
            renderStatus(ctx, 200, page, tracking, appeals.status(tracking), null, "code");
        } catch (AppealException e) {
            renderStatus(ctx, status(e), page, tracking == null ? "" : tracking, null,
                    AppealText.of(messages, page.language(), e), null);
        }
    }

    private void answer(Context ctx) {
        Page page = view.page(ctx, "appeal-status.title");
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        String tracking = ctx.formParam("tracking");
        try {
            appeals.addInfoOnline(tracking, ctx.formParam("code"), ctx.formParam("text"), AppealForms.attachments(ctx));
            renderStatus(ctx, 200, page, tracking, appeals.status(tracking), null, "info");
        } catch (AppealException e) {
            PublicStatus found = null;
            try {
                found = appeals.status(tracking);
            } catch (AppealException notFound) {
                // the error says what is wrong with the number
            }
            renderStatus(ctx, status(e), page, tracking == null ? "" : tracking, found,
                    AppealText.of(messages, page.language(), e), null);
        }
    }

    private void statusJson(Context ctx) {
        Language language = requests.language(ctx);
        limiter.acquire(requests.clientAddress(ctx), language, messages);
        PublicStatus status = appeals.status(ctx.pathParam("tracking"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tracking", status.tracking());
        body.put("kind", status.kind().name());
        body.put("status", status.status().name());
        body.put("title", messages.get(language, "appeal.status." + status.status()));
        body.put("imei", status.imei());
        body.put("receivedOn", status.receivedOn());
        body.put("dueOn", status.dueOn());
        status.decidedOn().ifPresent(day -> body.put("decidedOn", day));
        status.message().ifPresent(message -> body.put("message", message));
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, body);
    }

    private static int status(AppealException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case TOO_MANY -> 429;
            default -> 400;
        };
    }
}
