package org.ceir.eir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the first sightings that checks made to {@code network_imei} (source CHECK) in batches,
 * each with a FIRST_SEEN change so that other engines and the delta lists learn of it. A sighting
 * the database already has (an operator's file got there first) is left as the database has it.
 *
 * <p>While the database is away sightings wait in memory, up to {@link #MAX_WAITING}; beyond that
 * the oldest are kept and the rest dropped with a warning (the device is then recorded at a later
 * check, after a restart at the latest).
 */
final class FirstSeenRecorder {
    static final int MAX_WAITING = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(FirstSeenRecorder.class);

    private final LongArrayList imeis = new LongArrayList();
    private final IntArrayList days = new IntArrayList();
    private long dropped;

    /** Queues one sighting; the writer thread calls this. */
    synchronized void add(long imei, int epochDay) {
        if (imeis.size() >= MAX_WAITING) {
            if (dropped++ == 0) {
                LOG.warn("{} first sightings are waiting for the database; further ones are not recorded"
                        + " until it is back", MAX_WAITING);
            }
            return;
        }
        imeis.add(imei);
        days.add(epochDay);
    }

    synchronized int waiting() {
        return imeis.size();
    }

    /** Takes the waiting sightings for {@link #write}; {@link #restore} them if the write does not commit. */
    synchronized Batch take() {
        if (imeis.isEmpty()) {
            return Batch.EMPTY;
        }
        Batch batch = new Batch(imeis.toLongArray(), days.toIntArray());
        imeis.clear();
        days.clear();
        return batch;
    }

    /** Writes a batch in the caller's transaction; returns how many sightings were new to the database. */
    static int write(Connection connection, Batch batch) throws SQLException {
        if (batch.imeis().length == 0) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "WITH seen AS (SELECT * FROM unnest(?::bigint[], ?::int[]) AS s (imei, day)),"
                        + " added AS (INSERT INTO network_imei (imei, first_seen, first_seen_source)"
                        + "   SELECT imei, DATE '1970-01-01' + day, 'CHECK' FROM seen"
                        + "   ON CONFLICT (imei) DO NOTHING RETURNING imei, first_seen),"
                        + " logged AS (INSERT INTO change_log (imei, change, detail)"
                        + "   SELECT imei, 'FIRST_SEEN', json_build_object('source', 'CHECK', 'first_seen', first_seen)::text"
                        + "   FROM added RETURNING 1)"
                        + " SELECT count(*) FROM logged")) {
            insert.setArray(1, connection.createArrayOf("bigint", Arrays.stream(batch.imeis()).boxed().toArray()));
            insert.setArray(2, connection.createArrayOf("integer", Arrays.stream(batch.days()).boxed().toArray()));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Puts back a batch whose transaction did not commit. */
    synchronized void restore(Batch batch) {
        for (int i = 0; i < batch.imeis().length && imeis.size() < MAX_WAITING; i++) {
            imeis.add(batch.imeis()[i]);
            days.add(batch.days()[i]);
        }
    }

    /** Sightings taken for one {@link #write}. */
    record Batch(long[] imeis, int[] days) {
        static final Batch EMPTY = new Batch(new long[0], new int[0]);

        int size() {
            return imeis.length;
        }
    }
}
