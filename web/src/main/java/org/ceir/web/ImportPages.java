package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.sse.SseHandler;
import org.ceir.ingest.ImportJob;
import org.ceir.ingest.ImportKind;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportReport;
import org.ceir.ingest.Importer;
import org.ceir.store.Database;

/**
 * Imports from the console: upload a file (an operator's network data, or for administrators the
 * TAC catalogue or a registration, stolen or pairing list), watch its import live (server-sent
 * events from the importer's progress listener, through {@link ImportRuns}), read its validation
 * report, and browse the import history. Administrators see everything; an operator's account
 * imports and sees only its own network's data files, always with the data-quality checks on.
 */
final class ImportPages implements RouteGroup, AutoCloseable {
    static final Set<Role> USERS = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    static final int HISTORY = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The importer's phases, as {@link ImportRuns.Run#phaseKey()} names them. */
    static final List<String> PHASES = List.of("reading", "reading-again", "merging", "indexing-triplets", "merging-triplets",
            "merging-IMEIs", "recording", "waiting");
    /** Keeps names safe on disk and in reports; operator files' names carry their meaning, so they are kept. */
    private static final String SAFE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}";

    private final Database database;
    private final ConsoleServices console;
    private final View view;
    private final long maxUploadBytes;
    private final ImportRuns runs;

    ImportPages(Database database, ConsoleServices console, View view, long maxUploadBytes) {
        this.database = database;
        this.console = console;
        this.view = view;
        this.maxUploadBytes = maxUploadBytes;
        this.runs = new ImportRuns(database, console);
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
        long running = runs.list(run -> visible(user, run) && !run.finished()).size();
        List<ImportJob> recent = history(user, 1);
        return List.of(new HomeCard("imports", "home.imports.title", recent.isEmpty() ? "home.imports.none"
                : "home.imports.text", recent.isEmpty() ? List.of(running) : List.of(running, recent.get(0).fileName()),
                "/console/imports", "home.imports.link"));
    }

    private Importer importer() {
        return new Importer(database, console.country(), console.ingest(), Optional.of(console.reports()),
                org.ceir.ingest.ImportListener.NONE);
    }

    private List<ImportJob> history(Principal user, int limit) {
        if (user.has(Role.ADMIN)) {
            return importer().history(limit);
        }
        return user.operatorCode() == null ? List.of() : importer().history(limit, Optional.of(user.operatorCode()));
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
        model.put("runs", runs.list(run -> visible(user, run)));
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
        String name = baseName(file.filename());
        if (!name.matches(SAFE_NAME)) {
            render(ctx, 400, page.t("imports.error.name", name));
            return;
        }
        Optional<String> operator = kind == ImportKind.OPERATOR ? Importer.operatorOfFile(name) : Optional.empty();
        if (!admin) {
            if (user.operatorCode() == null) {
                render(ctx, 403, page.t("imports.error.no-operator"));
                return;
            }
            if (operator.isEmpty()) {
                render(ctx, 400, page.t("imports.error.operator-name", name, user.operatorCode()));
                return;
            }
            if (!operator.get().equals(user.operatorCode())) {
                render(ctx, 403, page.t("imports.error.other-operator", name, operator.get(), user.operatorCode()));
                return;
            }
        }
        boolean checks = !admin || ctx.formParam("no-checks") == null;
        boolean delta = kind != ImportKind.OPERATOR && kind != ImportKind.TAC && ctx.formParam("delta") != null;
        Path saved = save(file, name);
        ImportRuns.Run run = runs.start(kind, saved, name, new ImportOptions(checks, delta, user.username()), operator);
        ctx.redirect("/console/imports/runs/" + run.id, HttpStatus.SEE_OTHER);
    }

    /** The upload, copied to a directory of its own under HOME/uploads (the importer reads it from there). */
    private Path save(UploadedFile file, String name) throws IOException {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        Path directory = Files.createDirectories(console.uploads().resolve(HexFormat.of().formatHex(random)));
        Path target = directory.resolve(name);
        try (InputStream in = file.content()) {
            Files.copy(in, target);
        }
        return target;
    }

    /** The file's own name: browsers may send a path, with either kind of separator. */
    static String baseName(String sent) {
        String name = sent.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private ImportRuns.Run run(Context ctx, Page page) {
        return runs.find(ctx.pathParam("run")).filter(run -> visible(page.user(), run))
                .orElseThrow(() -> new Problem(404, "not-found", page.t("imports.error.no-run")));
    }

    private void live(Context ctx) {
        Page page = view.page(ctx, "imports.live.title");
        ImportRuns.Run run = run(ctx, page);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", run);
        model.put("texts", liveTexts(page));
        view.render(ctx, "importlive", page, model);
    }

    private void events(io.javalin.http.sse.SseClient client) {
        Page page = view.page(client.ctx(), "imports.live.title");
        ImportRuns.Run run;
        try {
            run = run(client.ctx(), page);
        } catch (Problem e) {
            client.sendEvent("gone", "{}");
            client.close();
            return;
        }
        runs.follow(run, client);
    }

    /** The words the live page's script needs, in the page's language. */
    private static String liveTexts(Page page) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (ImportRuns.State state : ImportRuns.State.values()) {
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
        ImportReport report = importer().report(id).filter(r -> visible(page.user(), r.job()))
                .orElseThrow(() -> new Problem(404, "not-found", page.t("problem.not-found.detail")));
        view.render(ctx, "importreport", page, Map.of("report", report));
    }

    private static boolean visible(Principal user, ImportRuns.Run run) {
        return user.has(Role.ADMIN) || (run.operator.isPresent() && run.operator.get().equals(user.operatorCode()));
    }

    private static boolean visible(Principal user, ImportJob job) {
        return user.has(Role.ADMIN) || (job.operator().isPresent() && job.operator().get().equals(user.operatorCode()));
    }

    @Override
    public void close() {
        runs.close();
    }
}
