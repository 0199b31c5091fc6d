package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebServerTest {
    static final long REGISTERED = 35209900176148L;   // 352099001761481
    static final long CLONE = 49015420323751L;        // 490154203237518
    static final long STOLEN = 35693803564380L;       // 356938035643809
    static final long GRACE = 86000000000001L;
    static final long EXPIRED = 86000000000002L;

    static TestServer web;

    @BeforeAll
    static void start() {
        web = new TestServer(WebSettings.defaults().withChecksPerMinute(1000));
        web.check.state(FakeCheck.registered(REGISTERED))
                .state(FakeCheck.clone(CLONE))
                .state(FakeCheck.stolen(STOLEN))
                .state(FakeCheck.unregistered(GRACE, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)))
                .state(FakeCheck.unregistered(EXPIRED, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .verdict(CLONE, "400011234567890", Outcome.WHITELISTED, CheckReason.CLONE_PAIRED_SIM, 0)
                .verdict(CLONE, null, Outcome.BLACKLISTED, CheckReason.CLONE_UNPAIRED_SIM, 0)
                .verdict(GRACE, null, Outcome.GREYLISTED, CheckReason.UNREGISTERED_GRACE, 19);
        web.user("op1", Role.OPERATOR);
        web.user("analyst1", Role.ANALYST);
        web.user("admin1", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void checkPage_speaksAzerbaijaniByDefault() {
        HttpResponse<String> page = web.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/html"));
        assertThat(page.body()).contains("<html lang=\"az\"", "IMEI yoxlama", ">Yoxla</button>", "*#06#");
    }

    @Test
    void checkPage_switchesLanguageAndRemembersIt() {
        TestServer.Browser browser = web.browser();

        assertThat(browser.get("/?lang=ru").body()).contains("<html lang=\"ru\"", "Проверка IMEI");
        assertThat(browser.get("/").body()).contains("<html lang=\"ru\"");
        assertThat(browser.get("/?lang=en").body()).contains("<html lang=\"en\"", ">Check</button>");
    }

    @Test
    void checkPage_registeredImei() {
        HttpResponse<String> page = web.get("/?lang=en&imei=352099001761481");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"REGISTERED\"", "352099001761481", "Registered");
    }

    @Test
    void checkPage_graceShowsDaysLeftAndDate() {
        HttpResponse<String> page = web.get("/?lang=en&imei=" + org.ceir.core.identity.Imei.ofKey(GRACE));

        assertThat(page.body()).contains("data-status=\"UNREGISTERED_GRACE\"", "19 days left", "31 May 2026");
    }

    @Test
    void checkPage_wrongCheckDigitSuggestsTheRightOne() {
        HttpResponse<String> page = web.get("/?lang=en&imei=352099001761482");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("should be 1, not 2", "href=\"/?imei=352099001761481\"")
                .doesNotContain("data-status=");
    }

    @Test
    void checkPage_neverRevealsPairedSimsOrNumbers() {
        HttpResponse<String> page = web.get("/?lang=en&imei=490154203237518");

        assertThat(page.body()).contains("data-status=\"CLONE\"").doesNotContain("400011234567890");
    }

    @Test
    void statusApi_answersJson() throws Exception {
        HttpResponse<String> response = web.get("/api/v1/imei/" + org.ceir.core.identity.Imei.ofKey(GRACE) + "/status",
                "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("UNREGISTERED_GRACE");
        assertThat(body.get("daysLeft").asInt()).isEqualTo(19);
        assertThat(body.get("graceEnds").asText()).isEqualTo("2026-05-31");
        assertThat(body.get("title").asText()).isEqualTo("Not registered: 19 days left");
    }

    @Test
    void statusApi_expiredGraceIsBlocked() throws Exception {
        JsonNode body = Json.MAPPER.readTree(web.get("/api/v1/imei/" + org.ceir.core.identity.Imei.ofKey(EXPIRED)
                + "/status").body());

        assertThat(body.get("status").asText()).isEqualTo("UNREGISTERED_BLOCKED");
        assertThat(body.has("daysLeft")).isFalse();
    }

    @Test
    void statusApi_badCheckDigitIsProblemDetails() throws Exception {
        HttpResponse<String> response = web.get("/api/v1/imei/352099001761482/status", "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("urn:ceir:problem:invalid-imei");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("suggestion").asText()).isEqualTo("352099001761481");
        assertThat(body.get("invalidParams").get(0).get("param").asText()).isEqualTo("imei");
    }

    @Test
    void unknownPath_isProblemDetailsForApisAndAPageForBrowsers() {
        HttpResponse<String> api = web.get("/api/v1/nothing");
        HttpResponse<String> page = web.get("/nothing", "Accept", "text/html");

        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"az\"", "Tapılmadı");
    }

    @Test
    void checkApi_withoutCredentialsIs401WithChallenge() {
        HttpResponse<String> response = web.get("/api/v1/check?imei=490154203237518");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void checkApi_operatorGetsVerdictForItsOperator() throws Exception {
        HttpResponse<String> paired = web.get("/api/v1/check?imei=490154203237518&imsi=400011234567890",
                "Authorization", TestServer.basic("op1", TestServer.PASSWORD));
        HttpResponse<String> other = web.get("/api/v1/check?imei=49015420323751&imsi=400011111111111&msisdn=%2B994501234567",
                "Authorization", TestServer.basic("op1", TestServer.PASSWORD));

        assertThat(paired.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(paired.body()).get("status").asText()).isEqualTo("WHITELISTED");
        JsonNode refused = Json.MAPPER.readTree(other.body());
        assertThat(refused.get("status").asText()).isEqualTo("BLACKLISTED");
        assertThat(refused.get("reason").asText()).isEqualTo("CLONE_UNPAIRED_SIM");
        assertThat(web.check.lastOperator).isEqualTo("azercell");
    }

    @Test
    void checkApi_graceCarriesDaysLeft() throws Exception {
        JsonNode body = Json.MAPPER.readTree(web.get("/api/v1/check?imei=" + org.ceir.core.identity.Imei.ofKey(GRACE),
                "Authorization", TestServer.basic("op1", TestServer.PASSWORD)).body());

        assertThat(body.get("reason").asText()).isEqualTo("UNREGISTERED_GRACE");
        assertThat(body.get("daysLeft").asInt()).isEqualTo(19);
    }

    @Test
    void checkApi_badParametersAreListed() throws Exception {
        HttpResponse<String> response = web.get("/api/v1/check?imsi=12ab&msisdn=0501234567",
                "Authorization", TestServer.basic("op1", TestServer.PASSWORD), "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode params = Json.MAPPER.readTree(response.body()).get("invalidParams");
        assertThat(params.findValuesAsText("param")).containsExactly("imei", "imsi", "msisdn");
    }

    @Test
    void checkApi_nonOperatorIs403() {
        HttpResponse<String> response = web.get("/api/v1/check?imei=490154203237518",
                "Authorization", TestServer.basic("analyst1", TestServer.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void checkApi_wrongPasswordIs401() {
        HttpResponse<String> response = web.get("/api/v1/check?imei=490154203237518",
                "Authorization", TestServer.basic("op1", "wrong password here"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void login_startsSessionAndConsoleShowsRoleHome() {
        TestServer.Browser browser = web.browser();

        HttpResponse<String> login = browser.login("analyst1", TestServer.PASSWORD);
        HttpResponse<String> home = browser.get("/console?lang=en");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/console");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Host-ceir_session=").contains("HttpOnly", "Secure", "SameSite=Strict"));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Test analyst1", "Analyst", "href=\"/console/imei\"")
                .doesNotContain("href=\"/console/users\"");
    }

    @Test
    void login_withoutCsrfTokenIsRefused() {
        HttpResponse<String> response = web.post("/login", Map.of("username", "analyst1", "password", TestServer.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void console_anonymousBrowserGoesToLogin() {
        HttpResponse<String> response = web.get("/console/imei?imei=1", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Fconsole%2Fimei%3Fimei%3D1");
    }

    @Test
    void logout_endsTheSession() {
        TestServer.Browser browser = web.browser();
        browser.login("analyst1", TestServer.PASSWORD);
        String csrf = browser.csrf();

        browser.post("/logout", Map.of("_csrf", csrf));

        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
    }

    @Test
    void userAdmin_addsAUserThatCanSignIn() {
        TestServer.Browser admin = web.browser();
        admin.login("admin1", TestServer.PASSWORD);

        HttpResponse<String> added = admin.post("/console/users", Map.of("_csrf", admin.csrf(), "username", "clerk9",
                "displayName", "Clerk Nine", "password", TestServer.PASSWORD, "role", "CLERK", "office", "AZ1001"));
        HttpResponse<String> list = admin.get("/console/users?lang=en&done=added");

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(list.body()).contains("clerk9", "The user was added.");
        assertThat(web.browser().login("clerk9", TestServer.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void userAdmin_explainsAMistakeInTheVisitorsLanguage() {
        TestServer.Browser admin = web.browser();
        admin.login("admin1", TestServer.PASSWORD);
        admin.get("/console/users?lang=ru");

        HttpResponse<String> response = admin.post("/console/users", Map.of("_csrf", admin.csrf(), "username", "x",
                "displayName", "X", "password", TestServer.PASSWORD, "role", "ANALYST"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Имя пользователя «x»");
    }

    @Test
    void securityHeaders_areOnEveryPage() {
        HttpResponse<String> page = web.get("/");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void health_reportsTheDatabase() throws Exception {
        HttpResponse<String> response = web.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).get("checks").get("database").asText()).isEqualTo("UP");
    }

    @Test
    void metrics_servesPrometheusText() {
        web.get("/");

        HttpResponse<String> response = web.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void assets_chartsLibraryIsServedFromTheApp() {
        HttpResponse<String> script = web.get("/webjars/echarts/5.3.1/dist/echarts.min.js");
        HttpResponse<String> css = web.get("/static/ceir.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("echarts");
        assertThat(css.statusCode()).isEqualTo(200);
    }
}
