package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.country.Country;
import org.ceir.eir.EirSettings;
import org.ceir.lists.ApiKeys;
import org.ceir.lists.ListExporter;
import org.ceir.lists.ListsSettings;
import org.ceir.store.Operators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' integration API over HTTP, with API keys. */
class OperatorApiTest {
    private static final String FILE = "date,imei,imsi,msisdn\n"
            + "20260510,35209900176148,400011234567890,994501234567\n"
            + "20260510,35209900176149,400011234567891,994501234568\n"
            + "20260510,35209900176150,400011234567892,994501234569\n";

    @TempDir
    static Path temp;

    private static TestServer web;
    private static String azercell;
    private static String bakcell;

    @BeforeAll
    static void start() {
        web = new TestServer();
        web.database.transaction(connection -> Operators.sync(connection, Country.azerbaijan()));
        azercell = web.apiKeys.create("azercell", "test loader", "test").secret();
        bakcell = web.apiKeys.create("bakcell", "test loader", "test").secret();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void upload_anOperatorsKeyUploadsAFileAndPollsItToSuccess() throws Exception {
        HttpResponse<String> accepted = upload(azercell, "azercell_20260510_20260510.csv", FILE);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = Json.MAPPER.readTree(accepted.body());
        assertThat(location).isEqualTo("/api/v1/jobs/" + job.get("id").asLong());
        for (int i = 0; i < 600 && !finished(job); i++) {
            Thread.sleep(100);
            HttpResponse<String> polled = web.get(location, "Authorization", "Bearer " + azercell);
            assertThat(polled.statusCode()).isEqualTo(200);
            job = Json.MAPPER.readTree(polled.body());
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(job.get("importJob").asLong()).isPositive();
        assertThat(job.get("report").get("checks")).isNotEmpty();

        // the same file again: the importer recognises it and changes nothing
        JsonNode again = poll(Json.MAPPER.readTree(upload(azercell, "azercell_20260510_20260510.csv", FILE).body()));
        assertThat(again.get("state").asText()).isEqualTo("UNCHANGED");
        // another operator sees no such job
        assertThat(web.get(location, "X-Api-Key", bakcell).statusCode()).isEqualTo(404);
    }

    @Test
    void job_anUploadFromTheConsoleIsSeenThroughTheApiByItsOperatorOnly() throws Exception {
        web.user("console-operator", Role.OPERATOR);
        web.user("console-admin", Role.ADMIN);
        TestServer.Browser person = web.browser();
        person.login("console-operator", TestServer.PASSWORD);
        TestServer.Browser admin = web.browser();
        admin.login("console-admin", TestServer.PASSWORD);

        String run = person.multipart("/console/imports", Map.of("_csrf", person.csrf()),
                "azercell_20260512_20260512.csv", FILE.replace("20260510", "20260512").getBytes(StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(run.substring(run.lastIndexOf('/') + 1));
        String tac = admin.multipart("/console/imports", Map.of("_csrf", admin.csrf(), "kind", "TAC"),
                "tac.csv", "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type\n".getBytes(StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow();

        JsonNode job = poll(Json.MAPPER.readTree(web.get("/api/v1/jobs/" + id, "X-Api-Key", azercell).body()));
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("uploadedBy").asText()).isEqualTo("console-operator");
        assertThat(job.get("report").get("checks")).isNotEmpty();
        assertThat(web.get("/api/v1/jobs/" + id, "X-Api-Key", bakcell).statusCode()).isEqualTo(404);
        assertThat(web.get("/api/v1/jobs/" + tac.substring(tac.lastIndexOf('/') + 1), "X-Api-Key", azercell)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void upload_largerThanTheLimitOrEmptyIsAProblem() throws Exception {
        try (TestServer small = new TestServer(new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az",
                30, 600, 1))) {
            small.database.transaction(connection -> Operators.sync(connection, Country.azerbaijan()));
            String key = small.apiKeys.create("azercell", "test loader", "test").secret();
            byte[] large = new byte[1024 * 1024 + 1024];

            HttpResponse<String> refused = small.postBody("/api/v1/operator-data?filename=azercell_20260513_20260513.csv",
                    "text/csv", large, "X-Api-Key", key, "Accept-Language", "en");
            HttpResponse<String> empty = small.postBody("/api/v1/operator-data?filename=azercell_20260513_20260513.csv",
                    "text/csv", new byte[0], "X-Api-Key", key);

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(Json.MAPPER.readTree(refused.body()).get("detail").asText()).contains("larger than 1 MB");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(small.get("/api/v1/jobs/1", "X-Api-Key", key).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void upload_anotherOperatorsFileIsRefused() throws Exception {
        HttpResponse<String> refused = upload(bakcell, "azercell_20260511_20260511.csv", FILE);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.MAPPER.readTree(refused.body()).get("detail").asText()).contains("bakcell only");
    }

    @Test
    void upload_aBadNameOrNoFileNameIsAProblem() throws Exception {
        assertThat(upload(azercell, "azercell.csv", FILE).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/operator-data"))
                .POST(HttpRequest.BodyPublishers.ofString(FILE)), "Authorization", "Bearer " + azercell);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(missing.body()).get("invalidParams").get(0).get("param").asText())
                .isEqualTo("query filename");
    }

    @Test
    void apiKey_wrongOrRevokedKeysAreRefused() {
        ApiKeys.NewApiKey key = web.apiKeys.create("azercell", "short-lived", "test");
        String check = "/api/v1/check?imei=352099001761481";
        assertThat(web.get(check, "Authorization", "Bearer " + key.secret()).statusCode()).isEqualTo(200);
        assertThat(web.check.lastOperator).isEqualTo("azercell");

        web.apiKeys.revoke(key.key().prefix(), "test", "test over");
        String forged = key.secret().substring(0, key.secret().length() - 2) + "xx";
        HttpResponse<String> wrong = web.get(check, "Authorization", "Bearer " + forged);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(web.get(check, "Authorization", "Bearer ceir_nothing").statusCode()).isEqualTo(401);
    }

    @Test
    void batch_checksEveryImeiThroughTheEngine() throws Exception {
        web.check.verdict(35209900176148L, "400011234567890", Outcome.BLACKLISTED, CheckReason.CLONE_UNPAIRED_SIM, 0);
        String body = "{\"checks\": [{\"imei\": \"352099001761481\", \"imsi\": \"400011234567890\"},"
                + " {\"imei\": \"490154203237518\"}]}";

        HttpResponse<String> response = postJson("/api/v1/check/batch", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = Json.MAPPER.readTree(response.body()).get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("status").asText()).isEqualTo("BLACKLISTED");
        assertThat(results.get(0).get("reason").asText()).isEqualTo("CLONE_UNPAIRED_SIM");
    }

    @Test
    void batch_namesEveryBadItemAndRefusesMoreThanAThousand() throws Exception {
        HttpResponse<String> bad = postJson("/api/v1/check/batch",
                "{\"checks\": [{\"imei\": \"352099001761481\", \"imsi\": \"12\"}, {\"imsi\": \"400011234567890\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("checks[0].imsi", "checks[1].imei");

        StringBuilder many = new StringBuilder("{\"checks\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"imei\": \"352099001761481\"}");
        }
        HttpResponse<String> tooMany = postJson("/api/v1/check/batch", many.append("]}").toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(postJson("/api/v1/check/batch", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void lists_operatorsDownloadTheBlacklistAndTheirOwnListsByteForByte() throws Exception {
        web.database.transaction(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO device_status (imei, status, reason, set_by)"
                    + " VALUES (35209900176148, 'STOLEN', 'test', 'test')")) {
                insert.executeUpdate();
            }
            return null;
        });
        ListExporter exporter = new ListExporter(web.database, EirSettings.defaults(), Country.azerbaijan(),
                ListsSettings.defaults(), temp.resolve("managed"), Clock.systemUTC());
        exporter.export(new ListExporter.Request(temp.resolve("out"), Optional.empty(), "COMMAND", "test", false),
                line -> { });

        HttpResponse<String> manifest = web.get("/api/v1/lists/latest/manifest", "X-Api-Key", azercell);
        assertThat(manifest.statusCode()).isEqualTo(200);
        JsonNode files = Json.MAPPER.readTree(manifest.body()).get("files");
        assertThat(files).extracting(f -> f.get("name").asText()).containsExactly("blacklist.csv",
                "blacklist_delta.csv", "notifications_azercell.csv", "notifications_azercell_delta.csv",
                "exceptions_azercell.csv", "exceptions_azercell_delta.csv");
        for (JsonNode file : files) {
            HttpResponse<String> download = web.get(file.get("href").asText(), "X-Api-Key", azercell);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(sha256(download.body())).as(file.get("name").asText()).isEqualTo(file.get("sha256").asText());
        }
        HttpResponse<String> blacklist = web.get(files.get(0).get("href").asText(), "X-Api-Key", azercell);
        assertThat(blacklist.body()).startsWith("imei,block_date,reasons\n35209900176148,")
                .contains(",STOLEN\n");
        assertThat(web.get("/api/v1/lists/latest/files/exceptions_bakcell.csv", "X-Api-Key", azercell).statusCode())
                .isEqualTo(403);
        assertThat(web.get("/api/v1/lists/latest/files/nothing.csv", "X-Api-Key", azercell).statusCode())
                .isEqualTo(404);
        assertThat(web.get("/api/v1/lists", "X-Api-Key", azercell).body()).contains("\"runs\"");
    }

    private static HttpResponse<String> upload(String key, String name, String body) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/v1/operator-data?filename=" + name))
                .header("Content-Type", "text/csv").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "Authorization", "Bearer " + key);
    }

    private static HttpResponse<String> postJson(String path, String body) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "X-Api-Key", azercell);
    }

    private static JsonNode poll(JsonNode job) throws Exception {
        for (int i = 0; i < 600 && !finished(job); i++) {
            Thread.sleep(100);
            job = Json.MAPPER.readTree(web.get(job.get("href").asText(), "X-Api-Key", azercell).body());
        }
        return job;
    }

    private static boolean finished(JsonNode job) {
        String state = job.get("state").asText();
        return state.equals("SUCCEEDED") || state.equals("UNCHANGED") || state.equals("FAILED");
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
