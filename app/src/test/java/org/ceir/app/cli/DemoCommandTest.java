package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceir.app.demo.DemoHome;
import org.ceir.core.check.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ceir demo} small (2,000 subscribers, 30 days) in a child JVM, as a person runs it: what it
 * prints is pasted back. Every IMEI it offers gets its printed verdict through the HTTP check API,
 * N5g-eir and S13; the printed curl and {@code ceir check --via diameter} commands are run as printed;
 * the refused checks reach the report; Ctrl-C stops it cleanly; a second demo on the same home works.
 */
class DemoCommandTest {
    private static final Pattern SAMPLE = Pattern.compile("^ {5}(.+?) +IMEI (\\d{15})  IMSI (\\d+)  MSISDN (\\d+)"
            + "  (\\S+) +(WHITELISTED|GREYLISTED|BLACKLISTED) +(\\S+)$");
    private static final Pattern CONSOLE = Pattern.compile("^ {3}console +http://([0-9.]+):(\\d+)/login +user (\\S+)"
            + " +password (\\S+)$");
    private static final Pattern OPERATOR = Pattern.compile("^ {3}operator +(\\S+) \\(OPERATOR, (\\S+)\\) +password (\\S+) .*");
    private static final Pattern CURL_HTTP = Pattern.compile("^ +curl -u '([^:]+):([^']+)' '(http://[^']+)'$");
    private static final Pattern CURL_5G = Pattern.compile("^ +curl --http2-prior-knowledge 'http://([0-9.]+):(\\d+)"
            + "/n5g-eir-eic/v1/equipment-status\\?pei=imei-(\\d+)&supi=imsi-(\\d+)&gpsi=msisdn-(\\d+)'$");
    private static final Pattern CHECK_S13 = Pattern.compile("^ +\\./ceir (check .* --via diameter --server \\S+.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    private record Sample(String label, String imei, String imsi, String msisdn, String operator, Outcome outcome) {
    }

    @Test
    void demo_printedImeisGetThePrintedVerdictsThroughEveryDoor() throws Exception {
        Cli.home(home);
        List<String> lines;
        try (Cli.Child demo = Cli.Child.start("demo", "--home", home.toString(), "--subscribers", "2000", "--days",
                "45", "--seed", "3")) {
            lines = demo.lines;
            demo.awaitLine("serving; Ctrl-C stops", Duration.ofMinutes(10));
            for (int step = 1; step <= 6; step++) {
                int n = step;
                assertThat(lines).anyMatch(line -> line.startsWith(n + ". "));
            }

            List<Sample> samples = new ArrayList<>();
            String operatorUser = null;
            String operatorPassword = null;
            for (String line : lines) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    samples.add(new Sample(sample.group(1), sample.group(2), sample.group(3), sample.group(4),
                            sample.group(5), Outcome.valueOf(sample.group(6))));
                }
                Matcher operator = OPERATOR.matcher(line);
                if (operator.matches()) {
                    operatorUser = operator.group(1);
                    operatorPassword = operator.group(3);
                }
            }
            assertThat(samples).extracting(Sample::label).contains("clone, a paired SIM", "clone, a SIM not paired",
                    "unregistered, inside its grace", "unregistered, grace over", "registered");
            assertThat(lines).anyMatch(line -> CONSOLE.matcher(line).matches());
            Matcher console = lines.stream().map(CONSOLE::matcher).filter(Matcher::matches).findFirst().orElseThrow();
            String webHost = console.group(1);
            int webPort = Integer.parseInt(console.group(2));
            Matcher fiveG = lines.stream().map(CURL_5G::matcher).filter(Matcher::matches).findFirst().orElseThrow();
            String s13 = lines.stream().map(CHECK_S13::matcher).filter(Matcher::matches).findFirst().orElseThrow()
                    .group(1).replaceAll(".* --server (\\S+).*", "$1");

            // Every printed IMEI, with its printed SIM, through the three doors.
            for (Sample s : samples) {
                assertThat(RemoteCheck.http(webHost, webPort, operatorUser, operatorPassword, s.imei(), s.imsi(),
                        s.msisdn()).outcome()).as("HTTP: " + s).isEqualTo(s.outcome());
                assertThat(RemoteCheck.n5gEir(fiveG.group(1), Integer.parseInt(fiveG.group(2)), s.imei(), s.imsi(),
                        s.msisdn()).outcome()).as("N5g-eir: " + s).isEqualTo(s.outcome());
                assertThat(checkViaDiameter(s, s13)).as("S13: " + s).contains("verdict    " + s.outcome());
            }

            // The printed commands, as printed.
            Matcher http = lines.stream().map(CURL_HTTP::matcher).filter(Matcher::matches).findFirst().orElseThrow();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.group(3)))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((http.group(1) + ":"
                            + http.group(2)).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("reason").asText()).isEqualTo("CLONE_UNPAIRED_SIM");
            assertThat(RemoteCheck.n5gEir(fiveG.group(1), Integer.parseInt(fiveG.group(2)), fiveG.group(3),
                    fiveG.group(4), fiveG.group(5)).outcome()).isEqualTo(Outcome.BLACKLISTED);
            String printed = lines.stream().map(CHECK_S13::matcher).filter(Matcher::matches).findFirst().orElseThrow()
                    .group(1);
            assertThat(Cli.ok(printed.split(" +"))).contains("verdict    BLACKLISTED");

            // Those refused checks were counted, and the report (beside the running demo) sees them.
            long refused = 0;
            long until = System.currentTimeMillis() + 60_000;
            while (refused < 5 && System.currentTimeMillis() < until) {
                Thread.sleep(1_000);
                JsonNode report = JSON.readTree(Cli.ok("report", "--home", home.toString(), "--format", "json"));
                refused = report.path("refused_attempts").asLong();
            }
            assertThat(refused).as("3 doors × the unpaired sample + the 3 printed commands").isGreaterThanOrEqualTo(5);

            demo.stop();
        }
        assertThat(lines).anyMatch(line -> line.equals("ceir: stopped"));
        assertThat(home.resolve("postgres/data/postmaster.pid")).as("the embedded database stopped").doesNotExist();

        // A second demo on the same home starts afresh, keeping the home's settings (here: ports chosen by the system).
        Files.writeString(home.resolve("ceir.yaml"), "web:\n  port: 0\n  bind-address: 127.0.0.1\nsbi:\n  port: 0\n"
                + "  host: 127.0.0.1\ndiameter:\n  port: 0\n");
        String again = Cli.ok("demo", "--home", home.toString(), "--subscribers", "500", "--days", "14", "--no-serve");
        assertThat(again).contains("500 subscribers over 14 days").contains("ceir: stopped")
                .doesNotContain(":8080").doesNotContain(":8081");
        assertThat(home.resolve("ceir.yaml")).exists();
    }

    @Test
    void prepare_homeWithOtherData_isRefusedAndLeftAlone() throws Exception {
        Files.writeString(home.resolve("precious.txt"), "a register");
        assertThatThrownBy(() -> DemoHome.prepare(home)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds data that a demo did not make");
        assertThat(home.resolve("precious.txt")).exists();
    }

    private String checkViaDiameter(Sample s, String server) throws Exception {
        return Cli.ok("check", s.imei(), "--imsi", s.imsi(), "--operator", s.operator(), "--via", "diameter",
                "--server", server, "--home", home.toString());
    }

}
