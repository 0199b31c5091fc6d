package org.ceir.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * User administration for ADMIN: list accounts, add one, change roles, disable or enable, lift a
 * lock-out, set a new password. Every change goes through {@link Users}, which audits it. An
 * administrator cannot disable themself or take away their own ADMIN role, so the last one cannot
 * lock everyone out by a slip.
 */
final class UserAdminPages implements RouteGroup {
    private final Users users;
    private final Messages messages;
    private final View view;

    UserAdminPages(Users users, Messages messages, View view) {
        this.users = users;
        this.messages = messages;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access admin = Access.staff(Role.ADMIN);
        return List.of(
                Route.get("/console/users", admin, this::list),
                Route.post("/console/users", admin, this::add),
                Route.post("/console/users/{id}/roles", admin, this::changeRoles),
                Route.post("/console/users/{id}/disable", admin, ctx -> disabled(ctx, true)),
                Route.post("/console/users/{id}/enable", admin, ctx -> disabled(ctx, false)),
                Route.post("/console/users/{id}/unlock", admin, this::unlock),
                Route.post("/console/users/{id}/password", admin, this::password));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/users", "nav.users", Set.of(Role.ADMIN)));
    }

    private void list(Context ctx) {
        render(ctx, 200, null, ctx.queryParam("done"));
    }

    private void add(Context ctx) {
        Principal admin = Requests.principal(ctx);
        try {
            users.add(new Users.NewUser(ctx.formParam("username"), ctx.formParam("displayName"),
                    ctx.formParam("password"), chosenRoles(ctx), ctx.formParam("operator"), ctx.formParam("office")),
                    admin.username());
            ctx.redirect("/console/users?done=added", HttpStatus.SEE_OTHER);
        } catch (InvalidUserException e) {
            render(ctx, 400, e, null);
        }
    }

    private void changeRoles(Context ctx) {
        Principal admin = Requests.principal(ctx);
        long id = id(ctx);
        Set<Role> roles = chosenRoles(ctx);
        try {
            if (id == admin.userId() && !roles.contains(Role.ADMIN)) {
                throw new InvalidUserException("self-admin", "you cannot take away your own ADMIN role");
            }
            users.setRoles(id, roles, ctx.formParam("operator"), ctx.formParam("office"), admin.username());
            ctx.redirect("/console/users?done=roles", HttpStatus.SEE_OTHER);
        } catch (InvalidUserException e) {
            render(ctx, 400, e, null);
        }
    }

    private void disabled(Context ctx, boolean disabled) {
        Principal admin = Requests.principal(ctx);
        long id = id(ctx);
        try {
            if (disabled && id == admin.userId()) {
                throw new InvalidUserException("self-disable", "you cannot disable your own account");
            }
            users.setDisabled(id, disabled, admin.username());
            ctx.redirect("/console/users?done=" + (disabled ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
        } catch (InvalidUserException e) {
            render(ctx, 400, e, null);
        }
    }

    private void unlock(Context ctx) {
        try {
            users.unlock(id(ctx), Requests.principal(ctx).username());
            ctx.redirect("/console/users?done=unlocked", HttpStatus.SEE_OTHER);
        } catch (InvalidUserException e) {
            render(ctx, 400, e, null);
        }
    }

    private void password(Context ctx) {
        try {
            users.setPassword(id(ctx), ctx.formParam("password"), Requests.principal(ctx).username());
            ctx.redirect("/console/users?done=password", HttpStatus.SEE_OTHER);
        } catch (InvalidUserException e) {
            render(ctx, 400, e, null);
        }
    }

    private void render(Context ctx, int status, InvalidUserException error, String done) {
        Page page = view.page(ctx, "users.title");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("users", users.list());
        model.put("roles", List.of(Role.values()));
        model.put("error", error == null ? null : page.t("user.error." + error.key(), error.args().toArray()));
        model.put("done", done == null || !done.matches("[a-z]{1,20}") ? null : page.t("users.done." + done));
        model.put("now", java.time.Instant.now());
        view.render(ctx, status, "users", page, model);
    }

    private static Set<Role> chosenRoles(Context ctx) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : ctx.formParams("role")) {
            try {
                roles.add(Role.parse(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidUserException("role-unknown", e.getMessage(), name);
            }
        }
        return roles;
    }

    private long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Problem(404, "not-found", messages.get(Language.EN, "problem.not-found.detail"));
        }
    }
}
