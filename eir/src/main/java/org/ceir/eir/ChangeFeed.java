package org.ceir.eir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the register current from {@code change_log}: LISTENs for the notification each commit
 * sends and polls every {@code eir.poll-millis} in case one is missed, re-reads the state of every
 * IMEI a change names, and hands it to the writer thread.
 *
 * <h2>Reading by transaction, not by id</h2>
 * Identity ids are taken before commit, so a lower id can commit after a higher one, and a feed
 * that remembers "the last id I saw" skips it. The feed remembers a database snapshot instead
 * ({@code pg_current_snapshot()}, the set of transactions whose work is visible) and each poll asks
 * for the rows of the transactions visible now that were not visible then:
 * {@code tx >= xmin(previous) AND NOT pg_visible_in_snapshot(tx, previous)}, read in a REPEATABLE
 * READ transaction whose own snapshot becomes the next "previous". A late commit is therefore
 * picked up whatever its id, with no gap list to keep and no timeout after which a gap is given
 * up; {@code change_log_tx} (V30) finds the rows.
 *
 * <h2>When the database is away</h2>
 * The checks go on answering from the register as it is; {@link #connected()} turns false and the
 * feed retries with exponential backoff (¼ s doubling to 30 s, with jitter, so that many engines
 * do not knock at once). Back, it goes on from the last snapshot it completed, so every change
 * committed meanwhile is applied, in one catch-up poll.
 */
final class ChangeFeed implements Runnable {
    static final String CHANNEL = "ceir_change";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int CHUNK = 5_000;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final Pattern IMPORT_JOB = Pattern.compile("\"import_job\"\\s*:\\s*(\\d+)");

    private final DataSource dataSource;
    private final RegisterLoader loader;
    private final RegisterWriter writer;
    private final EirSettings settings;
    private final Clock clock;
    private final Thread thread;
    private final AtomicLong changesRead = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean connected = true;
    private volatile Instant downSince;
    private volatile String lastError = "";
    private volatile int attempts;
    private volatile Instant currentAsOf;
    private String snapshot;

    /**
     * @param snapshot    the database snapshot the register was loaded at: the feed goes on from there
     * @param currentAsOf when that snapshot was taken
     */
    ChangeFeed(DataSource dataSource, RegisterLoader loader, RegisterWriter writer, EirSettings settings, Clock clock,
               String snapshot, Instant currentAsOf) {
        this.dataSource = dataSource;
        this.loader = loader;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.snapshot = snapshot;
        this.currentAsOf = currentAsOf;
        thread = new Thread(this, "ceir-eir-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                if (settings.listen()) {
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN " + CHANNEL);
                    }
                    connection.commit();
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                boolean first = true;
                while (running) {
                    poll(connection);
                    if (first) {
                        backUp();
                        backoff = FIRST_BACKOFF_MILLIS;
                        first = false;
                    }
                    if (settings.listen()) {
                        notifications.getNotifications(settings.pollMillis());
                    } else {
                        Thread.sleep(settings.pollMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                down(e);
                try {
                    Thread.sleep(jittered(backoff));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /** Reads and hands over everything committed since the last snapshot. */
    private void poll(Connection connection) throws SQLException, InterruptedException {
        Instant started = clock.instant();
        String next = RegisterLoader.beginSnapshot(connection);
        LongOpenHashSet changed = new LongOpenHashSet();
        LongArrayList imports = new LongArrayList();
        boolean catalogue = false;
        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imei, change, CASE WHEN imei = -1 THEN detail END FROM change_log"
                        + " WHERE tx >= pg_snapshot_xmin(?::pg_snapshot) AND NOT pg_visible_in_snapshot(tx, ?::pg_snapshot)"
                        + " ORDER BY id")) {
            query.setString(1, snapshot);
            query.setString(2, snapshot);
            query.setFetchSize(CHUNK);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                    long imei = result.getLong(1);
                    if (imei >= 0) {
                        changed.add(imei);
                        continue;
                    }
                    String change = result.getString(2);
                    if ("NETWORK_IMPORT".equals(change)) {
                        Matcher job = IMPORT_JOB.matcher(String.valueOf(result.getString(3)));
                        if (job.find()) {
                            imports.add(Long.parseLong(job.group(1)));
                        } else {
                            LOG.warn("a NETWORK_IMPORT change without an import_job in its detail ({}) is ignored",
                                    result.getString(3));
                        }
                    } else if ("TAC_IMPORT".equals(change)) {
                        catalogue = true;
                    } else {
                        LOG.debug("change {} for no IMEI is not one the check engine acts on", change);
                    }
                }
            }
        }
        long[] imeis = changed.toLongArray();
        Arrays.sort(imeis);
        for (int from = 0; from < imeis.length; from += CHUNK) {
            writer.post(loader.readDevices(connection, Arrays.copyOfRange(imeis, from,
                    Math.min(imeis.length, from + CHUNK))));
        }
        for (long job : imports) {
            writer.post(loader.readImport(connection, job));
        }
        if (catalogue) {
            TacCatalogue replacement = loader.readCatalogue(connection);
            writer.post(register -> register.replaceCatalogue(replacement));
        }
        connection.commit();
        snapshot = next;
        changesRead.addAndGet(rows);
        writer.post(register -> currentAsOf = started);
    }

    /** Stops polling; returns once the feed thread has ended. */
    void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    boolean connected() {
        return connected;
    }

    /** When the database went away, while it is away. */
    Instant downSince() {
        return downSince;
    }

    String lastError() {
        return lastError;
    }

    int attempts() {
        return attempts;
    }

    /** The start of the last poll whose changes are all applied: the register holds every change committed before it. */
    Instant currentAsOf() {
        return currentAsOf;
    }

    long changesRead() {
        return changesRead.get();
    }

    private void down(Exception e) {
        attempts++;
        lastError = rootMessage(e);
        if (connected) {
            connected = false;
            downSince = clock.instant();
            LOG.warn("the check engine lost the database ({}); checks go on from the snapshot, retrying", lastError);
        } else {
            LOG.debug("the database is still away after {} attempts: {}", attempts, lastError);
        }
    }

    private void backUp() {
        if (!connected) {
            LOG.info("the check engine has the database again after {} attempts; caught up", attempts);
        }
        connected = true;
        downSince = null;
        attempts = 0;
    }

    private static long jittered(long millis) {
        return millis * 4 / 5 + ThreadLocalRandom.current().nextLong(millis * 2 / 5 + 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
