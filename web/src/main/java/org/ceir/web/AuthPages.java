package org.ceir.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Signing in and out of the staff console. A refused sign-in shows the form again with 422 (wrong
 * name or password, never saying which) or 423 (locked): not 401, which promises an HTTP
 * authentication challenge a form does not have.
 */
final class AuthPages implements RouteGroup {
    private final Users users;
    private final Sessions sessions;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;
    private final View view;

    AuthPages(Users users, Sessions sessions, RateLimiter limiter, Requests requests, Messages messages, View view) {
        this.users = users;
        this.sessions = sessions;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/login", Access.PUBLIC, this::form),
                Route.post("/login", Access.PUBLIC, this::login),
                Route.post("/logout", Access.anyStaff(), this::logout));
    }

    private void form(Context ctx) {
        if (Requests.principal(ctx) != null) {
            ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, "", null);
    }

    private void login(Context ctx) {
        String address = requests.clientAddress(ctx);
        limiter.acquire(address, requests.language(ctx), messages);
        String username = ctx.formParam("username");
        Users.Authentication outcome = users.authenticate(username, ctx.formParam("password"), address, true);
        if (outcome instanceof Users.Authenticated authenticated) {
            Principal principal = sessions.start(ctx, authenticated.user(), address);
            Requests.principal(ctx, principal);
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Users.Locked locked) {
            long minutes = Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds() / 60 + 1);
            render(ctx, 423, username, Map.of("key", "login.locked", "minutes", minutes));
        } else {
            render(ctx, 422, username, Map.of("key", "login.wrong", "minutes", 0));
        }
    }

    private void logout(Context ctx) {
        sessions.end(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String username, Map<String, Object> error) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("username", username == null ? "" : username);
        model.put("next", safeNext(ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam("next")
                : ctx.queryParam("next")));
        model.put("error", error);
        view.render(ctx, status, "login", view.page(ctx, "login.title"), model);
    }

    /** Only a console path of this site: never an absolute or protocol-relative URL (open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console") || next.contains("//") || next.contains("\\")) {
            return "/console";
        }
        return next;
    }
}
