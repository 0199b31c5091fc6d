package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route × every role (and no one): who may and who may not. A new route adds a row here; a
 * route without a row fails {@link #matrix_coversEveryRoute}.
 *
 * <p>"Allowed" means the guard let the request through (any answer but 401, 403 or a redirect to
 * the login page); POSTs carry a valid CSRF token, so a refusal is about the role alone.
 */
class AuthorizationMatrixTest {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> NOBODY_NEEDED = Set.of();
    private static final Set<Role> REGISTRATION_READERS = EnumSet.of(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);
    private static final Set<Role> CLERK = EnumSet.of(Role.CLERK);
    /** Clone cases: one rule on both doors, the console's pages and /api/v1/cases (see CaseRoles). */
    private static final Set<Role> CASE_READERS = EnumSet.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR);
    private static final Set<Role> CASE_DECIDERS = EnumSet.of(Role.ANALYST);
    private static final Set<Role> IMPORTERS = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    private static final Set<Role> APPEAL_READERS = EnumSet.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR);

    /** A route, a concrete request for it, and the roles allowed; PUBLIC routes allow anonymous callers too. */
    private record Row(String route, String path, Map<String, String> form, boolean isPublic, Set<Role> allowed) {
    }

    private static final List<Row> MATRIX = List.of(
            publicRow("GET /", "/?imei=352099001761481"),
            publicRow("GET /api/v1/imei/{imei}/status", "/api/v1/imei/352099001761481/status"),
            publicRow("GET /login", "/login"),
            publicRow("POST /login", "/login", Map.of("username", "nobody", "password", "nothing at all")),
            publicRow("GET /health", "/health"),
            publicRow("GET /metrics", "/metrics"),
            publicRow("GET /api/openapi.json", "/api/openapi.json"),
            row("GET /api/v1/check", "/api/v1/check?imei=352099001761481", null, EnumSet.of(Role.OPERATOR)),
            row("POST /api/v1/check/batch", "/api/v1/check/batch", Map.of(), EnumSet.of(Role.OPERATOR)),
            row("POST /api/v1/operator-data", "/api/v1/operator-data", Map.of(), EnumSet.of(Role.OPERATOR)),
            row("GET /api/v1/jobs/{id}", "/api/v1/jobs/999999", null, EnumSet.of(Role.OPERATOR)),
            row("GET /api/v1/lists", "/api/v1/lists", null, EnumSet.of(Role.OPERATOR)),
            row("GET /api/v1/lists/{run}/manifest", "/api/v1/lists/latest/manifest", null, EnumSet.of(Role.OPERATOR)),
            row("GET /api/v1/lists/{run}/files/{name}", "/api/v1/lists/latest/files/blacklist.csv", null,
                    EnumSet.of(Role.OPERATOR)),
            row("GET /console/lists", "/console/lists", null, EnumSet.of(Role.ADMIN, Role.OPERATOR)),
            row("GET /console/lists/{run}/files/{name}", "/console/lists/999999/files/blacklist.csv", null,
                    EnumSet.of(Role.ADMIN, Role.OPERATOR)),
            row("GET /console/apikeys", "/console/apikeys", null, EnumSet.of(Role.ADMIN)),
            row("POST /console/apikeys", "/console/apikeys", Map.of("operator", "azercell", "label", "matrix"),
                    EnumSet.of(Role.ADMIN)),
            row("POST /console/apikeys/{id}/revoke", "/console/apikeys/999999/revoke", Map.of("reason", "matrix"),
                    EnumSet.of(Role.ADMIN)),
            row("POST /logout", "/logout", Map.of(), EVERYONE),
            row("GET /console", "/console", null, EVERYONE),
            row("GET /console/imei", "/console/imei?imei=352099001761481", null,
                    EnumSet.of(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR)),
            row("GET /console/users", "/console/users", null, EnumSet.of(Role.ADMIN)),
            row("POST /console/users", "/console/users", Map.of("username", "x"), EnumSet.of(Role.ADMIN)),
            row("POST /console/users/{id}/roles", "/console/users/999999/roles", Map.of("role", "AUDITOR"), EnumSet.of(Role.ADMIN)),
            row("POST /console/users/{id}/disable", "/console/users/999999/disable", Map.of(), EnumSet.of(Role.ADMIN)),
            row("POST /console/users/{id}/enable", "/console/users/999999/enable", Map.of(), EnumSet.of(Role.ADMIN)),
            row("POST /console/users/{id}/unlock", "/console/users/999999/unlock", Map.of(), EnumSet.of(Role.ADMIN)),
            row("POST /console/users/{id}/password", "/console/users/999999/password", Map.of("password", "x"),
                    EnumSet.of(Role.ADMIN)),
            publicRow("GET /duty", "/duty?model=Apple+iPhone+13"),
            publicRow("GET /api/v1/duty", "/api/v1/duty?price=300"),
            publicRow("GET /register", "/register"),
            publicRow("POST /register", "/register", Map.of("ownerId", "x")),
            publicRow("GET /registration", "/registration?ref=R-00000000"),
            publicRow("GET /api/v1/registrations/{reference}/status", "/api/v1/registrations/R-00000000/status"),
            publicRow("GET /stolen", "/stolen"),
            publicRow("POST /stolen", "/stolen", Map.of("phone", "x")),
            // a payment provider proves itself by the body's signature: no role, session or password will do
            row("POST /api/v1/payments", "/api/v1/payments", Map.of("reference", "x"), NOBODY_NEEDED),
            row("GET /console/registrations", "/console/registrations", null, REGISTRATION_READERS),
            row("POST /console/registrations/by-owner", "/console/registrations/by-owner", Map.of("ownerId", "1AAAAAA"),
                    REGISTRATION_READERS),
            row("GET /console/registrations/new", "/console/registrations/new", null, CLERK),
            row("POST /console/registrations", "/console/registrations", Map.of("ownerId", ""), CLERK),
            row("GET /console/registrations/import", "/console/registrations/import", null, CLERK),
            row("POST /console/registrations/import", "/console/registrations/import", Map.of("importer", ""), CLERK),
            row("GET /console/registrations/{reference}", "/console/registrations/R-00000000", null, REGISTRATION_READERS),
            row("POST /console/registrations/{reference}/payment", "/console/registrations/R-00000000/payment",
                    Map.of("amount", "1"), CLERK),
            row("GET /console/stolen", "/console/stolen", null, REGISTRATION_READERS),
            row("POST /console/stolen", "/console/stolen", Map.of("imeis", ""), CLERK),
            row("GET /console/stolen/{reference}", "/console/stolen/S-00000000", null, REGISTRATION_READERS),
            row("POST /console/stolen/{reference}/recovery", "/console/stolen/S-00000000/recovery", Map.of("seen", "yes"),
                    CLERK),
            row("GET /api/v1/registrations", "/api/v1/registrations", null, REGISTRATION_READERS),
            row("POST /api/v1/registrations/search", "/api/v1/registrations/search", Map.of(), REGISTRATION_READERS),
            row("POST /api/v1/registrations/batches", "/api/v1/registrations/batches", Map.of(), CLERK),
            row("GET /api/v1/registrations/{reference}", "/api/v1/registrations/R-00000000", null, REGISTRATION_READERS),
            row("POST /api/v1/registrations", "/api/v1/registrations", Map.of(), CLERK),
            row("POST /api/v1/registrations/{reference}/payment", "/api/v1/registrations/R-00000000/payment", Map.of(),
                    CLERK),
            row("GET /api/v1/stolen-reports/{reference}", "/api/v1/stolen-reports/S-00000000", null, REGISTRATION_READERS),
            row("POST /api/v1/stolen-reports", "/api/v1/stolen-reports", Map.of(), CLERK),
            row("POST /api/v1/stolen-reports/{reference}/recovery", "/api/v1/stolen-reports/S-00000000/recovery",
                    Map.of(), CLERK),
            row("GET /console/cases", "/console/cases?status=all", null, CASE_READERS),
            row("GET /console/cases/{id}", "/console/cases/999999", null, CASE_READERS),
            row("POST /console/cases/{id}/confirm", "/console/cases/999999/confirm", Map.of("reason", "ring"),
                    CASE_DECIDERS),
            row("POST /console/cases/{id}/dismiss", "/console/cases/999999/dismiss", Map.of("reason", "family"),
                    CASE_DECIDERS),
            row("POST /console/cases/{id}/lift", "/console/cases/999999/lift", Map.of("reason", "appeal"),
                    CASE_DECIDERS),
            row("GET /console/imei/{imei}", "/console/imei/352099001761481", null,
                    EnumSet.of(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR)),
            row("GET /console/imports", "/console/imports", null, IMPORTERS),
            row("POST /console/imports", "/console/imports", Map.of("kind", "OPERATOR"), IMPORTERS),
            row("GET /console/imports/runs/{run}", "/console/imports/runs/999999", null, IMPORTERS),
            row("GET /console/imports/runs/{run}/events", "/console/imports/runs/999999/events", null, IMPORTERS),
            row("GET /console/imports/{id}", "/console/imports/999999", null, IMPORTERS),
            row("GET /console/audit", "/console/audit?actor=nobody", null, EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            row("POST /console/audit/verify", "/console/audit/verify", Map.of(), EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            row("GET /console/settings", "/console/settings", null, EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            row("POST /console/settings/{path}", "/console/settings/detect.conditions",
                    Map.of("version", "0", "yaml", "[]", "reason", ""), EnumSet.of(Role.ADMIN)),
            row("POST /console/settings/{path}/restore", "/console/settings/detect.conditions/restore",
                    Map.of("version", "0", "reason", ""), EnumSet.of(Role.ADMIN)),
            publicRow("GET /appeal", "/appeal"),
            publicRow("POST /appeal/code", "/appeal/code", Map.of("contact", "12")),
            publicRow("POST /appeal", "/appeal", Map.of("imei", "1")),
            publicRow("GET /appeal/status", "/appeal/status?tracking=A-0"),
            publicRow("POST /appeal/status/code", "/appeal/status/code", Map.of("tracking", "A-0")),
            publicRow("POST /appeal/status/info", "/appeal/status/info", Map.of("tracking", "A-0")),
            publicRow("GET /api/v1/appeals/{tracking}/status", "/api/v1/appeals/A-0/status"),
            row("GET /console/appeals", "/console/appeals", null, APPEAL_READERS),
            row("GET /console/appeals/overdue", "/console/appeals/overdue", null, APPEAL_READERS),
            row("GET /console/appeals/report", "/console/appeals/report", null, APPEAL_READERS),
            row("GET /console/dashboard", "/console/dashboard", null, APPEAL_READERS),
            row("GET /console/appeals/new", "/console/appeals/new", null, EnumSet.of(Role.CLERK)),
            row("POST /console/appeals", "/console/appeals", Map.of("imei", "1"), EnumSet.of(Role.CLERK)),
            row("POST /console/appeals/info", "/console/appeals/info", Map.of("tracking", "A-0"),
                    EnumSet.of(Role.CLERK, Role.ANALYST)),
            row("GET /console/appeals/{tracking}", "/console/appeals/A-0", null, APPEAL_READERS),
            row("POST /console/appeals/{tracking}/decision", "/console/appeals/A-0/decision", Map.of("action", "review"),
                    EnumSet.of(Role.ANALYST)),
            row("POST /console/appeals/{tracking}/case", "/console/appeals/A-0/case", Map.of("case", "x"),
                    EnumSet.of(Role.ANALYST)),
            row("GET /console/appeals/{tracking}/attachments/{id}", "/console/appeals/A-0/attachments/1", null,
                    APPEAL_READERS),
            row("GET /api/v1/appeals", "/api/v1/appeals", null, APPEAL_READERS),
            row("POST /api/v1/appeals", "/api/v1/appeals", Map.of(), EnumSet.of(Role.CLERK)),
            row("GET /api/v1/appeals/overdue", "/api/v1/appeals/overdue", null, APPEAL_READERS),
            row("GET /api/v1/appeals/report", "/api/v1/appeals/report", null, APPEAL_READERS),
            row("GET /api/v1/appeals/{tracking}", "/api/v1/appeals/A-0", null, APPEAL_READERS),
            row("POST /api/v1/appeals/{tracking}/decision", "/api/v1/appeals/A-0/decision", Map.of(),
                    EnumSet.of(Role.ANALYST)),
            row("POST /api/v1/appeals/{tracking}/info", "/api/v1/appeals/A-0/info", Map.of(),
                    EnumSet.of(Role.CLERK, Role.ANALYST)),
            row("GET /api/v1/cases", "/api/v1/cases", null, CASE_READERS),
            row("POST /api/v1/cases/{id}/{action}", "/api/v1/cases/x/confirm", Map.of(), CASE_DECIDERS));

    private static TestServer web;
    private static final Map<Role, TestServer.Browser> SIGNED_IN = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        web = new TestServer(WebSettings.defaults().withChecksPerMinute(1000).withFormLimits(1000, 1000));
        for (Role role : Role.values()) {
            String username = "matrix-" + role.name().toLowerCase(java.util.Locale.ROOT);
            web.user(username, role);
            TestServer.Browser browser = web.browser();
            assertThat(browser.login(username, TestServer.PASSWORD).statusCode()).isEqualTo(303);
            SIGNED_IN.put(role, browser);
        }
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void matrix_coversEveryRoute() {
        Set<String> registered = web.server.routes().stream().map(Route::key).collect(Collectors.toSet());
        Set<String> inMatrix = MATRIX.stream().map(Row::route).collect(Collectors.toSet());

        assertThat(inMatrix).as("rows of the matrix").containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void matrix_rolesSeeOnlyWhatTheyMay() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            boolean anonymousAllowed = allowed(request(row, null));
            if (anonymousAllowed != row.isPublic()) {
                wrong.add(row.route() + " as nobody: " + (anonymousAllowed ? "allowed" : "refused"));
            }
            for (Role role : Role.values()) {
                if (row.route().equals("POST /logout")) {
                    continue; // tested below: it would end the session the other rows use
                }
                boolean expected = row.isPublic() || row.allowed().contains(role);
                HttpResponse<String> response = request(row, role);
                boolean actual = allowed(response);
                if (response.statusCode() >= 500) {
                    wrong.add(row.route() + " as " + role + ": failed with " + response.statusCode());
                }
                if (expected != actual) {
                    wrong.add(row.route() + " as " + role + ": " + (actual ? "allowed" : "refused"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void matrix_operatorCredentialsWithEachRequestFollowTheSameRules() {
        Map<Role, Integer> statuses = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String username = "matrix-" + role.name().toLowerCase(java.util.Locale.ROOT);
            statuses.put(role, web.get("/api/v1/check?imei=352099001761481",
                    "Authorization", TestServer.basic(username, TestServer.PASSWORD)).statusCode());
        }
        assertThat(statuses).containsEntry(Role.OPERATOR, 200).containsEntry(Role.ADMIN, 403)
                .containsEntry(Role.ANALYST, 403).containsEntry(Role.CLERK, 403).containsEntry(Role.AUDITOR, 403);
    }

    @Test
    void matrix_logoutIsForSignedInStaff() {
        TestServer.Browser browser = web.browser();
        browser.login("matrix-auditor", TestServer.PASSWORD);

        HttpResponse<String> response = browser.post("/logout", Map.of("_csrf", browser.csrf()));

        assertThat(allowed(response)).isTrue();
        assertThat(allowed(browser.get("/console"))).isFalse();
    }

    private static HttpResponse<String> request(Row row, Role role) {
        TestServer.Browser browser = role == null ? web.browser() : SIGNED_IN.get(role);
        if (row.form() == null) {
            return browser.get(row.path());
        }
        Map<String, String> form = new LinkedHashMap<>(row.form());
        form.put("_csrf", role == null ? TestServer.csrfOf(browser.get("/login").body()) : browser.csrf());
        return browser.post(row.path(), form);
    }

    private static boolean allowed(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean toLogin = status == 303 && response.headers().firstValue("Location").orElse("").startsWith("/login");
        return status != 401 && status != 403 && !toLogin;
    }

    private static Row publicRow(String route, String path) {
        return new Row(route, path, null, true, NOBODY_NEEDED);
    }

    private static Row publicRow(String route, String path, Map<String, String> form) {
        return new Row(route, path, form, true, NOBODY_NEEDED);
    }

    private static Row row(String route, String path, Map<String, String> form, Set<Role> allowed) {
        return new Row(route, path, form, false, allowed);
    }
}
