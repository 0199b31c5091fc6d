package org.ceir.eir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.ceir.core.country.Country;

/**
 * The check engine's decision for every IMEI of the register, in key order, from one database
 * snapshot: what a network would be told today when it checks each device without an IMSI, and
 * with each SIM paired with it. The lists (issue 9) are made from this walk, so they say what the
 * engine says: the same {@code Policy}, over the same register, read the way {@code RegisterLoader}
 * reads it.
 *
 * <p>The register is read as four sorted streams (first sightings, statuses, active registrations,
 * active pairings) merged by IMEI, a chunk of IMEIs at a time into a small {@code Register} that
 * the policy decides from; memory stays flat whatever the register's size. Run it inside a
 * REPEATABLE READ transaction, so that the four streams (and whatever else the caller reads in the
 * same transaction) see one state.
 */
public final class RegisterWalk {
    private static final int CHUNK = 16_384;
    private static final int FETCH = 20_000;

    /**
     * An active pairing and the verdict a check with its SIM gets.
     *
     * @param imsi   the paired IMSI, or null for a pairing by number only
     * @param msisdn the paired number, or null
     */
    public record Pairing(String imsi, String msisdn, int verdict) {
    }

    /**
     * One IMEI of the register and what the engine decides for it.
     *
     * @param imei         the 14-digit key
     * @param verdict      a check without an IMSI, packed by {@link org.ceir.core.check.Verdict}
     * @param firstSeenDay the day it was first seen (days since 1970-01-01), or -1 if never
     * @param statuses     its {@code device_status} rows: status → since (empty for most IMEIs)
     * @param pairings     its active pairings, by IMSI then number
     */
    public record Device(long imei, int verdict, int firstSeenDay, Map<String, Instant> statuses,
                         List<Pairing> pairings) {
    }

    /** Receives each IMEI, in key order. */
    @FunctionalInterface
    public interface Visitor {
        void visit(Device device) throws Exception;
    }

    private final Policy policy;
    private final RegisterLoader loader;

    public RegisterWalk(EirSettings settings, Country country) {
        this.policy = new Policy(settings, country);
        this.loader = new RegisterLoader(settings);
    }

    /**
     * Decides every IMEI the register knows, as the engine would on {@code today}.
     *
     * @param connection a connection inside a REPEATABLE READ transaction (auto-commit off)
     * @return how many IMEIs were visited
     * @throws Exception what the visitor threw, or the database's error
     */
    public long walk(Connection connection, LocalDate today, Visitor visitor) throws Exception {
        TacCatalogue catalogue = loader.readCatalogue(connection);
        int day = Math.toIntExact(today.toEpochDay());
        try (Stream seen = new Stream(connection, "SELECT imei, first_seen - DATE '1970-01-01' FROM network_imei"
                + " ORDER BY imei");
             Stream statuses = new Stream(connection, "SELECT imei, status, since FROM device_status"
                     + " ORDER BY imei, status");
             Stream registered = new Stream(connection, "SELECT DISTINCT ri.imei FROM registration_imei ri"
                     + " JOIN registration r ON r.id = ri.registration_id WHERE r.status = 'ACTIVE' ORDER BY ri.imei");
             Stream pairings = new Stream(connection, "SELECT imei, imsi, msisdn FROM pairing WHERE removed_at IS NULL"
                     + " ORDER BY imei, imsi COLLATE \"C\", msisdn COLLATE \"C\"")) {
            Chunk chunk = new Chunk();
            long visited = 0;
            while (true) {
                long imei = min(min(seen.imei(), statuses.imei()), min(registered.imei(), pairings.imei()));
                if (imei == Long.MAX_VALUE) {
                    break;
                }
                int firstSeen = -1;
                if (seen.imei() == imei) {
                    firstSeen = seen.rows.getInt(2);
                    seen.next();
                }
                Map<String, Instant> status = Map.of();
                while (statuses.imei() == imei) {
                    if (status.isEmpty()) {
                        status = new LinkedHashMap<>();
                    }
                    status.put(statuses.rows.getString(2), statuses.rows.getObject(3, OffsetDateTime.class).toInstant());
                    statuses.next();
                }
                boolean isRegistered = false;
                while (registered.imei() == imei) {
                    isRegistered = true;
                    registered.next();
                }
                List<String[]> sims = List.of();
                while (pairings.imei() == imei) {
                    if (sims.isEmpty()) {
                        sims = new ArrayList<>(2);
                    }
                    sims.add(new String[] {pairings.rows.getString(2), pairings.rows.getString(3)});
                    pairings.next();
                }
                chunk.add(imei, firstSeen, status, isRegistered, sims);
                if (chunk.size() == CHUNK) {
                    visited += chunk.decide(catalogue, day, visitor);
                }
            }
            visited += chunk.decide(catalogue, day, visitor);
            return visited;
        }
    }

    private static long min(long a, long b) {
        return Math.min(a, b);
    }

    /** IMEIs read but not yet decided, and the small register they are decided from. */
    private final class Chunk {
        private final LongArrayList imeis = new LongArrayList(CHUNK);
        private final List<Object[]> details = new ArrayList<>(CHUNK);
        private final ImeiDigits digits = new ImeiDigits();

        int size() {
            return imeis.size();
        }

        void add(long imei, int firstSeen, Map<String, Instant> statuses, boolean registered, List<String[]> sims) {
            imeis.add(imei);
            details.add(new Object[] {firstSeen, statuses, registered, sims});
        }

        @SuppressWarnings("unchecked")
        long decide(TacCatalogue catalogue, int today, Visitor visitor) throws Exception {
            int n = imeis.size();
            if (n == 0) {
                return 0;
            }
            long pairingCount = 0;
            for (Object[] detail : details) {
                pairingCount += ((List<String[]>) detail[3]).size();
            }
            Register register = new Register(n, pairingCount);
            register.replaceCatalogue(catalogue);
            for (int i = 0; i < n; i++) {
                long imei = imeis.getLong(i);
                Object[] detail = details.get(i);
                int firstSeen = (Integer) detail[0];
                if (firstSeen >= 0) {
                    register.applyFirstSeen(imei, firstSeen);
                }
                long flags = 0;
                for (String status : ((Map<String, Instant>) detail[1]).keySet()) {
                    flags |= RegisterLoader.statusFlag(status);
                }
                if ((Boolean) detail[2]) {
                    flags |= DeviceBits.REGISTERED;
                }
                if (flags != 0) {
                    register.loadFlags(imei, flags);
                }
                List<String[]> sims = (List<String[]>) detail[3];
                if (!sims.isEmpty()) {
                    LongArrayList keys = new LongArrayList(sims.size());
                    for (String[] sim : sims) {
                        long key = RegisterLoader.simKey(imei, sim[0], sim[1]);
                        if (key >= 0) {
                            keys.add(key);
                        }
                    }
                    register.loadPairings(imei, keys.toLongArray());
                }
            }
            for (int i = 0; i < n; i++) {
                long imei = imeis.getLong(i);
                Object[] detail = details.get(i);
                digits.set(imei);
                int verdict = policy.decide(digits, null, null, today, register);
                List<String[]> sims = (List<String[]>) detail[3];
                List<Pairing> pairings = List.of();
                if (!sims.isEmpty()) {
                    pairings = new ArrayList<>(sims.size());
                    for (String[] sim : sims) {
                        pairings.add(new Pairing(sim[0], sim[1], policy.decide(digits, sim[0], sim[1], today, register)));
                    }
                }
                visitor.visit(new Device(imei, verdict, (Integer) detail[0], (Map<String, Instant>) detail[1],
                        pairings));
            }
            imeis.clear();
            details.clear();
            return n;
        }
    }

    /** One sorted query, read a row ahead; {@link #imei()} is {@code Long.MAX_VALUE} once it has ended. */
    private static final class Stream implements AutoCloseable {
        private final PreparedStatement statement;
        final ResultSet rows;
        private long imei;

        Stream(Connection connection, String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH);
            rows = statement.executeQuery();
            next();
        }

        long imei() {
            return imei;
        }

        void next() throws SQLException {
            imei = rows.next() ? rows.getLong(1) : Long.MAX_VALUE;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /** An IMEI key as the 14 digits the policy reads, without allocating per IMEI. */
    private static final class ImeiDigits implements CharSequence {
        private final char[] chars = new char[14];

        void set(long key) {
            long value = key;
            for (int i = 13; i >= 0; i--) {
                chars[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }

        @Override
        public int length() {
            return 14;
        }

        @Override
        public char charAt(int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars);
        }
    }
}
