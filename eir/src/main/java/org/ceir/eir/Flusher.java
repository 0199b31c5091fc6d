package org.ceir.eir;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ceir.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code eir.flush-seconds}, adds the counters to {@code check_counter} and records the
 * waiting first sightings, in one transaction. A failed flush (the database is away) loses
 * nothing: counters are cumulative and sightings are put back, so the next flush writes both.
 */
final class Flusher {
    private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);

    private final Database database;
    private final CheckCounters counters;
    private final FirstSeenRecorder recorder;
    private final ScheduledExecutorService schedule;
    private volatile boolean lastFailed;

    Flusher(Database database, CheckCounters counters, FirstSeenRecorder recorder, int seconds) {
        this.database = database;
        this.counters = counters;
        this.recorder = recorder;
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ceir-eir-flush");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::flushQuietly, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Writes now, on the caller's thread; throws if the database refuses. */
    synchronized void flush() {
        FirstSeenRecorder.Batch sightings = recorder.take();
        try {
            CheckCounters.Pending written = database.transaction(connection -> {
                FirstSeenRecorder.write(connection, sightings);
                return counters.write(connection);
            });
            counters.committed(written);
            if (lastFailed) {
                LOG.info("counters and first sightings are being written again");
            }
            lastFailed = false;
        } catch (RuntimeException e) {
            recorder.restore(sightings);
            throw e;
        }
    }

    /** Whether the last flush failed (the counters then wait in memory). */
    boolean lastFailed() {
        return lastFailed;
    }

    /** Stops the schedule and flushes one last time; returns false if that last flush failed. */
    boolean close() {
        schedule.shutdown();
        try {
            schedule.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("the last counters and {} first sightings could not be written: {}", recorder.waiting(),
                    e.getMessage());
            return false;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            if (!lastFailed) {
                LOG.warn("counters and first sightings wait in memory: {}", e.getMessage());
            }
            lastFailed = true;
        }
    }
}
