package org.ceir.eir;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Consumer;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the register from PostgreSQL: all of it at start, or the state of a few IMEIs when the
 * change log says they changed. Every read runs in a REPEATABLE READ transaction so that what it
 * reads and the snapshot it reports ({@code pg_current_snapshot()}) agree: the change feed goes on
 * from exactly that snapshot.
 */
final class RegisterLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterLoader.class);
    private static final int FETCH = 50_000;
    private static final long PROGRESS_EVERY = 1_000_000;
    private static final String REGISTERED_ALL = "SELECT DISTINCT ri.imei FROM registration_imei ri"
            + " JOIN registration r ON r.id = ri.registration_id WHERE r.status = 'ACTIVE'";
    private static final String REGISTERED_SOME = "SELECT DISTINCT ri.imei FROM registration_imei ri"
            + " JOIN registration r ON r.id = ri.registration_id WHERE r.status = 'ACTIVE' AND ri.imei = ANY (?)";

    private final EirSettings settings;

    RegisterLoader(EirSettings settings) {
        this.settings = settings;
    }

    /** A whole register and the database snapshot it was read at. */
    record Loaded(Register register, String snapshot) {
    }

    /** Starts the REPEATABLE READ, READ ONLY transaction every read needs; auto-commit must be off. */
    static String beginSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            try (ResultSet row = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Reads everything, reporting progress; the caller's transaction must be fresh (auto-commit off). */
    Loaded loadAll(Connection connection, Consumer<String> progress) throws SQLException {
        String snapshot = beginSnapshot(connection);
        long seen;
        long otherwise;
        long pairings;
        // Exact enough to size the table once: the lists overlap (most listed IMEIs are also seen on
        // a network), and a table sized for their sum would cost a third more memory for good.
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM network_imei),"
                     + " (SELECT count(*) FROM (SELECT imei FROM device_status UNION SELECT imei FROM registration_imei) l"
                     + "   WHERE NOT EXISTS (SELECT 1 FROM network_imei n WHERE n.imei = l.imei)),"
                     + " (SELECT count(*) FROM pairing WHERE removed_at IS NULL)")) {
            row.next();
            seen = row.getLong(1);
            otherwise = row.getLong(2);
            pairings = row.getLong(3);
        }
        progress.accept(String.format("loading the register: %,d IMEIs seen on networks, %,d more only listed,"
                + " %,d pairings", seen, otherwise, pairings));
        Register register = new Register(seen + otherwise, pairings);

        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, first_seen - DATE '1970-01-01' FROM network_imei")) {
            query.setFetchSize(FETCH);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    register.applyFirstSeen(result.getLong(1), result.getInt(2));
                    if (++rows % PROGRESS_EVERY == 0) {
                        progress.accept(String.format("  network IMEIs %,d of %,d (%d%%)", rows, seen,
                                seen == 0 ? 100 : rows * 100 / seen));
                    }
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT imei, status FROM device_status")) {
            query.setFetchSize(FETCH);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    register.loadFlags(result.getLong(1), statusFlag(result.getString(2)));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(REGISTERED_ALL)) {
            query.setFetchSize(FETCH);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    register.loadFlags(result.getLong(1), DeviceBits.REGISTERED);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, imsi, msisdn FROM pairing WHERE removed_at IS NULL ORDER BY imei")) {
            query.setFetchSize(FETCH);
            try (ResultSet result = query.executeQuery()) {
                LongArrayList sims = new LongArrayList();
                long current = -1;
                while (result.next()) {
                    long imei = result.getLong(1);
                    if (imei != current && current >= 0) {
                        register.loadPairings(current, sims.toLongArray());
                        sims.clear();
                    }
                    current = imei;
                    long sim = simKey(imei, result.getString(2), result.getString(3));
                    if (sim >= 0) {
                        sims.add(sim);
                    }
                }
                if (current >= 0) {
                    register.loadPairings(current, sims.toLongArray());
                }
            }
        }
        register.replaceCatalogue(readCatalogue(connection));
        return new Loaded(register, snapshot);
    }

    /** The state of some IMEIs as the database has it now, to replace what the register holds. */
    DeviceStates readDevices(Connection connection, long[] imeis) throws SQLException {
        Long2LongOpenHashMap bits = new Long2LongOpenHashMap(imeis.length);
        Long2ObjectOpenHashMap<LongArrayList> sims = new Long2ObjectOpenHashMap<>();
        Array keys = connection.createArrayOf("bigint", boxed(imeis));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, first_seen - DATE '1970-01-01' FROM network_imei WHERE imei = ANY (?)")) {
            query.setArray(1, keys);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long imei = result.getLong(1);
                    bits.put(imei, DeviceBits.withFirstSeen(bits.get(imei), result.getInt(2)));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, status FROM device_status WHERE imei = ANY (?)")) {
            query.setArray(1, keys);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long imei = result.getLong(1);
                    bits.put(imei, bits.get(imei) | statusFlag(result.getString(2)));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(REGISTERED_SOME)) {
            query.setArray(1, keys);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long imei = result.getLong(1);
                    bits.put(imei, bits.get(imei) | DeviceBits.REGISTERED);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, imsi, msisdn FROM pairing WHERE removed_at IS NULL AND imei = ANY (?)")) {
            query.setArray(1, keys);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long imei = result.getLong(1);
                    long sim = simKey(imei, result.getString(2), result.getString(3));
                    if (sim >= 0) {
                        sims.computeIfAbsent(imei, k -> new LongArrayList()).add(sim);
                    }
                }
            }
        }
        keys.free();
        long[] fresh = new long[imeis.length];
        long[][] active = new long[imeis.length][];
        for (int i = 0; i < imeis.length; i++) {
            fresh[i] = bits.get(imeis[i]);
            LongArrayList list = sims.get(imeis[i]);
            active[i] = list == null ? new long[0] : list.toLongArray();
        }
        return new DeviceStates(imeis.clone(), fresh, active);
    }

    /** The first sightings an operator import inserted or moved (rows marked with its job). */
    FirstSeenDays readImport(Connection connection, long importJob) throws SQLException {
        LongArrayList imeis = new LongArrayList();
        IntArrayList days = new IntArrayList();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, first_seen - DATE '1970-01-01' FROM network_imei WHERE last_import_job = ?")) {
            query.setLong(1, importJob);
            query.setFetchSize(FETCH);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    imeis.add(result.getLong(1));
                    days.add(result.getInt(2));
                }
            }
        }
        return new FirstSeenDays(imeis.toLongArray(), days.toIntArray());
    }

    /** The TAC catalogue, with the exempt device types marked. */
    TacCatalogue readCatalogue(Connection connection) throws SQLException {
        TacCatalogue.Builder catalogue = new TacCatalogue.Builder();
        try (PreparedStatement query = connection.prepareStatement("SELECT tac, device_type FROM tac_model")) {
            query.setFetchSize(FETCH);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    catalogue.add(result.getInt(1), settings.isExemptDeviceType(result.getString(2)));
                }
            }
        }
        return catalogue.build();
    }

    static long statusFlag(String status) {
        switch (status) {
            case "STOLEN":
                return DeviceBits.STOLEN;
            case "CLONE":
                return DeviceBits.CLONE;
            case "SUSPECTED_CLONE":
                return DeviceBits.SUSPECTED_CLONE;
            case "EXEMPT":
                return DeviceBits.EXEMPT;
            default:
                LOG.warn("device_status '{}' is unknown to the check engine and ignored", status);
                return 0;
        }
    }

    /** The SIM key of a pairing: its IMSI if it has one, else its MSISDN; negative when neither is usable. */
    static long simKey(long imei, String imsi, String msisdn) {
        long key = imsi != null ? Policy.imsiKey(imsi) : Policy.msisdnKey(msisdn);
        if (key < 0) {
            LOG.warn("pairing of IMEI {} has no usable IMSI or MSISDN (imsi {}, msisdn {}); it pairs nothing",
                    imei, imsi, msisdn);
        }
        return key;
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        Arrays.setAll(boxed, i -> values[i]);
        return boxed;
    }

    /** The fresh state of some IMEIs, applied by the writer thread. */
    record DeviceStates(long[] imeis, long[] bits, long[][] sims) implements RegisterUpdate {
        @Override
        public void applyTo(Register register) {
            for (int i = 0; i < imeis.length; i++) {
                register.applyDevice(imeis[i], bits[i], sims[i]);
            }
        }
    }

    /** First sightings from an operator import, applied by the writer thread. */
    record FirstSeenDays(long[] imeis, int[] days) implements RegisterUpdate {
        @Override
        public void applyTo(Register register) {
            for (int i = 0; i < imeis.length; i++) {
                register.applyFirstSeen(imeis[i], days[i]);
            }
        }
    }
}
