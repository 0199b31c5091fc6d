package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.MultipartConfigElement;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.store.Database;

/**
 * ceir's web server (Javalin on Jetty): the public IMEI check, the staff console, the REST API,
 * {@code /health} and {@code /metrics}, on one port (8080 by default).
 *
 * <p>Every route is a {@link Route} with an {@link Access}, grouped by feature in a
 * {@link RouteGroup}; to add a feature, add its group in {@link #groups} and its rows to the
 * authorization matrix test.
 */
public final class WebServer implements AutoCloseable {
    private static final String STARTED = "ceir.started";
    /**
     * An importer's CSV file: 100,000 IMEIs are about 2.5 MB, so 10 MB holds a container's worth with
     * long model names (and is what appeals' default documents allow, so neither loosens the other).
     */
    static final long IMPORTER_FILE_BYTES = 10L * 1024 * 1024;
    /** Room for a multipart form's text fields beside its files. */
    private static final long FORM_BYTES = 64 * 1024;
    /** The request attribute Jetty (and Javalin, when it is there) read a multipart body's bounds from. */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

    private final WebSettings settings;
    private final MeterRegistry meters;
    private final List<RouteGroup> groups;
    private final Guard guard;
    private final ProblemMapper problems;
    private final long uploadFileBytes;
    private final long uploadTotalBytes;
    private final long importBytes;
    private final Messages messages;
    private final Requests requests;
    private Javalin app;

    /**
     * @param settings the {@code web} settings
     * @param database where users, sessions and the TAC catalogue live
     * @param check    the device check (the eir engine)
     * @param meters   where request and check metrics go; {@code /metrics} serves it when it is (or
     *                 holds) a Prometheus registry
     */
    public WebServer(WebSettings settings, Database database, EquipmentCheck check, MeterRegistry meters) {
        this(settings, database, check, meters, WebFeatures.basic(database));
    }

    /**
     * The same, with the features whose services live in other modules (registration, appeals, the
     * operators' side, the staff console's work pages); see {@link WebFeatures}.
     */
    public WebServer(WebSettings settings, Database database, EquipmentCheck check, MeterRegistry meters,
                     WebFeatures features) {
        this(settings, database, check, meters, features, Clock.systemDefaultZone(), PasswordHasher.DEFAULT);
    }

    WebServer(WebSettings settings, Database database, EquipmentCheck check, MeterRegistry meters, WebFeatures features,
              Clock clock, PasswordHasher hasher) {
        this.settings = settings;
        this.meters = meters;
        Messages messages = new Messages();
        Requests requests = new Requests(settings);
        Csrf csrf = new Csrf(settings.secureCookies());
        Sessions sessions = new Sessions(database, settings);
        Users users = new Users(database, settings, hasher, clock);
        TacCatalogue catalogue = new TacCatalogue(database);
        View view = new View(messages, requests, csrf, chartsScript());
        WebFeatures.Operators operators = features.operators();
        List<RouteGroup> all = new ArrayList<>(groups(settings, database, check, meters, clock, messages, requests,
                sessions, users, catalogue, view, features));
        all.add(new AuditPages(database, view));
        features.registration().ifPresent(registration -> {
            RateLimiter forms = new RateLimiter(settings.formsPerMinute(), "problem.rate-limited.form");
            DutyText duty = new DutyText(messages);
            PriceChoices choices = new PriceChoices(registration.prices());
            all.add(new DutyPages(registration, choices, forms, requests, messages, view, duty, clock));
            all.add(new PublicRegistrationPages(registration, choices, catalogue, forms, requests, messages, view, duty));
            all.add(new PublicStolenPages(registration, forms, requests, messages, view));
            all.add(new PaymentApi(registration.payments(),
                    new RateLimiter(settings.paymentsPerMinute(), "problem.rate-limited.payment"), requests, messages));
            all.add(new RegistrationConsole(registration, choices, catalogue, view, duty));
            all.add(new StolenConsole(registration, view));
            all.add(new RegistrationApi(registration, requests, messages, duty));
        });
        features.appeals().ifPresent(appeals -> {
            RateLimiter publicAppeals = new RateLimiter(settings.checksPerMinute(), "problem.rate-limited.check");
            all.add(new PublicAppealPages(appeals, publicAppeals, requests, messages, view));
            all.add(new AppealConsole(appeals, messages, view));
            all.add(new AppealApi(appeals, requests));
        });
        boolean importPages = features.console().isPresent() && features.imports().isPresent();
        this.importBytes = importPages ? settings.maxUploadMegabytes() * 1024L * 1024L : 0;
        features.console().ifPresent(console -> {
            all.add(new CasePages(database, console, view));
            all.add(new ImeiPages(database, check, catalogue, console, view, clock));
            features.imports().ifPresent(queue -> all.add(new ImportPages(database, console, queue, view, importBytes)));
            all.add(new SettingsPages(database, console, view));
        });
        features.reports().ifPresent(reports -> all.add(new DashboardPage(reports, view)));
        this.groups = List.copyOf(all);
        // Multipart bodies: appeals' documents, as many as their settings allow, each up to twice the
        // size allowed (so that one a little too large reaches the appeals service and is refused with
        // its size); importers' CSV files, up to IMPORTER_FILE_BYTES. Console imports take larger files;
        // boundUploads gives that one route its own bounds.
        long attachment = features.appeals().map(appeals -> 2L * appeals.settings().maxAttachmentBytes()).orElse(0L);
        long attachments = attachment * features.appeals().map(appeals -> appeals.settings().maxAttachments())
                .orElse(0);
        long importerFile = features.registration().isPresent() ? IMPORTER_FILE_BYTES : 0L;
        this.uploadFileBytes = Math.max(attachment, importerFile);
        this.uploadTotalBytes = Math.max(attachments, importerFile) + FORM_BYTES;
        this.messages = messages;
        this.requests = requests;
        List<NavItem> navigation = new ArrayList<>();
        groups.forEach(group -> navigation.addAll(group.navigation()));
        view.navigation(navigation);
        view.cards(groups);
        List<PublicLink> publicLinks = new ArrayList<>();
        groups.forEach(group -> publicLinks.addAll(group.publicLinks()));
        view.publicLinks(publicLinks);
        this.guard = new Guard(sessions, List.of(new BasicAuthenticator(users, requests, messages),
                new ApiKeyAuthenticator(operators.apiKeys(), requests, messages)), csrf, requests, messages);
        this.problems = new ProblemMapper(view, messages, requests);
    }

    /** Every feature's routes; a new feature adds its group here. */
    private static List<RouteGroup> groups(WebSettings settings, Database database, EquipmentCheck check,
                                           MeterRegistry meters, Clock clock, Messages messages, Requests requests,
                                           Sessions sessions, Users users, TacCatalogue catalogue, View view,
                                           WebFeatures features) {
        WebFeatures.Operators operators = features.operators();
        return List.of(
                new PublicCheck(check, catalogue, new RateLimiter(settings.checksPerMinute(), "problem.rate-limited.check"),
                        requests, messages, view, clock),
                new CheckApi(check, requests, messages, meters),
                new AuthPages(users, sessions, new RateLimiter(settings.loginsPerMinute(), "problem.rate-limited.login"),
                        requests, messages, view),
                new ConsolePages(check, catalogue, view, clock, features.console().isPresent()),
                new UserAdminPages(users, messages, view),
                new OperatorApi(check, features.imports(), operators.uploadMaxBytes(), operators.runs(), requests,
                        messages),
                new ListPages(operators.runs(), messages, view),
                new ApiKeyPages(operators.apiKeys(), view),
                new ApiDocs(),
                new SystemRoutes(database, meters));
    }

    /** Starts listening; returns the bound port (useful when the settings say 0). */
    public synchronized int start() {
        if (app != null) {
            throw new IllegalStateException("the web server is already started on port " + app.port());
        }
        app = Javalin.create(this::configure);
        try {
            app.start();
        } catch (RuntimeException e) {
            app = null;
            throw new IllegalStateException("cannot start the web server on " + settings.bindAddress() + ":"
                    + settings.port() + ": " + rootMessage(e), e);
        }
        return app.port();
    }

    /** The bound port; only after {@link #start()}. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the web server is not started");
        }
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        for (RouteGroup group : groups) {
            if (group instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop " + group.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** Every route, as registered; for the authorization matrix test. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        groups.forEach(group -> routes.addAll(group.routes()));
        return routes;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.jetty.host = settings.bindAddress();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = 64 * 1024;
        // Appeals' documents and importers' CSV files come as multipart bodies, bounded as the features
        // served need (see the constructor). Parts over 1 MiB wait on disk, not in the heap.
        config.jetty.multipartConfig.maxFileSize(uploadFileBytes, io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(uploadTotalBytes, io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
        config.router.ignoreTrailingSlashes = true;
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/org/ceir/web/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "max-age=3600");
        });
        config.staticFiles.enableWebjars();
        config.routes.before(this::headers);
        config.routes.before(this::boundUploads);
        config.routes.beforeMatched(guard::check);
        for (Route route : routes()) {
            config.routes.addEndpoint(route.endpoint());
        }
        config.routes.exception(Exception.class, problems::handle);
        config.routes.error(404, problems::notFound);
        config.routes.after(this::record);
    }

    private void headers(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        if (settings.secureCookies()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.path().startsWith("/console") || ctx.path().startsWith("/login")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /**
     * Console imports take whole operator files (web.max-upload-megabytes), far larger than the
     * documents Jetty's shared bounds allow: that route gets its own bounds (Javalin uses a
     * multipart configuration already on the request), and a body declared larger is refused
     * before anything reads it, in the visitor's language.
     */
    private void boundUploads(Context ctx) {
        if (importBytes == 0 || !ctx.isMultipart() || !ctx.path().equals("/console/imports")) {
            return;
        }
        if (ctx.contentLength() > importBytes + FORM_BYTES) {
            Language language = requests.language(ctx);
            throw new Problem(413, "too-large",
                    messages.get(language, "imports.error.too-large", Page.bytes(language, importBytes)));
        }
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(System.getProperty("java.io.tmpdir"),
                importBytes, importBytes + FORM_BYTES, 1024 * 1024));
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String uri = endpoint != null ? endpoint.path
                : ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/") ? "static" : "NOT_FOUND";
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("uri", uri)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The ECharts script served from its webjar, with the version the build packed. */
    private static String chartsScript() {
        try (InputStream in = WebServer.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the echarts webjar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return "/webjars/echarts/" + properties.getProperty("version") + "/dist/echarts.min.js";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the echarts webjar's version", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
