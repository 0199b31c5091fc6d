package org.ceir.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) for a command that serves until told: the JVM runs the shutdown hooks, and ours
 * asks the command to stop and waits (a minute at most) until it has closed its servers and database,
 * which {@link #close()} says.
 */
final class StopSignal implements AutoCloseable {
    private static final long STOP_WAIT_SECONDS = 60;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(String name) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** Installs the shutdown hook, a thread named {@code name}. */
    static StopSignal install(String name) {
        StopSignal signal = new StopSignal(name);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Waits for Ctrl-C. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** The command has stopped: lets the hook (and so the JVM) end, or removes the hook if it did not run. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it is what brought us here
        }
    }
}
