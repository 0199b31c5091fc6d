package org.ceir.web;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceir.appeals.AppealSettings;
import org.ceir.appeals.Appeals;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.detect.DetectSettings;
import org.ceir.ingest.ImportQueue;
import org.ceir.ingest.IngestSettings;
import org.ceir.registration.ImporterBatches;
import org.ceir.registration.OwnerIds;
import org.ceir.registration.Payments;
import org.ceir.registration.PriceList;
import org.ceir.registration.RegistrationSettings;
import org.ceir.registration.Registrations;
import org.ceir.registration.StolenReports;
import org.ceir.registration.duty.Bracket;
import org.ceir.registration.duty.Excise;
import org.ceir.registration.duty.TariffVersion;
import org.ceir.registration.notify.NotifySettings;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;

/**
 * A web server on 127.0.0.1 and an ephemeral port over a fresh test database, a fake register and
 * a fixed clock (12 May 2026), with cheap password hashing so that tests sign in quickly.
 */
final class TestServer implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-12T09:00:00Z"), ZoneId.of("Asia/Baku"));
    static final PasswordHasher FAST_HASHER = new PasswordHasher(64, 1, 1);
    static final String PASSWORD = "correct horse battery";

    final Database database;
    final FakeCheck check = new FakeCheck();
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The payment providers' shared secret of {@link #registration}. */
    static final String PAYMENT_SECRET = "a-provider-secret-of-some-length";

    /** What the server answers checks with: {@link #check}, or the check given to the constructor. */
    final EquipmentCheck served;
    final WebServer server;
    final Users users;
    final RegistrationDesk registration;
    final Appeals appeals;
    final Path home;
    final ConsoleServices console;
    final String base;
    /** Uploads through the console and the operators' API alike, waiting under {@code home/uploads}. */
    final ImportQueue imports;
    final org.ceir.lists.ApiKeys apiKeys;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    TestServer(WebSettings settings) {
        this(settings, null);
    }

    /**
     * A server that answers checks with what {@code checks} makes over the fresh database (e.g. the
     * real engine, after seeding what it must load), instead of the fake register; it is closed with
     * the server.
     */
    TestServer(WebSettings settings, BiFunction<Database, MeterRegistry, EquipmentCheck> checks) {
        database = TestDatabase.create();
        database.transaction(connection -> {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO operator (code, name, mcc, mnc) VALUES ('azercell', 'Azercell', '400', '01')")) {
                insert.executeUpdate();
            }
            return null;
        });
        WebSettings local = settings.withPort("127.0.0.1", 0);
        users = new Users(database, local, FAST_HASHER, CLOCK);
        appeals = new Appeals(database, AppealSettings.defaults(), OwnerIds.withKey(new byte[32], "[0-9A-Z]{7}", "FIN"),
                new NumberingPlan(Country.azerbaijan()), new DetectSettings(90, 30, 0, 50, List.of()),
                CLOCK.getZone(), CLOCK);
        apiKeys = new org.ceir.lists.ApiKeys(database, CLOCK);
        try {
            home = Files.createTempDirectory("ceir-web-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        imports = new ImportQueue(database, Country.azerbaijan(), IngestSettings.defaults(),
                java.util.Optional.of(home.resolve("reports")), home.resolve("uploads"), 2);
        console = new ConsoleServices(Country.azerbaijan(), IngestSettings.defaults(), new FakeConfiguration(database));
        registration = registration(database);
        // The API takes files as large as the console does here, so a server with a small limit tests both doors' 413.
        WebFeatures features = new WebFeatures(java.util.Optional.of(registration), java.util.Optional.of(appeals),
                new WebFeatures.Operators(apiKeys, new org.ceir.lists.ListRuns(database), settings.maxUploadMegabytes()
                        * 1024L * 1024L), java.util.Optional.of(console))
                .withReports(new org.ceir.appeals.report.ArticleReports(database, CLOCK.getZone(), "AZN", CLOCK))
                .withImports(imports);
        served = checks == null ? check : checks.apply(database, meters);
        server = new WebServer(local, database, served, meters, features, CLOCK, FAST_HASHER);
        base = "http://127.0.0.1:" + server.start();
    }

    TestServer() {
        this(WebSettings.defaults());
    }

    /**
     * Registration over this database with Azerbaijan's settings: the 14 December 2023 table and the
     * 2026 excise (in force on the fixed clock's day), owner IDs under a zero key, 4 IMEIs a phone.
     */
    private static RegistrationDesk registration(Database database) {
        List<Bracket> table = List.of(
                new Bracket(BigDecimal.valueOf(100), List.of("Mobile Phone/Feature phone"),
                        BigDecimal.valueOf(15), null),
                Bracket.fixed(100, 20), Bracket.fixed(200, 30), Bracket.fixed(400, 40), Bracket.fixed(700, 50),
                Bracket.fixed(1000, 70), Bracket.fixed(null, 100));
        RegistrationSettings settings = new RegistrationSettings("Asia/Baku", "AZN", new BigDecimal("1.70"),
                List.of(new TariffVersion("AZ-2023-12", LocalDate.of(2023, 12, 14), "", table,
                                BigDecimal.valueOf(15), null),
                        new TariffVersion("AZ-2026-EXCISE", LocalDate.of(2026, 1, 1),
                                "the start date is assumed", table, BigDecimal.valueOf(15),
                                new Excise(BigDecimal.valueOf(20), 1, BigDecimal.valueOf(100)))),
                "[0-9A-Z]{7}", "FIN", Base64.getEncoder().encodeToString(new byte[32]), "", 4, PAYMENT_SECRET, 30,
                List.of(7, 1), List.of(), new NotifySettings("log", "az", "1677", 3, 60, 30, 100, "", Map.of()));
        OwnerIds ownerIds = OwnerIds.withKey(new byte[32], settings.ownerIdPattern(), settings.ownerIdName());
        Country country = Country.azerbaijan();
        return new RegistrationDesk(settings, new NumberingPlan(country),
                new Registrations(database, settings, ownerIds, new NumberingPlan(country), CLOCK),
                new Payments(database, settings), new ImporterBatches(database, settings, CLOCK),
                new StolenReports(database, ownerIds, settings.zone()), new PriceList(database));
    }

    /** Adds a user with the test password; an OPERATOR belongs to azercell, a CLERK to office AZ1000. */
    long user(String username, Role... roles) {
        Set<Role> set = EnumSet.copyOf(List.of(roles));
        return users.add(new Users.NewUser(username, "Test " + username, PASSWORD, set,
                set.contains(Role.OPERATOR) ? "azercell" : null, set.contains(Role.CLERK) ? "AZ1000" : null), "test");
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), headers);
    }

    /** A form POST of name/value pairs in order (a name may repeat, as IMEI boxes do). */
    HttpResponse<String> postPairs(String path, List<String> pairs, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodePairs(pairs))), headers);
    }

    /** A POST of a body as it is, e.g. JSON or CSV. */
    HttpResponse<String> postBody(String path, String contentType, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** A multipart/form-data POST of text fields and one file (field, file name, bytes), e.g. an importer's CSV. */
    HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, String fileName,
                                   byte[] content, String... headers) {
        return multipart(path, fields, List.<Object[]>of(new Object[] {fileField, fileName, content}), headers);
    }

    /** A multipart/form-data POST: text fields, and files as (field, file name, bytes). */
    HttpResponse<String> multipart(String path, Map<String, String> fields, List<Object[]> files, String... headers) {
        String boundary = "ceir-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Object[] file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0] + "\"; filename=\""
                    + file[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes((byte[]) file[2]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
    }

    private static String encodePairs(List<String> pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(enc(pairs.get(i))).append('=').append(enc(pairs.get(i + 1)));
        }
        return body.toString();
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's cookie jar, reduced to what these tests need. */
    final class Browser {
        final Map<String, String> cookies = new HashMap<>();

        HttpResponse<String> post(String path, Map<String, String> form) {
            return remember(TestServer.this.post(path, form, "Cookie", cookieHeader()));
        }

        HttpResponse<String> multipart(String path, Map<String, String> fields, List<Object[]> files) {
            return remember(TestServer.this.multipart(path, fields, files, "Cookie", cookieHeader()));
        }

        /** A form with one file in the field "file". */
        HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, byte[] content) {
            return multipart(path, fields, List.<Object[]>of(new Object[] {"file", fileName, content}));
        }

        /** A GET with this browser's cookies and more headers. */
        HttpResponse<String> get(String path, String... headers) {
            String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "Cookie";
            all[headers.length + 1] = cookieHeader();
            return remember(TestServer.this.get(path, all));
        }

        HttpResponse<String> postPairs(String path, List<String> pairs) {
            return remember(TestServer.this.postPairs(path, pairs, "Cookie", cookieHeader()));
        }

        /** The CSRF token of the forms of a public page (before sign-in). */
        String publicCsrf(String page) {
            return csrfOf(get(page).body());
        }

        /** Signs in through the login form; returns the response to the POST. */
        HttpResponse<String> login(String username, String password) {
            String csrf = csrfOf(get("/login").body());
            return post("/login", Map.of("_csrf", csrf, "username", username, "password", password));
        }

        /** The CSRF token of a signed-in page's forms. */
        String csrf() {
            return csrfOf(get("/console").body());
        }

        private String cookieHeader() {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            return header.length() == 0 ? "x=y" : header.toString();
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    Browser browser() {
        return new Browser();
    }

    static String csrfOf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page: " + html);
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        if (served instanceof AutoCloseable closeable && served != check) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the check engine", e);
            }
        }
        imports.close();
        database.close();
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
