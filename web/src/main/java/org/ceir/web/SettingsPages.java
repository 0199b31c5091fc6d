package org.ceir.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ceir.store.Database;
import org.ceir.store.SettingOverrides;

/**
 * The configuration in force, read-only, with where each value came from; and the versioned,
 * audited overrides of what a regulator tunes between releases (the detection conditions, the duty
 * tariff's versions). An administrator edits a tunable setting as YAML with a reason; the value is
 * checked by binding it as its module will ({@link ConsoleConfiguration#check}), stored as a new
 * version ({@link SettingOverrides#save}, audited in the same transaction) and read by whatever
 * next needs it. Auditors read the page and every version.
 */
final class SettingsPages implements RouteGroup {
    static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.AUDITOR);
    static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN);

    private final Database database;
    private final ConsoleServices console;
    private final View view;

    SettingsPages(Database database, ConsoleServices console, View view) {
        this.database = database;
        this.console = console;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access edit = new Access(Access.Kind.STAFF, EDITORS);
        return List.of(
                Route.get("/console/settings", new Access(Access.Kind.STAFF, READERS), this::show),
                Route.post("/console/settings/{path}", edit, ctx -> save(ctx, false)),
                Route.post("/console/settings/{path}/restore", edit, ctx -> save(ctx, true)));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/settings", "nav.settings", READERS));
    }

    /** A tunable setting with its history and, after a refused change, what was typed and why it was refused. */
    record TunableView(ConsoleConfiguration.Tunable tunable, List<SettingOverrides.Version> history, int version,
                       String anchor, String typed, String error) {
    }

    private void show(Context ctx) {
        render(ctx, 200, null, null, null);
    }

    private void save(Context ctx, boolean restore) {
        Page page = view.page(ctx, "settings.title");
        String path = ctx.pathParam("path");
        if (console.configuration().tunables().stream().noneMatch(t -> t.path().equals(path))) {
            throw new Problem(404, "not-found", page.t("problem.not-found.detail"));
        }
        String yaml = ctx.formParam("yaml");
        String reason = ctx.formParam("reason");
        int basedOn;
        try {
            basedOn = Integer.parseInt(String.valueOf(ctx.formParam("version")));
        } catch (NumberFormatException e) {
            throw new Problem(400, "bad-request", page.t("form.bad-value", "version", ctx.formParam("version"), "0, 1, 2 …"));
        }
        if (reason == null || reason.isBlank()) {
            render(ctx, 400, path, yaml, page.t("settings.error.reason"));
            return;
        }
        String json;
        if (restore) {
            json = null;
        } else {
            try {
                json = console.configuration().check(path, yaml);
            } catch (IllegalArgumentException e) {
                render(ctx, 400, path, yaml, page.t("settings.error.invalid", e.getMessage()));
                return;
            }
        }
        String actor = Requests.principal(ctx).username();
        try {
            database.transaction(connection -> SettingOverrides.save(connection, path, json, basedOn, actor, reason));
        } catch (SettingOverrides.ConflictException e) {
            render(ctx, 409, path, yaml, page.t("settings.error.conflict", e.newest().version(), e.newest().setBy(),
                    page.dateTime(e.newest().setAt())));
            return;
        } catch (IllegalArgumentException e) {
            render(ctx, 400, path, yaml, page.t("settings.error.nothing-to-restore"));
            return;
        }
        ctx.redirect("/console/settings?done=" + Page.encode(path) + "#" + anchor(path), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String failedPath, String typed, String error) {
        Page page = view.page(ctx, "settings.title");
        ConsoleConfiguration configuration = console.configuration();
        List<ConsoleConfiguration.Tunable> tunables = configuration.tunables();
        Map<String, List<SettingOverrides.Version>> histories = new LinkedHashMap<>();
        database.transaction(connection -> {
            for (ConsoleConfiguration.Tunable tunable : tunables) {
                histories.put(tunable.path(), SettingOverrides.history(connection, tunable.path()));
            }
            return null;
        });
        List<TunableView> views = tunables.stream().map(t -> {
            List<SettingOverrides.Version> history = histories.get(t.path());
            boolean failed = t.path().equals(failedPath);
            return new TunableView(t, history, history.isEmpty() ? 0 : history.get(0).version(), anchor(t.path()),
                    failed && typed != null ? typed : t.yaml(), failed ? error : null);
        }).toList();
        String done = Optional.ofNullable(ctx.queryParam("done")).filter(d -> histories.containsKey(d)).orElse(null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tunables", views);
        model.put("settings", configuration.effective());
        model.put("canEdit", EDITORS.stream().anyMatch(page.user()::has));
        model.put("done", done);
        view.render(ctx, status, "settings", page, model);
    }

    static String anchor(String path) {
        return "t-" + path.replace('.', '-');
    }
}
