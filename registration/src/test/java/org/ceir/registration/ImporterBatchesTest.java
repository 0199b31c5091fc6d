package org.ceir.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ceir.registration.Fixture.GALAXY;
import static org.ceir.registration.Fixture.IPHONE;
import static org.ceir.registration.Fixture.IPHONE_SECOND_TAC;
import static org.ceir.registration.Fixture.NOKIA;
import static org.ceir.registration.Fixture.imei;
import static org.ceir.registration.Fixture.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterBatchesTest {
    private static Database database;
    private static Fixture fx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        fx = new Fixture(database, Fixture.in2024());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("batch.csv"), java.util.List.of(lines));
    }

    @Test
    void importCsv_registersEveryPhoneAtOnce() throws IOException {
        Path csv = file("Model,IMEI,Price", "iPhone 13," + imei(IPHONE, 300) + "|" + imei(IPHONE_SECOND_TAC, 300) + ",790",
                "Galaxy A05s," + imei(GALAXY, 300) + ",120", "\"Nokia 105\"," + imei(NOKIA, 300) + ",20");
        ImporterBatches.Result result = fx.batches.importCsv(csv, "Baku Phones LLC", "clerk1");
        assertThat(result.phones()).isEqualTo(3);
        assertThat(result.imeis()).isEqualTo(4);
        // no excise in 2024: nothing due, active at once
        assertThat(result.status()).isEqualTo("ACTIVE");
        assertThat(fx.count("change_log WHERE change = 'REGISTERED' AND imei IN (?, ?, ?, ?)", key(IPHONE, 300),
                key(IPHONE_SECOND_TAC, 300), key(GALAXY, 300), key(NOKIA, 300))).isEqualTo(4);
        assertThat(fx.count("registration_model m JOIN registration r ON r.id = m.registration_id"
                + " WHERE r.reference = ?", result.reference())).isEqualTo(3);
        assertThat(fx.count("import_job WHERE id = ? AND status = 'SUCCEEDED'", result.jobId())).isEqualTo(1);
    }

    @Test
    void importCsv_oneBadRowRefusesTheFileWithEveryBadRowReported() throws IOException {
        String badDigit = imei(GALAXY, 311).substring(0, 14) + ((imei(GALAXY, 311).charAt(14) - '0' + 1) % 10);
        fx.sql("INSERT INTO device_status (imei, status, reason, set_by) VALUES (" + key(GALAXY, 313)
                + ", 'STOLEN', 'test', 'test')");
        Path csv = file("imei,model,price",
                imei(GALAXY, 310) + ",Galaxy A05s,120",
                badDigit + ",Galaxy A05s,120",
                imei(GALAXY, 312) + ",iPhone 13,120",
                imei(GALAXY, 313) + ",Galaxy A05s,120",
                imei(99999999, 1) + ",Galaxy A05s,120",
                imei(GALAXY, 310) + ",Galaxy A05s,120",
                imei(GALAXY, 314) + ",Galaxy A05s,lots");
        long failedBefore = fx.count("import_job WHERE kind = 'REGISTRATIONS' AND status = 'FAILED'");
        RegistrationException e = catchThrowableOfType(RegistrationException.class,
                () -> fx.batches.importCsv(csv, "Baku Phones LLC", "clerk1"));
        assertThat(e.refusals()).extracting(Refusal::line, Refusal::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, Refusal.Reason.INVALID_IMEI),
                org.assertj.core.groups.Tuple.tuple(4L, Refusal.Reason.MODEL_MISMATCH),
                org.assertj.core.groups.Tuple.tuple(5L, Refusal.Reason.STOLEN),
                org.assertj.core.groups.Tuple.tuple(6L, Refusal.Reason.TAC_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple(7L, Refusal.Reason.DUPLICATE_IN_REQUEST),
                org.assertj.core.groups.Tuple.tuple(8L, Refusal.Reason.BAD_ROW));
        assertThat(e.getMessage()).contains("6 row(s) refused, nothing registered");
        assertThat(fx.count("registration_imei WHERE imei = ?", key(GALAXY, 310))).isZero();
        assertThat(fx.count("import_job WHERE kind = 'REGISTRATIONS' AND status = 'FAILED'")).isEqualTo(failedBefore + 1);
    }

    @Test
    void importCsv_alreadyRegisteredImeiIsRefused() throws IOException {
        fx.batches.importCsv(file("imei,model,price", imei(GALAXY, 320) + ",Galaxy A05s,120"), "A", "clerk1");
        RegistrationException e = catchThrowableOfType(RegistrationException.class, () -> fx.batches.importCsv(
                file("imei,model,price", imei(GALAXY, 320) + ",Galaxy A05s,120"), "B", "clerk1"));
        assertThat(e.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.ALREADY_REGISTERED);
    }

    @Test
    void importCsv_underTheExciseWaitsForPayment() throws IOException {
        ImporterBatches excise = new ImporterBatches(database, fx.settings,
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC));
        ImporterBatches.Result result = excise.importCsv(file("imei,model,price", imei(GALAXY, 330) + ",Galaxy A05s,120",
                imei(GALAXY, 331) + ",Galaxy A05s,120"), "Baku Phones LLC", "clerk1");
        assertThat(result.status()).isEqualTo("PENDING_PAYMENT");
        assertThat(result.duty()).isEqualByComparingTo("40");
        assertThat(result.quote().render()).anyMatch(line -> line.contains("2 phone(s) × 20.00 AZN"));
        assertThat(result.quote().lines()).singleElement().satisfies(line -> {
            assertThat(line.code()).isEqualTo("batch.model");
            assertThat(line.args()).containsExactly("2", "20.00 AZN");
        });
        assertThat(fx.count("change_log WHERE imei = ?", key(GALAXY, 330))).isZero();
        Registrations.Details details = fx.registrations.details(result.reference()).orElseThrow();
        assertThat(details.imeiCount()).isEqualTo(2);
        assertThat(details.models()).singleElement().satisfies(model -> {
            assertThat(model.model()).isEqualTo("Galaxy A05s");
            assertThat(model.phones()).isEqualTo(2);
            assertThat(model.dutyPerPhone()).isEqualByComparingTo("20");
        });
    }
}
