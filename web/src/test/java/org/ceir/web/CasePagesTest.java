package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clone cases queue and decisions over HTTP, on data that went through the importer and a detection run. */
class CasePagesTest {
    @TempDir
    Path dir;

    TestServer web;
    TestServer.Browser analyst;
    long id;

    @BeforeEach
    void ring() {
        web = new TestServer();
        ConsoleData.importAndDetect(web, dir);
        id = ConsoleData.ringCase(web);
        web.user("analyst", Role.ANALYST);
        analyst = web.browser();
        analyst.login("analyst", TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void queue_listsTheOpenCaseFirstAndFilters() {
        HttpResponse<String> queue = analyst.get("/console/cases?lang=en");

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("1 open cases", ConsoleData.RING_IMEI, "href=\"/console/cases/" + id + "\"",
                "aria-sort=\"descending\"");
        assertThat(analyst.get("/console/cases?status=confirmed&lang=en").body()).contains("id=\"no-cases\"");
        assertThat(analyst.get("/console/cases?imei=35693803&min-score=10&condition=clone&from=2026-01-01&sort=sims-desc")
                .body()).contains(ConsoleData.RING_IMEI);
        assertThat(analyst.get("/console/cases?imei=3520990").body()).doesNotContain(ConsoleData.RING_IMEI);
    }

    @Test
    void queue_badFilterIsExplained() {
        HttpResponse<String> badDay = analyst.get("/console/cases?from=yesterday&lang=en");
        HttpResponse<String> badStatus = analyst.get("/console/cases?status=closed&lang=en");
        HttpResponse<String> badImei = analyst.get("/console/cases?imei=35x&lang=en");

        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("The filter \"from\" cannot be \"yesterday\": expected YYYY-MM-DD.");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badImei.statusCode()).isEqualTo(400);
        assertThat(badImei.body()).contains("The IMEI filter takes digits only");
    }

    @Test
    void confirm_makesTheImeiCloneThroughDetectWithTheAnalystsReason() {
        HttpResponse<String> confirmed = analyst.post("/console/cases/" + id + "/confirm",
                Map.of("_csrf", analyst.csrf(), "reason", "four phones at once every day"));

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location")).contains("/console/cases/" + id + "?done=confirm#decision");
        String page = analyst.get("/console/cases/" + id + "?done=confirm&lang=en").body();
        assertThat(page).contains("Confirmed: the IMEI has clone status", "four phones at once every day",
                "id=\"lift-form\"", "Evidence when the case was decided");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM device_status WHERE imei = ? AND status = 'CLONE'",
                ConsoleData.RING)).isEqualTo(1);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM pairing WHERE imei = ? AND removed_at IS NULL",
                ConsoleData.RING)).isEqualTo(4);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM audit_log WHERE action = 'CASE_CONFIRMED'"
                + " AND actor = 'analyst' AND reason = 'four phones at once every day'")).isEqualTo(1);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM change_log WHERE imei = ? AND change = 'PAIRED'",
                ConsoleData.RING)).isEqualTo(4);
    }

    @Test
    void confirm_withoutReasonIsRefusedAndChangesNothing() {
        HttpResponse<String> refused = analyst.post("/console/cases/" + id + "/confirm?lang=en",
                Map.of("_csrf", analyst.csrf(), "reason", "  "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Give a reason to confirm this case", "aria-invalid=\"true\"");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM clone_case WHERE status = 'OPEN'")).isEqualTo(1);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM device_status WHERE status = 'CLONE'")).isZero();
    }

    @Test
    void decide_aCaseDecidedMeanwhileShowsHowItStands() {
        analyst.post("/console/cases/" + id + "/dismiss", Map.of("_csrf", analyst.csrf(), "reason", "a family"));

        HttpResponse<String> late = analyst.post("/console/cases/" + id + "/confirm?lang=en",
                Map.of("_csrf", analyst.csrf(), "reason", "a ring"));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("decided meanwhile", "a family", "This case is closed (Dismissed)");
        assertThat(analyst.post("/console/cases/999999/confirm", Map.of("_csrf", analyst.csrf(), "reason", "x"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void lift_afterConfirmRemovesCloneAndItsPairings() {
        analyst.post("/console/cases/" + id + "/confirm", Map.of("_csrf", analyst.csrf(), "reason", "a ring"));

        HttpResponse<String> lifted = analyst.post("/console/cases/" + id + "/lift",
                Map.of("_csrf", analyst.csrf(), "reason", "appeal: the owner's own phones"));

        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM device_status WHERE status = 'CLONE'")).isZero();
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM pairing WHERE removed_at IS NULL")).isZero();
        assertThat(analyst.get("/console/cases/" + id + "?lang=en").body()).contains("appeal: the owner's own phones",
                "Lifted");
    }

    @Test
    void auditor_readsTheCaseButCannotDecide() {
        web.user("auditor", Role.AUDITOR);
        TestServer.Browser auditor = web.browser();
        auditor.login("auditor", TestServer.PASSWORD);

        String page = auditor.get("/console/cases/" + id + "?lang=en").body();

        assertThat(page).contains("id=\"read-only\"", "<svg").doesNotContain("id=\"confirm-form\"");
        assertThat(page).contains(">" + ConsoleData.FIRST_IMSI + "<");
        assertThat(auditor.post("/console/cases/" + id + "/confirm", Map.of("_csrf", auditor.csrf(), "reason", "x"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void show_masksSubscriberIdsForAdministratorsAndOffersThemNoDecision() {
        web.user("admin", Role.ADMIN);
        TestServer.Browser admin = web.browser();
        admin.login("admin", TestServer.PASSWORD);

        String page = admin.get("/console/cases/" + id + "?lang=en").body();

        assertThat(page).contains("40001••••••••00").doesNotContain(ConsoleData.FIRST_IMSI);
        assertThat(page).contains("id=\"read-only\"", "only analysts decide").doesNotContain("id=\"confirm-form\"");
    }

    @Test
    void decide_anAdministratorIsRefusedOnThePagesAsThroughTheApi() {
        web.user("admin", Role.ADMIN);
        TestServer.Browser admin = web.browser();
        admin.login("admin", TestServer.PASSWORD);

        HttpResponse<String> pages = admin.post("/console/cases/" + id + "/confirm",
                Map.of("_csrf", admin.csrf(), "reason", "a ring"));
        HttpResponse<String> api = web.postBody("/api/v1/cases/" + id + "/confirm", "application/json",
                "{\"reason\":\"a ring\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Authorization", TestServer.basic("admin", TestServer.PASSWORD));

        assertThat(pages.statusCode()).isEqualTo(403);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(analyst.get("/console/cases/" + id + "?lang=en").body()).contains("id=\"confirm-form\"");
        assertThat(web.appeals.cases().details(id).orElseThrow().summary().status()).isEqualTo("OPEN");
    }
}
