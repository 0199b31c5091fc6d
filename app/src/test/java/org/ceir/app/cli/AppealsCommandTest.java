package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceir.app.Ceir;
import org.ceir.app.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appeal commands end to end on a fresh home: a clerk files for a cloned IMEI, an analyst
 * approves a number change (new SIM paired, old unpaired; ceir check allows the new and refuses the
 * old), the report counts it, and the audit log verifies, then fails once a row is altered.
 */
class AppealsCommandTest {
    private static final String IMEI = "352099001761481";

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    /** The command, run on this test's home. */
    private Cli.Result run(String... args) {
        return Cli.run(Cli.onHome(home, args));
    }

    private String ok(String... args) {
        Cli.Result result = run(args);
        assertThat(result.code()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result.out();
    }

    @Test
    void fileApproveReportAndVerifyTheAuditLog() throws Exception {
        Cli.home(home);
        try (Ceir ceir = new Ceir(home, Settings.load(Optional.empty(), Map.of(), Map.of()), System.err)) {
            // keeps the embedded server up while the commands attach; the IMEI is a confirmed clone
            ceir.database().transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO device_status (imei, status, reason, sticky, set_by) VALUES"
                            + " (35209900176148, 'CLONE', 'IMEI copied onto other phones', true, 'analyst')");
                    s.execute("INSERT INTO pairing (imei, imsi, msisdn, kind, ref, created_by) VALUES"
                            + " (35209900176148, '400011111111111', '994501111111', 'GRANDFATHERED', 'case:1', 'analyst')");
                }
                return null;
            });
            Path receipt = Files.write(home.resolve("contract.pdf"), pdf());

            String filed = ok("appeals", "file", "--kind", "number-change", "--imei", IMEI, "--fin", "5ABC12K",
                    "--contact", "055 222 22 22", "--msisdn", "055 222 22 22", "--imsi", "400022222222222",
                    "--text", "new number since April", "--attach", receipt.toString(), "--language", "en",
                    "--office", "AZ1000", "--as", "clerk.aysel");
            Matcher tracking = Pattern.compile("appeal (A-[0-9A-Z]{9}) RECEIVED, due (\\S+), 1 attachment").matcher(filed);
            assertThat(tracking.find()).as(filed).isTrue();
            String appeal = tracking.group(1);

            assertThat(ok("appeals", "list")).contains(appeal, "NUMBER_CHANGE", "AZ1000");
            assertThat(ok("appeals", "show", appeal, "--evidence")).contains("*****2K", "contract.pdf",
                    "400011111111111/994501111111 GRANDFATHERED", "CLONE").doesNotContain("5ABC12K");
            assertThat(run("appeals", "decide", appeal, "--approve", "--as", "analyst.rauf").err())
                    .contains("give a reason");

            String decided = ok("appeals", "decide", appeal, "--approve", "--reason",
                    "the old SIM stopped when the new one started: a number change", "--unpair", "+994 50 111 11 11",
                    "--as", "analyst.rauf");
            assertThat(decided).contains("APPROVED", "paired 400022222222222/994552222222",
                    "unpaired 400011111111111/994501111111");
            ceir.database().transaction(c -> {
                try (Statement s = c.createStatement(); var rows = s.executeQuery("SELECT imsi, kind FROM pairing"
                        + " WHERE imei = 35209900176148 AND removed_at IS NULL")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("400022222222222");
                    assertThat(rows.getString(2)).isEqualTo("NUMBER_CHANGE");
                    assertThat(rows.next()).isFalse();
                }
                return null;
            });
            // what the network is told now: the new SIM works on the clone, the old one is refused
            assertThat(ok("check", IMEI, "--imsi", "400022222222222")).contains("WHITELISTED");
            assertThat(ok("check", IMEI, "--imsi", "400011111111111")).contains("BLACKLISTED", "CLONE_UNPAIRED_SIM");

            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Baku"));
            assertThat(ok("appeals", "report", "--from", today.minusDays(1).toString(), "--to", today.toString()))
                    .containsPattern("received\\s+1")
                    .containsPattern("  number change\\s+1")
                    .containsPattern("rejected\\s+0")
                    .contains("median time to decision");

            assertThat(ok("audit", "verify")).contains("audit log intact");
            ceir.database().transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE audit_log SET reason = 'nothing to see' WHERE action = 'APPEAL_APPROVED'");
                }
                return null;
            });
            Cli.Result broken = run("audit", "verify");
            assertThat(broken.code()).isEqualTo(1);
            assertThat(broken.err()).contains("audit log broken", "(APPEAL_APPROVED on appeal:" + appeal
                    + ") was changed after it was written");
        }
    }

    private static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n";
        return (body + "xref\n0 3\ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n" + body.length() + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
