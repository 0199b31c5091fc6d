package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store made before V11 (one table of triplets per month) migrates, and imports go on from it. */
class TripletMigrationTest {
    @TempDir
    Path dir;

    @Test
    void migrate_v10StoreWithTriplets_keepsThemInPerOperatorTablesAndMergesTheNextDay() throws Exception {
        String url;
        try (Database scratch = TestDatabase.create()) {
            url = ((HikariDataSource) scratch.dataSource()).getJdbcUrl();
        }
        String name = "v10_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection admin = DriverManager.getConnection(url.replaceFirst("/test_\\d+_\\d+", "/postgres"));
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String v10Url = url.replaceFirst("/test_\\d+_\\d+", "/" + name);
        Flyway.configure().dataSource(v10Url, null, null).locations("classpath:db/migration").target("10").load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(v10Url);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO operator (id, code, name, mcc, mnc) VALUES (1, 'operator1', 'One', '111', '01'),"
                    + " (2, 'operator2', 'Two', '111', '02'), (3, 'operator4', 'Four', '111', '04')");
            statement.execute("SELECT ensure_triplet_partition('2024-05-01')");
            statement.execute("INSERT INTO network_triplet (triplet_month, operator_id, imei, imei_raw, imsi, msisdn,"
                    + " first_seen, last_seen, date_bitmask, rat_bitmask) VALUES"
                    + " ('2024-05-01', 1, 35209900176148, NULL, '111011234567890', '2250000001', '2024-05-01', '2024-05-01', 1, 64),"
                    + " ('2024-05-01', 1, -1, 'ABC', NULL, '2250000002', '2024-05-01', '2024-05-01', 1, 64),"
                    + " ('2024-05-01', 2, 35209900176148, NULL, '111021234567890', NULL, '2024-05-01', '2024-05-01', 1, 64)");
            statement.execute("INSERT INTO network_imei (imei, first_seen, rat_bitmask)"
                    + " VALUES (35209900176148, '2024-05-01', 64)");
        }

        try (Database database = Database.connect(v10Url, null, null, 2)) {
            assertThat(database.migrate()).contains("11 triplets per operator");
            assertThat(Fixtures.rows(database, "SELECT tableoid::regclass, imei, imei_raw, imsi, msisdn, date_bitmask"
                    + " FROM network_triplet ORDER BY operator_id, imei")).containsExactly(
                    "network_triplet_202405_1|-1|ABC|null|2250000002|1",
                    "network_triplet_202405_1|35209900176148|null|111011234567890|2250000001|1",
                    "network_triplet_202405_2|35209900176148|null|111021234567890|null|1");
            assertThat(Fixtures.count(database, "SELECT count(*) FROM pg_class WHERE relname LIKE '%_v10'")).isZero();

            ImportResult next = Fixtures.importer(database, dir).importOperator(Fixtures.write(dir,
                    "operator1_20240502_20240502.csv", "date,imei,imsi,msisdn,rat",
                    "20240502,352099001761481,111011234567890,2250000001,006"), Fixtures.options().withChecks(false));

            assertThat(next.summary()).contains("0 new and 1 updated triplets");
            assertThat(Fixtures.rows(database, "SELECT date_bitmask, last_seen FROM network_triplet"
                    + " WHERE operator_id = 1 AND imei >= 0")).isEqualTo(List.of("3|2024-05-02"));
        }
    }
}
