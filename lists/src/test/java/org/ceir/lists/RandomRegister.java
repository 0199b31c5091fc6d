package org.ceir.lists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ceir.core.country.Country;
import org.ceir.store.Database;
import org.ceir.store.Operators;

/**
 * A register of a few thousand IMEIs with every kind of state the policy knows, drawn at random
 * from a seed: seen or only listed, first seen inside or before the grace period, registered
 * (active, pending, cancelled), stolen, clone with pairings by IMSI (home and foreign) or by number
 * only, exempt, suspected clones, TACs in and out of the catalogue, and network triplets.
 */
final class RandomRegister {
    static final int CATALOGUE_TACS = 40;
    private final Random random;
    private final LocalDate today;
    final List<Long> imeis = new ArrayList<>();

    RandomRegister(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    RandomRegister fill(Database database, int count) {
        database.transaction(connection -> {
            Operators.sync(connection, Country.azerbaijan());
            try (PreparedStatement tac = connection.prepareStatement(
                    "INSERT INTO tac_model (tac, manufacturer, model_name) VALUES (?, 'Make', 'Model') ON CONFLICT DO NOTHING")) {
                for (int i = 0; i < CATALOGUE_TACS; i++) {
                    tac.setInt(1, 35_000_000 + i);
                    tac.addBatch();
                }
                tac.executeBatch();
            }
            for (int i = 0; i < count; i++) {
                // A few TACs outside the catalogue, so the policy's unallocated-TAC step is walked too.
                int tac = 35_000_000 + random.nextInt(CATALOGUE_TACS + 2);
                long imei = tac * 1_000_000L + random.nextInt(1_000_000);
                if (imeis.contains(imei)) {
                    continue;
                }
                imeis.add(imei);
                device(connection, imei, i);
            }
            return null;
        });
        return this;
    }

    private void device(Connection connection, long imei, int n) throws SQLException {
        boolean seen = random.nextInt(10) < 9;
        if (seen) {
            LocalDate firstSeen = today.minusDays(random.nextInt(70));
            execute(connection, "INSERT INTO network_imei (imei, first_seen) VALUES (?, ?)", imei, firstSeen);
            int sims = random.nextInt(4);
            for (int s = 0; s < sims; s++) {
                LocalDate day = firstSeen.plusDays(random.nextInt(Math.max(1, (int) (today.toEpochDay() - firstSeen.toEpochDay()))));
                LocalDate month = day.withDayOfMonth(1);
                execute(connection, "SELECT ensure_triplet_partition(?)", month);
                String imsi = random.nextInt(8) == 0 ? null : imsi();
                String msisdn = random.nextInt(6) == 0 ? null : msisdn();
                execute(connection, "INSERT INTO network_triplet (triplet_month, operator_id, imei, imsi, msisdn,"
                        + " first_seen, last_seen, date_bitmask) VALUES (?, 1, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING",
                        month, imei, imsi, msisdn, day, day);
            }
        }
        int registration = random.nextInt(10);
        if (registration < 4) {
            String status = registration < 3 ? "ACTIVE" : random.nextBoolean() ? "PENDING_PAYMENT" : "CANCELLED";
            long id = insertReturning(connection, "INSERT INTO registration (reference, kind, status, created_by)"
                    + " VALUES (?, 'IMPORTED', ?, 'test') RETURNING id", "R-" + imei, status);
            execute(connection, "INSERT INTO registration_imei (registration_id, imei) VALUES (?, ?)", id, imei);
        }
        int status = random.nextInt(20);
        if (status < 2) {
            status(connection, imei, "STOLEN");
        } else if (status < 6) {
            status(connection, imei, "CLONE");
        } else if (status == 6) {
            status(connection, imei, "EXEMPT");
        } else if (status == 7) {
            status(connection, imei, "SUSPECTED_CLONE");
        }
        if (status < 7 || random.nextInt(15) == 0) {
            int pairings = random.nextInt(4);
            for (int p = 0; p < pairings; p++) {
                int kind = random.nextInt(6);
                String imsi = kind == 0 ? null : kind == 1 ? "286" + digits(12) : imsi();
                String msisdn = kind == 0 || random.nextBoolean() ? msisdn() : null;
                boolean removed = random.nextInt(5) == 0;
                execute(connection, "INSERT INTO pairing (imei, imsi, msisdn, kind, created_by, removed_by, removed_at)"
                        + " VALUES (?, ?, ?, 'GRANDFATHERED', 'test', ?, ?) ON CONFLICT DO NOTHING", imei, imsi, msisdn,
                        removed ? "test" : null, removed ? OffsetDateTime.now(ZoneOffset.UTC) : null);
            }
        }
    }

    private void status(Connection connection, long imei, String status) throws SQLException {
        execute(connection, "INSERT INTO device_status (imei, status, reason, set_by, since) VALUES (?, ?, 'test', 'test', ?)",
                imei, status, OffsetDateTime.of(today.minusDays(random.nextInt(200)).atTime(12, 0), ZoneOffset.UTC));
    }

    String imsi() {
        String[] plmns = {"40001", "40002", "40004"};
        return plmns[random.nextInt(plmns.length)] + digits(10);
    }

    String msisdn() {
        return "99450" + digits(7);
    }

    private String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    private static long insertReturning(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
