package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.core.identity.Imei;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The appeals over HTTP: the clerk's form, the analyst's decision page, the public pages and the REST API. */
class AppealPagesTest {
    static final String CLONED = "352099001761481";
    private static TestServer web;

    @BeforeAll
    static void start() {
        web = new TestServer(WebSettings.defaults().withChecksPerMinute(1000));
        web.user("clerk", Role.CLERK);
        web.user("analyst", Role.ANALYST);
        web.user("auditor", Role.AUDITOR);
        seedClone(web);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** {@link #CLONED} under clone status and paired with its grandfathered SIM, the owner's old number. */
    static void seedClone(TestServer server) {
        server.database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO device_status (imei, status, reason, sticky, set_by) VALUES"
                        + " (35209900176148, 'CLONE', 'IMEI copied onto other phones', true, 'analyst')");
                s.execute("INSERT INTO pairing (imei, imsi, msisdn, kind, ref, created_by) VALUES"
                        + " (35209900176148, '400011111111111', '994501111111', 'GRANDFATHERED', 'case:1', 'analyst')");
            }
            return null;
        });
    }

    private static TestServer.Browser signedIn(String username) {
        TestServer.Browser browser = web.browser();
        assertThat(browser.login(username, TestServer.PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    private static Map<String, String> appealForm(String csrf, String imei, String fin) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("kind", "NUMBER_CHANGE");
        form.put("imei", imei);
        form.put("fin", fin);
        form.put("contact", "055 222 22 22");
        form.put("msisdn", "055 222 22 22");
        form.put("statement", "my new number stopped working in my phone");
        form.put("language", "en");
        return form;
    }

    @Test
    void clerkFiles_analystApprovesWithTheEvidence_applicantSeesIt() {
        TestServer.Browser clerk = signedIn("clerk");
        HttpResponse<String> filed = clerk.multipart("/console/appeals", appealForm(clerk.csrf(), CLONED, "5ABC12K"),
                List.<Object[]>of(new Object[] {"attachment", "id-card.jpg", jpeg()}));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(303);
        String location = filed.headers().firstValue("Location").orElseThrow();
        Matcher tracking = Pattern.compile("filed=(A-[0-9A-Z]{9})").matcher(location);
        assertThat(tracking.find()).as(location).isTrue();
        String appeal = tracking.group(1);
        assertThat(clerk.get(location).body()).contains(appeal, "appeal-filed");
        assertThat(clerk.get("/console/appeals/" + appeal).statusCode()).isEqualTo(403);

        TestServer.Browser analyst = signedIn("analyst");
        assertThat(analyst.get("/console/appeals?lang=en").body()).contains(appeal, "Number change");
        String page = analyst.get("/console/appeals/" + appeal).body();
        assertThat(page).contains("*****2K", "id-card.jpg", "400011111111111", "GRANDFATHERED", "decision-form")
                .doesNotContain("5ABC12K");
        HttpResponse<String> download = analyst.get("/console/appeals/" + appeal + "/attachments/"
                + web.appeals.get(appeal).attachments().get(0).id());
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));

        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("_csrf", analyst.csrf());
        decision.put("action", "approve");
        decision.put("reason", "the new SIM followed the old one");
        decision.put("msisdn", "994552222222");
        decision.put("unpair", "400011111111111");
        HttpResponse<String> decided = analyst.post("/console/appeals/" + appeal + "/decision", decision);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(303);
        assertThat(analyst.get(decided.headers().firstValue("Location").orElseThrow()).body())
                .contains("appeal-done", "data-status=\"APPROVED\"");
        assertThat(activePairings()).containsExactly("NUMBER_CHANGE -/994552222222");

        String status = web.get("/appeal/status?lang=en&tracking=" + appeal.toLowerCase(java.util.Locale.ROOT)).body();
        assertThat(status).contains("Approved", "the new SIM followed the old one").doesNotContain("5ABC12K", "994552222222");
        assertThat(web.get("/api/v1/appeals/" + appeal + "/status").body()).contains("\"status\":\"APPROVED\"");
        assertThat(signedIn("auditor").get("/console/appeals/" + appeal).body()).doesNotContain("decision-form");
    }

    @Test
    void analystDecision_withoutAReasonIsRefusedOnThePage() {
        TestServer.Browser clerk = signedIn("clerk");
        String imei = Imei.ofKey(35209900176149L).toString();
        String location = clerk.multipart("/console/appeals", appealForm(clerk.csrf(), imei, "6XYZ123"), List.of())
                .headers().firstValue("Location").orElseThrow();
        String appeal = location.substring(location.indexOf("A-"));
        TestServer.Browser analyst = signedIn("analyst");

        HttpResponse<String> refused = analyst.post("/console/appeals/" + appeal + "/decision",
                Map.of("_csrf", analyst.csrf(), "action", "reject", "reason", ""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("give a reason");
        assertThat(web.appeals.get(appeal).status().name()).isEqualTo("RECEIVED");
    }

    @Test
    void clerkForm_refusedInputKeepsTheValuesButNotTheId() {
        TestServer.Browser clerk = signedIn("clerk");
        Map<String, String> form = appealForm(clerk.csrf(), "352099001761482", "5ABC12K");

        HttpResponse<String> refused = clerk.multipart("/console/appeals?lang=en", form, List.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("should be 1, not 2", "352099001761482", "my new number stopped working")
                .doesNotContain("5ABC12K");
    }

    @Test
    void clerkForm_tooLargeDocumentsAreRefusedWithTheirSize() {
        TestServer.Browser clerk = signedIn("clerk");
        Map<String, String> form = appealForm(clerk.csrf(), Imei.ofKey(35209900176152L).toString(), "5ABC12K");

        HttpResponse<String> large = clerk.multipart("/console/appeals?lang=en", form,
                List.<Object[]>of(new Object[] {"attachment", "scan.pdf", new byte[6 * 1024 * 1024]}));
        HttpResponse<String> huge = clerk.multipart("/console/appeals", form,
                List.<Object[]>of(new Object[] {"attachment", "scan.pdf", new byte[12 * 1024 * 1024]}));

        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(large.body()).contains("scan.pdf has 6.0 MB; each may have at most 5.0 MB");
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
    }

    @Test
    void online_codeBySmsThenTheAppeal() {
        TestServer.Browser citizen = web.browser();
        String form = citizen.get("/appeal?lang=ru").body();
        String csrf = TestServer.csrfOf(form);
        assertThat(citizen.post("/appeal/code", Map.of("_csrf", csrf, "contact", "070 444 44 44")).body())
                .contains("code-sent");
        String code = codeSentTo("994704444444");

        Map<String, String> fields = appealForm(csrf, Imei.ofKey(35209900176150L).toString(), "2ONL345");
        fields.put("contact", "070 444 44 44");
        fields.put("code", code);
        HttpResponse<String> filed = citizen.multipart("/appeal", fields, List.of());

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        Matcher tracking = Pattern.compile("id=\"tracking\">(A-[0-9A-Z]{9})<").matcher(filed.body());
        assertThat(tracking.find()).isTrue();
        assertThat(web.appeals.get(tracking.group(1)).channel().name()).isEqualTo("ONLINE");
        HttpResponse<String> reused = citizen.multipart("/appeal", fields, List.of());
        assertThat(reused.statusCode()).isEqualTo(403);
        assertThat(reused.body()).contains("Для этого номера нет действующего кода");
    }

    @Test
    void api_clerkFilesAnalystDecidesReportCounts() throws IOException {
        String auth = TestServer.basic("clerk", TestServer.PASSWORD);
        HttpResponse<String> filed = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/appeals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"other\",\"imei\":\"" + Imei.ofKey(35209900176151L) + "\","
                        + "\"applicantId\":\"3API456\",\"contactNumber\":\"+994501234567\",\"statement\":\"why?\"}")),
                "Authorization", auth);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String appeal = Json.MAPPER.readTree(filed.body()).get("tracking").asText();

        HttpResponse<String> decided = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/appeals/" + appeal
                        + "/decision")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"reject\",\"reason\":\"nothing blocked\"}")),
                "Authorization", TestServer.basic("analyst", TestServer.PASSWORD));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(decided.body());
        assertThat(body.at("/appeal/status").asText()).isEqualTo("REJECTED");

        HttpResponse<String> again = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/appeals/" + appeal
                        + "/decision")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"approve\",\"reason\":\"no\"}")),
                "Authorization", TestServer.basic("analyst", TestServer.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");

        JsonNode report = Json.MAPPER.readTree(web.get("/api/v1/appeals/report?from=2026-05-01&to=2026-05-31",
                "Authorization", TestServer.basic("auditor", TestServer.PASSWORD)).body());
        assertThat(report.get("rejected").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void api_casesAreDecidedThroughDetection() throws IOException {
        web.database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO clone_case (imei, condition, status, score, imsis, evidence_at_open)"
                        + " VALUES (35209900176155, 'clone', 'OPEN', 12, '{}', '{}')");
                s.execute("INSERT INTO device_status (imei, status, reason, set_by) VALUES"
                        + " (35209900176155, 'SUSPECTED_CLONE', 'IMEI copied onto other phones', 'detect')");
            }
            return null;
        });
        String analyst = TestServer.basic("analyst", TestServer.PASSWORD);
        JsonNode cases = Json.MAPPER.readTree(web.get("/api/v1/cases", "Authorization", analyst).body());
        long id = cases.get("cases").get(0).get("id").asLong();

        HttpResponse<String> noReason = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/cases/" + id
                + "/confirm")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                "Authorization", analyst);
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> confirmed = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/cases/" + id
                + "/confirm")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"reason\":\"seen on 12 phones at once\"}")), "Authorization", analyst);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(confirmed.body()).at("/decided/status").asText()).isEqualTo("CONFIRMED");
    }

    private static List<String> activePairings() {
        return web.database.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT kind || ' ' || coalesce(imsi, '-') || '/' ||"
                    + " coalesce(msisdn, '-') FROM pairing WHERE imei = 35209900176148 AND removed_at IS NULL");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
            return out;
        });
    }

    static String codeSentTo(String msisdn) {
        String body = web.database.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT body FROM notification WHERE msisdn = ? AND kind = 'APPEAL_CODE' ORDER BY id DESC LIMIT 1")) {
                q.setString(1, msisdn);
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    static byte[] jpeg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
