package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ceir.lists.ApiKeys;
import org.ceir.lists.ListsException;

/**
 * API keys for operators' systems, for ADMIN: the keys with their operator, use and state; make
 * one (its secret is shown on the answer page, once, and never again); revoke one with a reason.
 * {@link ApiKeys} audits both.
 */
final class ApiKeyPages implements RouteGroup {
    private final ApiKeys keys;
    private final View view;

    ApiKeyPages(ApiKeys keys, View view) {
        this.keys = keys;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access admin = Access.staff(Role.ADMIN);
        return List.of(
                Route.get("/console/apikeys", admin, ctx -> render(ctx, 200, null, null, ctx.queryParam("done"))),
                Route.post("/console/apikeys", admin, this::create),
                Route.post("/console/apikeys/{id}/revoke", admin, this::revoke));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/apikeys", "nav.apikeys", Set.of(Role.ADMIN)));
    }

    private void create(Context ctx) {
        try {
            ApiKeys.NewApiKey created = keys.create(ctx.formParam("operator"), ctx.formParam("label"),
                    Requests.principal(ctx).username());
            ctx.header("Cache-Control", "no-store");
            render(ctx, 201, null, created, null);
        } catch (ListsException e) {
            render(ctx, 400, e.getMessage(), null, null);
        }
    }

    private void revoke(Context ctx) {
        try {
            keys.revoke(ctx.pathParam("id"), Requests.principal(ctx).username(), ctx.formParam("reason"));
            ctx.redirect("/console/apikeys?done=revoked", HttpStatus.SEE_OTHER);
        } catch (ListsException e) {
            render(ctx, e.kind() == ListsException.Kind.NOT_FOUND ? 404 : 400, e.getMessage(), null, null);
        }
    }

    private void render(Context ctx, int status, String error, ApiKeys.NewApiKey created, String done) {
        Page page = view.page(ctx, "apikeys.title");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("keys", keys.list());
        model.put("error", error);
        model.put("created", created);
        model.put("done", "revoked".equals(done) ? page.t("apikeys.done.revoked") : null);
        view.render(ctx, status, "apikeys", page, model);
    }
}
