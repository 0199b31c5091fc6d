package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.ceir.core.network.Rat;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListImportTest {
    @TempDir
    Path dir;

    private Database database;
    private Importer importer;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        importer = Fixtures.importer(database, dir.resolve("reports"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void importTac_catalogue_computesRadiosAndReadsEveryDateForm() {
        Path file = Fixtures.write(dir, "tac.csv",
                "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type|Radio_Interface|Marketing_Name|Extra",
                "35209900|Apple|A2111|GSM 900,WCDMA FDD Band I,LTE FDD Band 3|2019-09-10|Smartphone|GSM,WCDMA,LTE|iPhone 11|x",
                "35000001|Nokia|105|GSM 900,GSM 1800|20190101|Mobile Phone/Feature phone||Nokia 105|x",
                "35000002|Samsung|SM-S911B|NR Band n78|01-Feb-2023|Smartphone|5G NR||x");
        ImportResult result = importer.importTac(file, Fixtures.options());
        assertThat(result.rowsChanged()).isEqualTo(3);
        assertThat(Fixtures.rows(database, "SELECT tac, allocation_date, rat_bitmask FROM tac_model ORDER BY tac"))
                .containsExactly(
                        "35000001|2019-01-01|" + Rat.GERAN.bit(),
                        "35000002|2023-02-01|" + Rat.NR.bit(),
                        "35209900|2019-09-10|" + (Rat.GERAN.bit() | Rat.UTRAN.bit() | Rat.EUTRAN.bit()));
        assertThat(importer.importTac(Fixtures.write(dir, "tac2.csv",
                "tac|manufacturer|model_name|bands|allocation_date|device_type",
                "35000001|Nokia|105|GSM 900,GSM 1800|2019-01-01|Mobile Phone/Feature phone"), Fixtures.options())
                .outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
    }

    @Test
    void importTac_badTac_isARowErrorAndNothingIsWritten() {
        Path file = Fixtures.write(dir, "tac.csv", "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type",
                "35209900|Apple|A2111|LTE|2019-09-10|Smartphone",
                "3520990|Apple|A2112|LTE|2019-09-10|Smartphone");
        assertThatThrownBy(() -> importer.importTac(file, Fixtures.options()))
                .hasMessageContaining("1 row error, first line 3: TAC 3520990");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM tac_model")).isZero();
    }

    @Test
    void importRegistrations_fullThenSmaller_cancelsTheMissingAndLogsEachImei() {
        importer.importRegistrations(Fixtures.write(dir, "registrations.csv",
                "approved_imei,make,model,status,model_number,brand_name,device_type,radio_interface,device_id",
                "35209900176148,Apple,iPhone 11,whitelist,A2111,Apple,Smartphone,LTE,d1",
                "35209900176149,Apple,iPhone 11,whitelist,A2111,Apple,Smartphone,LTE,d1",
                "35000000000001,Nokia,105,whitelist,,,,,"), Fixtures.options());
        assertThat(Fixtures.count(database, "SELECT count(*) FROM registration WHERE kind = 'IMPORTED' AND status = 'ACTIVE'"))
                .isEqualTo(2);
        assertThat(Fixtures.count(database, "SELECT count(*) FROM change_log WHERE change = 'REGISTERED'")).isEqualTo(3);

        ImportResult smaller = importer.importRegistrations(Fixtures.write(dir, "registrations2.csv",
                "approved_imei,make,model,status",
                "35000000000001,Nokia,105,whitelist"), Fixtures.options());

        assertThat(smaller.outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
        assertThat(Fixtures.rows(database, "SELECT reference, status FROM registration ORDER BY reference"))
                .containsExactly("imported:device:d1|CANCELLED", "imported:imei:35000000000001|ACTIVE");
        assertThat(Fixtures.rows(database, "SELECT imei FROM change_log WHERE change = 'UNREGISTERED' ORDER BY imei"))
                .containsExactly("35209900176148", "35209900176149");
        assertThat(database.transaction(AuditLog::verify).entries()).isEqualTo(2);
    }

    @Test
    void importRegistrations_wrongCheckDigit_isReportedWithTheFix() {
        Path file = Fixtures.write(dir, "registrations.csv", "approved_imei,make,model,status",
                "352099001761482,Apple,iPhone 11,whitelist");
        assertThatThrownBy(() -> importer.importRegistrations(file, Fixtures.options()))
                .hasMessageContaining("line 2: IMEI 352099001761482: check digit should be 1, not 2");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM registration")).isZero();
    }

    @Test
    void importRegistrations_delta_addsRemovesAndRefusesContradictions() {
        importer.importRegistrations(Fixtures.write(dir, "registrations.csv", "approved_imei,make,model,status",
                "35000000000001,Nokia,105,whitelist"), Fixtures.options());
        ImportOptions delta = Fixtures.options().withDelta(true);
        importer.importRegistrations(Fixtures.write(dir, "delta1.csv", "approved_imei,make,model,status,change_type",
                "35000000000002,Nokia,106,whitelist,add",
                "35000000000001,,,,remove"), delta);
        assertThat(Fixtures.rows(database, "SELECT reference, status, model FROM registration ORDER BY reference"))
                .containsExactly("imported:imei:35000000000001|CANCELLED|105", "imported:imei:35000000000002|ACTIVE|106");

        assertThatThrownBy(() -> importer.importRegistrations(Fixtures.write(dir, "delta2.csv",
                "approved_imei,make,model,status,change_type",
                "35000000000003,Nokia,107,whitelist,add",
                "35000000000002,Nokia,106,whitelist,add"), delta))
                .hasMessageContaining("line 3: IMEI 35000000000002 is already on the list");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM registration")).isEqualTo(2);
    }

    @Test
    void importStolen_fullReplacement_setsAndClearsStickyStatuses() {
        importer.importStolen(Fixtures.write(dir, "stolen.csv", "imei,reporting_date,status",
                "35000000000001,20240101,", "35000000000002,20240102,"), Fixtures.options());
        assertThat(Fixtures.rows(database, "SELECT imei, status, sticky, since::date FROM device_status ORDER BY imei"))
                .containsExactly("35000000000001|STOLEN|t|2024-01-01", "35000000000002|STOLEN|t|2024-01-02");

        importer.importStolen(Fixtures.write(dir, "stolen2.csv", "imei,reporting_date,status",
                "35000000000002,20240102,"), Fixtures.options());

        assertThat(Fixtures.rows(database, "SELECT imei FROM device_status")).containsExactly("35000000000002");
        assertThat(Fixtures.rows(database, "SELECT imei, change FROM change_log ORDER BY id")).containsExactly(
                "35000000000001|STATUS_SET", "35000000000002|STATUS_SET", "35000000000001|STATUS_CLEARED");
    }

    @Test
    void importStolen_sameFileAfterAnother_isImportedAgain() {
        Path first = Fixtures.write(dir, "stolen.csv", "imei,reporting_date,status", "35000000000001,20240101,");
        importer.importStolen(first, Fixtures.options());
        importer.importStolen(Fixtures.write(dir, "stolen2.csv", "imei,reporting_date,status", "35000000000002,20240101,"),
                Fixtures.options());
        ImportResult again = importer.importStolen(first, Fixtures.options());
        assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
        assertThat(Fixtures.rows(database, "SELECT imei FROM device_status")).containsExactly("35000000000001");
        assertThat(importer.importStolen(first, Fixtures.options()).summary()).contains("nothing to do");
    }

    @Test
    void importPairings_fullAndDelta_pairAndUnpairWithHistory() {
        importer.importPairings(Fixtures.write(dir, "pairings.csv", "imei,imsi,msisdn",
                "35000000000001,111011234567890,2250000001",
                "35000000000001,111011234567891,"), Fixtures.options());
        assertThat(Fixtures.count(database, "SELECT count(*) FROM pairing WHERE kind = 'IMPORTED' AND removed_at IS NULL"))
                .isEqualTo(2);
        importer.importPairings(Fixtures.write(dir, "delta.csv", "imei,imsi,msisdn,change_type",
                "35000000000001,111011234567891,,remove"), Fixtures.options().withDelta(true));
        assertThat(Fixtures.rows(database, "SELECT imsi, removed_reason IS NOT NULL FROM pairing ORDER BY imsi"))
                .containsExactly("111011234567890|f", "111011234567891|t");
        assertThat(Fixtures.rows(database, "SELECT change FROM change_log ORDER BY id")).containsExactly("PAIRED", "UNPAIRED");
    }

    @Test
    void importPairings_wrongHeader_saysWhatIsExpected() {
        Path file = Fixtures.write(dir, "pairings.csv", "imei,imsi", "35000000000001,111011234567890");
        assertThatThrownBy(() -> importer.importPairings(file, Fixtures.options()))
                .hasMessageContaining("missing msisdn").hasMessageContaining("expected imei,imsi,msisdn");
    }
}
