package org.ceir.bench.eir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.store.Database;
import org.ceir.store.DatabaseSettings;
import org.ceir.store.Operators;

/**
 * A register of N network IMEIs in an embedded PostgreSQL under a directory, made once and reused
 * by later runs: device g (0 ≤ g < N) has IMEI {@code 35000000000000 + g × 7777777777 mod 10^13}
 * (spread over many TACs, as real IMEIs are), was first seen {@code g mod 90} days ago; every
 * 100th is stolen, every 200th (from 7) a clone with three paired SIMs, every 500th (from 3)
 * exempt, and 30 % are registered.
 */
final class SyntheticRegister {
    static final String OPERATOR = "azercell";

    private SyntheticRegister() {
    }

    static long imei(long g) {
        return 35_000_000_000_000L + g * 7_777_777_777L % 10_000_000_000_000L;
    }

    static boolean stolen(long g) {
        return g % 100 == 0;
    }

    static boolean clone(long g) {
        return g % 200 == 7;
    }

    /** The k-th (0–2) IMSI paired with clone g. */
    static String pairedImsi(long g, int k) {
        return "40001" + String.format("%010d", g * 3 + k);
    }

    /** The embedded database under {@code dir}, holding the register of {@code imeis} devices (made if missing). */
    static Database open(Path dir, long imeis, Consumer<String> progress) throws Exception {
        Files.createDirectories(dir);
        dir.toFile().setExecutable(true, false); // under root the embedded PostgreSQL runs as nobody
        Database database = Database.open(new DatabaseSettings("", "", "", 4, 0, dir), progress);
        try {
            fill(database, dir, imeis, progress);
            return database;
        } catch (RuntimeException e) {
            database.close(); // stops the embedded server this process started
            throw e;
        }
    }

    private static void fill(Database database, Path dir, long imeis, Consumer<String> progress) {
        database.migrate();
        database.transaction(connection -> Operators.sync(connection, Country.azerbaijan()));
        long held = database.transaction(connection -> {
            try (Statement query = connection.createStatement();
                 ResultSet row = query.executeQuery("SELECT count(*) FROM network_imei")) {
                row.next();
                return row.getLong(1);
            }
        });
        if (held == imeis) {
            return;
        }
        if (held != 0) {
            throw new IllegalStateException(dir + " holds a register of " + held + " IMEIs, not " + imeis
                    + "; give another directory");
        }
        long started = System.nanoTime();
        progress.accept(String.format("making a register of %,d IMEIs in %s (once)", imeis, dir));
        String imei = "35000000000000 + g * 7777777777 % 10000000000000";
        database.transaction(connection -> {
            try (Statement make = connection.createStatement()) {
                make.execute("INSERT INTO network_imei (imei, first_seen) SELECT " + imei
                        + ", current_date - (g % 90)::int FROM generate_series(0, " + (imeis - 1) + ") g");
                make.execute("INSERT INTO device_status (imei, status, reason, set_by) SELECT " + imei
                        + ", 'STOLEN', 'bench', 'bench' FROM generate_series(0, " + (imeis - 1) + ", 100) g");
                make.execute("INSERT INTO device_status (imei, status, reason, set_by) SELECT " + imei
                        + ", 'CLONE', 'bench', 'bench' FROM generate_series(7, " + (imeis - 1) + ", 200) g");
                make.execute("INSERT INTO device_status (imei, status, reason, set_by) SELECT " + imei
                        + ", 'EXEMPT', 'bench', 'bench' FROM generate_series(3, " + (imeis - 1) + ", 500) g");
                make.execute("INSERT INTO pairing (imei, imsi, kind, created_by) SELECT " + imei
                        + ", '40001' || lpad((g * 3 + k)::text, 10, '0'), 'GRANDFATHERED', 'bench'"
                        + " FROM generate_series(7, " + (imeis - 1) + ", 200) g, generate_series(0, 2) k");
                make.execute("INSERT INTO registration (reference, kind, status, created_by)"
                        + " VALUES ('BENCH', 'IMPORTED', 'ACTIVE', 'bench')");
                make.execute("INSERT INTO registration_imei (registration_id, imei) SELECT"
                        + " (SELECT id FROM registration WHERE reference = 'BENCH'), " + imei
                        + " FROM generate_series(0, " + (imeis - 1) + ") g WHERE g % 10 < 3");
                make.execute("ANALYZE");
            }
            return null;
        });
        progress.accept(String.format("register made in %.0f s", (System.nanoTime() - started) / 1e9));
    }

    /** Checks as networks send them: 15 digits with a spare 0, and an IMSI (paired or not for clones, 1 % roamers). */
    static Requests requests(long imeis, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] imeiValues = new String[count];
        String[] imsiValues = new String[count];
        for (int i = 0; i < count; i++) {
            long g = random.nextLong(imeis);
            imeiValues[i] = Imei.formatKey(imei(g)) + "0";
            if (clone(g) && random.nextBoolean()) {
                imsiValues[i] = pairedImsi(g, random.nextInt(3));
            } else if (random.nextInt(100) == 0) {
                imsiValues[i] = "25001" + String.format("%010d", random.nextLong(10_000_000_000L));
            } else {
                imsiValues[i] = "40002" + String.format("%010d", random.nextLong(10_000_000_000L));
            }
        }
        return new Requests(imeiValues, imsiValues);
    }

    /** A batch of checks to replay. */
    record Requests(String[] imeis, String[] imsis) {
    }
}
