package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.ceir.ingest.ImportJob;
import org.ceir.ingest.ImportKind;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportQueue;
import org.ceir.ingest.ImportReport;
import org.ceir.ingest.Importer;
import org.ceir.ingest.Upload;
import org.ceir.ingest.UploadRefused;
import org.ceir.ingest.UploadRequest;
import org.ceir.store.Database;

/**
 * Imports from the console: upload a file (an operator's network data, or for administrators the
 * TAC catalogue or a registration, stolen or pairing list) to the {@link ImportQueue} that the
 * operators' API uploads to as well, watch its import live (server-sent events, through
 * {@link ImportEvents}), read its validation report, and browse the import history. Administrators
 * see everything; an operator's account sees its own network's uploads, whichever door they came
 * through, and may send only those (the queue's rule).
 */
final class ImportPages implements RouteGroup, AutoCloseable {
    static final Set<Role> USERS = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    static final int HISTORY = 100;
    private static final int RECENT = 50;
    /** The importer's phases, as {@link LiveImport#phaseKey()} names them. */
    static final List<String> PHASES = List.of("reading", "reading-again", "merging", "indexing-triplets", "merging-triplets",
            "merging-IMEIs", "recording", "waiting");

    private final Database database;
    private final ConsoleServices console;
    private final ImportQueue queue;
    private final View view;
    private final long maxUploadBytes;
    private final ImportEvents events;

    ImportPages(Database database, ConsoleServices console, ImportQueue queue, View view, long maxUploadBytes) {
        this.database = database;
        this.console = console;
        this.queue = queue;
        this.view = view;
        this.maxUploadBytes = maxUploadBytes;
        this.events = new ImportEvents(queue);
    }

    @Override
    public List<Route> routes() {
        Access access = new Access(Access.Kind.STAFF, USERS);
        return List.of(
                Route.get("/console/imports", access, this::list),
                Route.post("/console/imports", access, this::upload),
                Route.get("/console/imports/runs/{run}", access, this::live),
                Route.get("/console/imports/runs/{run}/events", access, new SseHandler(this::events)),
                Route.get("/console/imports/{id}", access, this::report));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/imports", "nav.imports", USERS));
    }

    @Override
    public List<HomeCard> cards(Principal user) {
        if (USERS.stream().noneMatch(user::has)) {
            return List.of();
        }
        long running = recent(user).stream().filter(upload -> !upload.finished()).count();
        List<ImportJob> latest = history(user, 1);
        return List.of(new HomeCard("imports", "home.imports.title", latest.isEmpty() ? "home.imports.none"
                : "home.imports.text", latest.isEmpty() ? List.of(running) : List.of(running, latest.get(0).fileName()),
                "/console/imports", "home.imports.link"));
    }

    private Importer importer() {
        return new Importer(database, console.country(), console.ingest(), Optional.empty(), ImportListener.NONE);
    }

    private List<ImportJob> history(Principal user, int limit) {
        if (user.has(Role.ADMIN)) {
            return importer().history(limit);
        }
        return user.operatorCode() == null ? List.of() : importer().history(limit, Optional.of(user.operatorCode()));
    }

    /** The uploads of late the viewer may see: all for administrators, an operator's own for its people. */
    private List<Upload> recent(Principal user) {
        if (user.has(Role.ADMIN)) {
            return queue.recent(Optional.empty(), RECENT);
        }
        return user.operatorCode() == null ? List.of() : queue.recent(Optional.of(user.operatorCode()), RECENT);
    }

    private void list(Context ctx) {
        render(ctx, 200, null);
    }

    private void render(Context ctx, int status, String error) {
        Page page = view.page(ctx, "imports.title");
        Principal user = page.user();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("admin", user.has(Role.ADMIN));
        model.put("operator", user.operatorCode());
        model.put("kinds", user.has(Role.ADMIN) ? List.of(ImportKind.values()) : List.of(ImportKind.OPERATOR));
        model.put("runs", recent(user));
        model.put("jobs", history(user, HISTORY));
        model.put("error", error);
        model.put("maxUpload", page.bytes(maxUploadBytes));
        view.render(ctx, status, "imports", page, model);
    }

    private void upload(Context ctx) throws IOException {
        Page page = view.page(ctx, "imports.title");
        Principal user = page.user();
        boolean admin = user.has(Role.ADMIN);
        ImportKind kind;
        try {
            kind = admin ? ImportKind.valueOf(String.valueOf(ctx.formParam("kind")).toUpperCase(Locale.ROOT))
                    : ImportKind.OPERATOR;
        } catch (IllegalArgumentException e) {
            render(ctx, 400, page.t("imports.error.kind"));
            return;
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            render(ctx, 400, page.t("imports.error.no-file"));
            return;
        }
        if (!admin && user.operatorCode() == null) {
            render(ctx, 403, page.t("imports.error.no-operator"));
            return;
        }
        boolean delta = kind != ImportKind.OPERATOR && kind != ImportKind.TAC && ctx.formParam("delta") != null;
        ImportOptions options = new ImportOptions(ctx.formParam("no-checks") == null, delta, user.username());
        UploadRequest request = new UploadRequest(kind, baseName(file.filename()), options,
                admin ? Optional.empty() : Optional.of(user.operatorCode()), maxUploadBytes);
        Upload upload;
        try (InputStream content = file.content()) {
            upload = queue.accept(request, content);
        } catch (UploadRefused e) {
            render(ctx, status(e), refusal(page, e));
            return;
        }
        ctx.redirect("/console/imports/runs/" + upload.id(), HttpStatus.SEE_OTHER);
    }

    private static int status(UploadRefused e) {
        return switch (e.reason()) {
            case ANOTHER_OPERATORS_FILE -> 403;
            case TOO_LARGE -> 413;
            default -> 400;
        };
    }

    /** A refused upload in the page's language. */
    private static String refusal(Page page, UploadRefused e) {
        return switch (e.reason()) {
            case UNSAFE_NAME -> page.t("imports.error.name", e.fileName());
            case NOT_AN_OPERATOR_FILE -> page.t("imports.error.operator-name", e.fileName(),
                    e.allowedOperator().orElse(""));
            case ANOTHER_OPERATORS_FILE -> page.t("imports.error.other-operator", e.fileName(),
                    e.fileOperator().orElse(""), e.allowedOperator().orElse(""));
            case EMPTY -> page.t("imports.error.empty", e.fileName());
            case TOO_LARGE -> page.t("imports.error.too-large", page.bytes(e.maxBytes()));
        };
    }

    /** The file's own name: browsers may send a path, with either kind of separator. */
    static String baseName(String sent) {
        String name = sent.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /** The upload of the path's number, if the viewer may see it. */
    private Upload upload(Context ctx, Page page) {
        Optional<Upload> found;
        try {
            found = queue.find(Long.parseLong(ctx.pathParam("run")));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        return found.filter(upload -> visible(page.user(), upload.operator()))
                .orElseThrow(() -> new Problem(404, "not-found", page.t("imports.error.no-run")));
    }

    private void live(Context ctx) {
        Page page = view.page(ctx, "imports.live.title");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", LiveImport.of(upload(ctx, page)));
        model.put("texts", liveTexts(page));
        view.render(ctx, "importlive", page, model);
    }

    private void events(SseClient client) {
        Page page = view.page(client.ctx(), "imports.live.title");
        Upload upload;
        try {
            upload = upload(client.ctx(), page);
        } catch (Problem e) {
            client.sendEvent("gone", "{}");
            client.close();
            return;
        }
        events.follow(upload, client);
    }

    /** The words the live page's script needs, in the page's language. */
    private static String liveTexts(Page page) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Upload.State state : Upload.State.values()) {
            texts.put("state." + state.name(), page.t("imports.state." + state.name()));
        }
        for (String phase : PHASES) {
            texts.put("phase." + phase, page.t("imports.phase." + phase));
        }
        texts.put("read", page.t("imports.live.read", "{read}", "{total}", "{percent}"));
        try {
            return Json.MAPPER.writeValueAsString(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(Context ctx) {
        Page page = view.page(ctx, "imports.report.title");
        long id = Params.pathId(ctx, "id", page);
        ImportReport report = importer().report(id).filter(r -> visible(page.user(), r.job().operator()))
                .orElseThrow(() -> new Problem(404, "not-found", page.t("problem.not-found.detail")));
        view.render(ctx, "importreport", page, Map.of("report", report));
    }

    private static boolean visible(Principal user, Optional<String> operator) {
        return user.has(Role.ADMIN) || (operator.isPresent() && operator.get().equals(user.operatorCode()));
    }

    @Override
    public void close() {
        events.close();
    }
}
