package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceir.app.Ceir;
import org.ceir.app.config.Settings;
import org.ceir.core.identity.Imei;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registration commands end to end on a fresh home: price list, register, pay, report stolen, export, notify. */
class RegistrationCommandsTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    private String run(String... args) {
        return Cli.ok(Cli.onHome(home, args));
    }

    @Test
    void register_payReportStolenExportAndNotify() throws Exception {
        Cli.home(home);
        String first = Imei.ofKey(35395811_000001L).toString();
        String second = Imei.ofKey(35395812_000001L).toString();
        try (Ceir ceir = new Ceir(home, Settings.load(Optional.empty(), Map.of(), Map.of()), System.err)) {
            // keeps the embedded server up while the commands attach to it, and loads a TAC catalogue
            ceir.database().transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO tac_model (tac, manufacturer, model_name, marketing_name, brand_name,"
                            + " device_type) VALUES (35395811, 'Apple Inc', 'A2633', 'iPhone 13', 'Apple', 'Smartphone'),"
                            + " (35395812, 'Apple Inc', 'A2633', 'iPhone 13', 'Apple', 'Smartphone')");
                }
                return null;
            });
            Path prices = Files.writeString(home.resolve("prices.csv"), "manufacturer,model,market_price_usd\nApple,iPhone 13,600\n");
            assertThat(run("duty", "prices", prices.toString())).contains("1 model(s) read");
            assertThat(run("duty", "quote", "--model", "Apple iPhone 13", "--date", "2025-03-01"))
                    .contains("bracket over $400.00 up to $700.00").contains("total").contains("50.00 AZN");

            String registered = run("register", "--fin", "5ABC123", "--name", "Aysel Mammadova", "--contact",
                    "050 123 45 67", "--imei", first, "--imei", second, "--price", "550");
            assertThat(registered).contains("PENDING_PAYMENT").contains("*****23").doesNotContain("5ABC123");
            Matcher reference = Pattern.compile("registration (R-[0-9A-Z]{8})").matcher(registered);
            assertThat(reference.find()).isTrue();

            assertThat(run("payments", "confirm", reference.group(1))).contains("registration ACTIVE");
            assertThat(run("registrations", "owner", "--fin", "5abc123")).contains(reference.group(1)).contains("ACTIVE");

            assertThat(run("stolen", "report", "--imei", second, "--police", "POL-1", "--owner-fin", "5ABC123"))
                    .contains("blocked " + first + ", " + second);
            Path list = home.resolve("stolen.csv");
            run("stolen", "export", "--out", list.toString());
            assertThat(Files.readAllLines(list)).hasSize(3).first().isEqualTo("imei,reporting_date,status");

            assertThat(run("notify", "run")).contains("SMS #").contains(reference.group(1)).contains("sent 2");
        }
    }
}
