package org.ceir.eir;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that changes the register: it applies what the change feed read and puts the
 * checks' first sightings in. Keeping all writes on one thread is what lets the checks read the
 * register without locks; keeping database reads off it lets first sightings go in every few
 * milliseconds even while the database is slow or away.
 */
final class RegisterWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterWriter.class);
    private static final long IDLE_MILLIS = 20;

    private final Register register;
    private final FirstSightings sightings;
    private final FirstSeenRecorder recorder;
    private final DayClock days;
    private final BlockingQueue<RegisterUpdate> updates = new LinkedBlockingQueue<>(64);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int imeis;
    private volatile int pairings;
    private volatile long bytes;

    RegisterWriter(Register register, FirstSightings sightings, FirstSeenRecorder recorder, DayClock days) {
        this.register = register;
        this.sightings = sightings;
        this.recorder = recorder;
        this.days = days;
        publishSizes();
        thread = new Thread(this, "ceir-eir-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues an update; blocks while the writer is behind (the feed then reads no further ahead). */
    void post(RegisterUpdate update) throws InterruptedException {
        updates.put(update);
    }

    /** Waits until everything posted so far is applied and the waiting first sightings are in. */
    void sync() throws InterruptedException {
        if (!thread.isAlive()) {
            return; // closed: everything was applied when it stopped
        }
        CountDownLatch done = new CountDownLatch(1);
        post(register -> done.countDown());
        done.await();
    }

    @Override
    public void run() {
        while (running || !updates.isEmpty()) {
            try {
                RegisterUpdate update = updates.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                drainSightings();
                if (update != null) {
                    update.applyTo(register);
                }
                publishSizes();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("the check engine could not apply a change; it goes on with the next", e);
            }
        }
        drainSightings();
    }

    /** Applies what is queued, then stops. */
    void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    int imeis() {
        return imeis;
    }

    int pairings() {
        return pairings;
    }

    long bytes() {
        return bytes;
    }

    private void drainSightings() {
        int today = days.tick(); // also moves the checks' day on at midnight
        sightings.drain(imei -> {
            if (register.recordSighting(imei, today)) {
                recorder.add(imei, today);
            }
        });
    }

    private void publishSizes() {
        imeis = register.imeis();
        pairings = register.pairingCount();
        bytes = register.tableBytes();
    }
}
