package org.ceir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void migrate_isIdempotent() {
        assertThat(database.migrate()).isEmpty();
        assertThat(database.transaction(StoreStatus::schemaVersion)).startsWith("4 ");
    }

    @Test
    void triplets_oneRowPerKeyEvenWhenIdentitiesAreMissing() {
        database.transaction(c -> {
            Map<String, Short> ids = Operators.sync(c, Country.azerbaijan());
            try (Statement s = c.createStatement()) {
                s.execute("SELECT ensure_triplet_partition('2026-11-15')");
                s.execute("SELECT ensure_triplet_partition('2026-11-01')"); // twice is fine
            }
            String sql = "INSERT INTO network_triplet (triplet_month, operator_id, imei, imei_raw, imsi, msisdn,"
                    + " first_seen, last_seen, date_bitmask) VALUES ('2026-11-01', ?, ?, ?, ?, NULL, '2026-11-03',"
                    + " '2026-11-03', 4) ON CONFLICT (triplet_month, operator_id, imei, imei_raw, imsi, msisdn)"
                    + " DO UPDATE SET date_bitmask = network_triplet.date_bitmask | excluded.date_bitmask";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int i = 0; i < 2; i++) {
                    insert.setShort(1, ids.get("azercell"));
                    insert.setLong(2, -1);
                    insert.setString(3, "ABCDEF");
                    insert.setString(4, null);
                    insert.executeUpdate();
                }
            }
            try (Statement s = c.createStatement(); var rows = s.executeQuery(
                    "SELECT count(*) FROM network_triplet_202611")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            return null;
        });
    }

    @Test
    void triplets_usableImeiMustNotCarryRawValue() {
        assertThatThrownBy(() -> database.transaction(c -> {
            Operators.sync(c, Country.azerbaijan());
            try (Statement s = c.createStatement()) {
                s.execute("SELECT ensure_triplet_partition('2026-10-01')");
                s.execute("INSERT INTO network_triplet (triplet_month, operator_id, imei, imei_raw, first_seen,"
                        + " last_seen, date_bitmask) VALUES ('2026-10-01', 1, 35209900176148, 'x', '2026-10-01',"
                        + " '2026-10-01', 1)");
            }
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("violates check constraint");
    }

    @Test
    void importJob_aQueuedUploadNeedsItsFileAndAKnownStatus() {
        String insert = "INSERT INTO import_job (kind, file_name, file_sha256, status, started_by, queued_at, upload_path)"
                + " VALUES ('TAC', 'tac.csv', '', ?, 'test', now(), ?)";
        database.transaction(c -> {
            try (PreparedStatement queued = c.prepareStatement(insert)) {
                queued.setString(1, "QUEUED");
                queued.setString(2, "0a1b/tac.csv");
                return queued.executeUpdate();
            }
        });
        for (String[] refused : List.of(new String[] {"QUEUED", null}, new String[] {"WAITING", "0a1b/tac.csv"})) {
            assertThatThrownBy(() -> database.transaction(c -> {
                try (PreparedStatement queued = c.prepareStatement(insert)) {
                    queued.setString(1, refused[0]);
                    queued.setString(2, refused[1]);
                    return queued.executeUpdate();
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("violates check constraint");
        }
    }

    @Test
    void operators_syncFollowsTheConfiguration() {
        Map<String, Short> first = database.transaction(c -> Operators.sync(c, Country.azerbaijan()));
        Country renamed = new Country("Azerbaijan", "400", "994", "0", 9, List.of(
                new Operator("azercell", "Azercell Telecom", "400", "01"),
                new Operator("bakcell", "Bakcell", "400", "02")), Map.of());
        Map<String, Short> second = database.transaction(c -> Operators.sync(c, renamed));
        assertThat(second).containsOnlyKeys("azercell", "bakcell");
        assertThat(second.get("azercell")).isEqualTo(first.get("azercell"));
        Map<String, Short> third = database.transaction(c -> Operators.sync(c, Country.azerbaijan()));
        assertThat(third).isEqualTo(first);
    }
}
