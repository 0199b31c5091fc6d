package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports from the console: upload, live progress as server-sent events, report, history; operators see their own. */
class ImportPagesTest {
    @TempDir
    static Path dir;

    static TestServer web;
    static TestServer.Browser admin;
    static TestServer.Browser operator;

    @BeforeAll
    static void start() {
        web = new TestServer();
        web.user("admin", Role.ADMIN);
        web.user("operator1", Role.OPERATOR);
        admin = web.browser();
        admin.login("admin", TestServer.PASSWORD);
        operator = web.browser();
        operator.login("operator1", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void upload_importsInTheBackgroundAndTheRunEndsWithItsReport() throws IOException {
        byte[] april = Files.readAllBytes(ConsoleData.april(dir, 50));

        HttpResponse<String> started = admin.multipart("/console/imports",
                Map.of("_csrf", admin.csrf(), "kind", "OPERATOR", "no-checks", "on"), "azercell_20260401_20260430.csv", april);

        assertThat(started.statusCode()).isEqualTo(303);
        String run = started.headers().firstValue("Location").orElseThrow();
        assertThat(run).startsWith("/console/imports/runs/");
        HttpResponse<String> events = admin.get(run + "/events", "Accept", "text/event-stream");
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(events.body()).contains("event: done", "\"state\":\"SUCCEEDED\"", "\"percent\":100", "\"rows\":1620");
        long job = jobOf(events.body());
        String live = admin.get(run + "?lang=en").body();
        assertThat(live).contains("Imported", "href=\"/console/imports/" + job + "\"", "data-events=\"" + run + "/events\"");
        String report = admin.get("/console/imports/" + job + "?lang=en").body();
        assertThat(report).contains("id=\"report-outcome\">Imported", "azercell_20260401_20260430.csv", "SHA-256");
        assertThat(admin.get("/console/imports?lang=en").body()).contains("href=\"/console/imports/" + job + "\"",
                "(checks off)");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM network_imei")).isEqualTo(51);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM import_job WHERE started_by = 'admin'"
                + " AND kind = 'OPERATOR' AND status = 'SUCCEEDED'")).isEqualTo(1);
        assertThat(uploads()).isZero();
    }

    @Test
    void upload_refusedFileEndsFailedWithTheReasonInItsReport() {
        HttpResponse<String> started = admin.multipart("/console/imports", Map.of("_csrf", admin.csrf(), "kind", "OPERATOR"),
                "bakcell_20260401_20260401.csv", "day,imei,imsi,msisdn\n20260401,352099001761481,400021,994551\n"
                        .getBytes(StandardCharsets.US_ASCII));
        String run = started.headers().firstValue("Location").orElseThrow();

        String events = admin.get(run + "/events", "Accept", "text/event-stream").body();

        assertThat(events).contains("event: done", "\"state\":\"FAILED\"", "nothing was imported");
        String report = admin.get("/console/imports/" + jobOf(events) + "?lang=en").body();
        assertThat(report).contains("id=\"report-error\"", "Refused", "date");
    }

    @Test
    void upload_anOperatorImportsOnlyItsOwnNetworksFiles() throws IOException {
        byte[] april = Files.readAllBytes(ConsoleData.april(dir, 1));

        HttpResponse<String> other = operator.multipart("/console/imports?lang=en", Map.of("_csrf", operator.csrf()),
                "bakcell_20260401_20260430.csv", april);
        HttpResponse<String> unnamed = operator.multipart("/console/imports?lang=en", Map.of("_csrf", operator.csrf()),
                "april.csv", april);
        HttpResponse<String> own = operator.multipart("/console/imports", Map.of("_csrf", operator.csrf(),
                "kind", "TAC", "no-checks", "on"), "azercell_20260401_20260430.csv", april);

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("is the data of bakcell; your account imports only the data of azercell");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(own.statusCode()).isEqualTo(303);
        String events = operator.get(own.headers().firstValue("Location").orElseThrow() + "/events",
                "Accept", "text/event-stream").body();
        assertThat(events).contains("\"state\":\"SUCCEEDED\"");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM import_job WHERE started_by = 'operator1' AND checks_enabled"
                + " AND kind = 'OPERATOR'")).isEqualTo(1);
    }

    @Test
    void report_ofAnotherOperatorsOrAnAdministratorsImportIsNotFoundForAnOperator() {
        HttpResponse<String> tac = admin.multipart("/console/imports", Map.of("_csrf", admin.csrf(), "kind", "TAC"),
                "tac.csv", "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type\n35209900|Nokia|3310|GSM 900|2000-01-01|Mobile Phone/Feature phone\n"
                        .getBytes(StandardCharsets.US_ASCII));
        String run = tac.headers().firstValue("Location").orElseThrow();
        long job = jobOf(admin.get(run + "/events", "Accept", "text/event-stream").body());

        assertThat(operator.get("/console/imports/" + job).statusCode()).isEqualTo(404);
        assertThat(operator.get(run).statusCode()).isEqualTo(404);
        assertThat(operator.get("/console/imports").body()).doesNotContain("tac.csv");
        assertThat(admin.get("/console/imports/" + job).statusCode()).isEqualTo(200);
    }

    @Test
    void upload_throughTheOperatorsApiIsFollowedOnTheConsoleByItsOperatorAndAdministrators() throws IOException {
        web.database.transaction(connection -> org.ceir.store.Operators.sync(connection,
                org.ceir.core.country.Country.azerbaijan()));
        String key = web.apiKeys.create("azercell", "console test", "test").secret();
        byte[] april = Files.readAllBytes(ConsoleData.april(dir, 3));

        HttpResponse<String> accepted = web.postBody("/api/v1/operator-data?filename=azercell_20260401_20260430.csv",
                "text/csv", april, "Authorization", "Bearer " + key);

        assertThat(accepted.statusCode()).isEqualTo(202);
        long job = Json.MAPPER.readTree(accepted.body()).get("id").asLong();
        String events = operator.get("/console/imports/runs/" + job + "/events", "Accept", "text/event-stream").body();
        assertThat(events).contains("event: done", "\"jobId\":" + job);
        assertThat(operator.get("/console/imports?lang=en").body()).contains("href=\"/console/imports/runs/" + job + "\"",
                "from this page or the API");
        assertThat(admin.get("/console/imports/runs/" + job + "?lang=en").body())
                .contains("azercell_20260401_20260430.csv", "key:");
        assertThat(operator.get("/console/imports/" + job).statusCode()).isEqualTo(200);
    }

    @Test
    void upload_withoutAFileOrWithAStrangeNameIsExplained() {
        HttpResponse<String> none = admin.post("/console/imports?lang=en", Map.of("_csrf", admin.csrf(), "kind", "TAC"));
        HttpResponse<String> strange = admin.multipart("/console/imports?lang=en", Map.of("_csrf", admin.csrf(),
                "kind", "TAC"), "../../etc/tác list.csv", new byte[] {1});
        HttpResponse<String> kind = admin.multipart("/console/imports?lang=en", Map.of("_csrf", admin.csrf(),
                "kind", "FIRMWARE"), "x.csv", new byte[] {1});
        HttpResponse<String> empty = admin.multipart("/console/imports?lang=en", Map.of("_csrf", admin.csrf(),
                "kind", "TAC"), "tac.csv", new byte[0]);

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose a file to import.");
        assertThat(strange.statusCode()).isEqualTo(400);
        assertThat(strange.body()).contains("The file name \"tác list.csv\" has characters");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"tac.csv\" is empty");
    }

    @Test
    void upload_largerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        try (TestServer small = new TestServer(new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az", 30, 600, 1))) {
            small.user("admin", Role.ADMIN);
            TestServer.Browser browser = small.browser();
            browser.login("admin", TestServer.PASSWORD);

            // Only the headers go out, declaring 2 MB: an answer proves the body was never waited for
            // (sending it whole would race the server's close against the client's writing).
            String refused = rawExchange(small, "POST /console/imports?lang=en HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Cookie: " + browser.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=ceir\r\n"
                    + "Content-Length: " + 2 * 1024 * 1024 + "\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(refused).startsWith("HTTP/1.1 413").contains("larger than 1.0 MB");
        }
    }

    /** Sends {@code head} on a socket of its own and reads the answer until the server closes. */
    private static String rawExchange(TestServer server, String head) throws IOException {
        int port = URI.create(server.base).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long jobOf(String events) {
        Matcher job = Pattern.compile("\"jobId\":(\\d+)").matcher(events);
        long id = 0;
        while (job.find()) {
            id = Long.parseLong(job.group(1));
        }
        assertThat(id).as("a job id in " + events).isPositive();
        return id;
    }

    private static long uploads() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Path uploads = web.home.resolve("uploads");
        long files;
        do {
            try (var paths = Files.walk(uploads)) {
                files = paths.filter(Files::isRegularFile).count();
            }
        } while (files > 0 && Instant.now().isBefore(deadline));
        return files;
    }
}
