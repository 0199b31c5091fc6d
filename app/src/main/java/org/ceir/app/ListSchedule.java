package org.ceir.app;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.ceir.lists.ListExporter;
import org.ceir.lists.ListRun;
import org.ceir.lists.ListRuns;
import org.ceir.lists.ListsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the lists every {@code lists.every-minutes} inside {@code ceir serve}, into
 * {@code lists.directory/run-<id>}, keeping the newest {@code lists.keep-runs}. The first export
 * waits for what is left of the period since the last successful run, so a restart does not
 * export again at once. A run that fails is logged and tried at the next period; one that finds
 * another export running (a {@code ceir lists export} beside the server) is skipped.
 */
public final class ListSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListSchedule.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ceir-list-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private final ListExporter exporter;
    private final Consumer<String> progress;

    private ListSchedule(ListExporter exporter, Consumer<String> progress) {
        this.exporter = exporter;
        this.progress = progress;
    }

    /**
     * Starts the schedule, or nothing when {@code lists.every-minutes} is 0.
     *
     * @return the schedule, to close when the server stops, or null when none is configured
     */
    public static ListSchedule start(Ceir ceir, Consumer<String> progress) {
        int minutes = ceir.settings().lists().everyMinutes();
        if (minutes == 0) {
            return null;
        }
        Duration period = Duration.ofMinutes(minutes);
        Instant last = new ListRuns(ceir.database()).latest().flatMap(ListRun::finishedAt).orElse(Instant.EPOCH);
        Duration wait = Duration.between(Instant.now(), last.plus(period));
        long delay = Math.max(0, wait.toSeconds());
        ListSchedule schedule = new ListSchedule(ceir.listExporter(), progress);
        schedule.timer.scheduleAtFixedRate(schedule::runOnce, delay, period.toSeconds(), TimeUnit.SECONDS);
        progress.accept("lists: exported every " + minutes + " minutes into " + ceir.listsDirectory()
                + ", the next in " + delay / 60 + " minutes");
        return schedule;
    }

    private void runOnce() {
        try {
            ListExporter.Result result = exporter.exportScheduled(line -> LOG.info("{}", line));
            progress.accept("lists: run " + result.run().id() + " exported to " + result.run().outputDir().orElseThrow());
        } catch (ListsException e) {
            progress.accept("lists: scheduled export skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("scheduled list export failed", e);
            progress.accept("lists: scheduled export failed: " + e.getMessage() + "; trying again at the next period");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
