package org.ceir.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import org.ceir.lists.ListFile;
import org.ceir.lists.ListRun;
import org.ceir.lists.ListRuns;

/**
 * The console's list exports: every run with its outcome, its manifest (files, rows, SHA-256) and
 * what changed, and downloads. An administrator sees every file; a person of an operator sees the
 * blacklist and their operator's own lists, as its systems do through the API.
 */
final class ListPages implements RouteGroup {
    private static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.OPERATOR);

    private final ListRuns runs;
    private final Messages messages;
    private final View view;

    ListPages(ListRuns runs, Messages messages, View view) {
        this.runs = runs;
        this.messages = messages;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access access = Access.staff(Role.ADMIN, Role.OPERATOR);
        return List.of(
                Route.get("/console/lists", access, this::history),
                Route.get("/console/lists/{run}/files/{name}", access, this::download));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/lists", "nav.lists", ROLES));
    }

    /** What a person may see of a run's files. */
    record RunView(ListRun run, List<ListFile> files) {
    }

    private void history(Context ctx) {
        Page page = view.page(ctx, "lists.title");
        Principal user = page.user();
        List<RunView> shown = runs.history(100).stream()
                .map(run -> new RunView(run, run.files().stream().filter(file -> mayRead(user, file)).toList()))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("runs", shown);
        view.render(ctx, "lists", page, model);
    }

    private void download(Context ctx) throws IOException {
        Principal user = Requests.principal(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("run"));
        } catch (NumberFormatException e) {
            throw new Problem(404, "not-found", messages.get(Language.EN, "problem.not-found.detail"));
        }
        String name = ctx.pathParam("name");
        ListRun run = runs.find(id).orElseThrow(() -> new Problem(404, "not-found",
                messages.get(Language.EN, "problem.not-found.detail")));
        ListFile file = run.file(name).orElseThrow(() -> new Problem(404, "not-found",
                messages.get(Language.EN, "problem.not-found.detail")));
        if (!mayRead(user, file)) {
            throw new Problem(403, "forbidden", messages.get(Language.EN, "problem.forbidden.detail"));
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + run.id() + "_" + name + "\"");
        try (OutputStream out = ctx.outputStream()) {
            runs.write(run.id(), name, Optional.empty(), out);
        }
    }

    private static boolean mayRead(Principal user, ListFile file) {
        return user.has(Role.ADMIN) || user.operatorCode() != null && file.visibleTo(user.operatorCode());
    }
}
