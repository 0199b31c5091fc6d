package org.ceir.eir;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ceir.core.check.CheckHealth;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.ceir.store.StoreException;

/**
 * The check engine: answers every device check from an in-memory copy of the register, kept
 * current from the change log, never touching the database on the way.
 *
 * <p>{@link #start} loads the whole register (with progress), then runs three threads: the change
 * feed (reads changes, see {@code ChangeFeed}), the writer (the only thread that changes the copy),
 * and the flusher (writes counters and first sightings every {@code eir.flush-seconds}). Checks
 * run on the callers' threads, any number at once, without locks or allocation. The policy and its
 * precedence are in {@code Policy}.
 *
 * <p>{@link #lookup} is the same engine for a command line: it reads only the IMEIs asked about,
 * and neither counts its checks nor records first sightings, because a person looking a device up
 * is not a network attach.
 */
public final class CheckEngine implements EquipmentCheck, AutoCloseable {
    private static final int FIRST_SEEN = CheckReason.FIRST_SEEN.ordinal();
    private final Policy policy;
    private final Register register;
    private final DayClock days;
    private final CheckCounters counters;
    private final FirstSightings sightings;
    private final RegisterWriter writer;
    private final ChangeFeed feed;
    private final Flusher flusher;
    private final MeterRegistry meters;
    private final List<Meter> registered = new ArrayList<>();
    private boolean closed;

    private CheckEngine(Policy policy, Register register, DayClock days, CheckCounters counters,
                        FirstSightings sightings, RegisterWriter writer, ChangeFeed feed, Flusher flusher,
                        MeterRegistry meters) {
        this.policy = policy;
        this.register = register;
        this.days = days;
        this.counters = counters;
        this.sightings = sightings;
        this.writer = writer;
        this.feed = feed;
        this.flusher = flusher;
        this.meters = meters;
    }

    /**
     * Loads the register and starts keeping it current.
     *
     * @param progress receives a line now and then while the register loads
     * @throws StoreException when the database cannot be read (the engine cannot start without a register)
     */
    public static CheckEngine start(Database database, EirSettings settings, Country country, MeterRegistry meters,
                                    Consumer<String> progress) {
        return start(database, settings, country, meters, progress, Clock.systemUTC());
    }

    static CheckEngine start(Database database, EirSettings settings, Country country, MeterRegistry meters,
                             Consumer<String> progress, Clock clock) {
        RegisterLoader loader = new RegisterLoader(settings);
        long started = System.nanoTime();
        Instant loadedAt = clock.instant();
        RegisterLoader.Loaded loaded = database.transaction(connection -> loader.loadAll(connection, progress));
        Map<String, Short> operatorIds = database.transaction(Operators::ids);
        Register register = loaded.register();
        progress.accept(String.format("register loaded in %.1f s: %,d IMEIs, %,d pairings, %,d TACs (%,d MB)",
                (System.nanoTime() - started) / 1e9, register.imeis(), register.pairingCount(),
                register.catalogue().size(), register.tableBytes() >> 20));

        DayClock days = new DayClock(clock, settings.zone());
        CheckCounters counters = new CheckCounters(operatorIds, days.today());
        FirstSightings sightings = new FirstSightings(1 << 16);
        FirstSeenRecorder recorder = new FirstSeenRecorder();
        RegisterWriter writer = new RegisterWriter(register, sightings, recorder, days);
        ChangeFeed feed = new ChangeFeed(database.dataSource(), loader, writer, settings, clock, loaded.snapshot(),
                loadedAt);
        writer.start();
        feed.start();
        Flusher flusher = new Flusher(database, counters, recorder, settings.flushSeconds());
        CheckEngine engine = new CheckEngine(new Policy(settings, country), register, days, counters, sightings,
                writer, feed, flusher, meters);
        engine.registerMeters(recorder);
        return engine;
    }

    /**
     * An engine over only the given IMEIs (and the TAC catalogue), read now: for one-off checks
     * from the command line. It gives the same verdicts as a started engine for those IMEIs, but
     * counts nothing, records no first sighting and does not follow later changes.
     */
    public static CheckEngine lookup(Database database, EirSettings settings, Country country, long... imeis) {
        return lookup(database, settings, country, Clock.systemUTC(), imeis);
    }

    static CheckEngine lookup(Database database, EirSettings settings, Country country, Clock clock, long... imeis) {
        RegisterLoader loader = new RegisterLoader(settings);
        Register register = new Register(imeis.length, 16);
        database.transaction((Connection connection) -> {
            RegisterLoader.beginSnapshot(connection);
            loader.readDevices(connection, imeis).applyTo(register);
            register.replaceCatalogue(loader.readCatalogue(connection));
            return null;
        });
        return new CheckEngine(new Policy(settings, country), register, new DayClock(clock, settings.zone()), null,
                null, null, null, null, null);
    }

    @Override
    public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
        // A started engine's writer ticks the day every few milliseconds; a look-up engine has none.
        int today = writer != null ? days.today() : days.tick();
        int verdict = policy.decide(imei, imsi, msisdn, today, register);
        if (counters != null) {
            counters.count(today, operator, verdict);
            if ((verdict >>> 3 & 0x3f) == FIRST_SEEN) { // Verdict's reason bits, without an enum look-up
                sightings.offer(Imei.networkKey(imei));
            }
        }
        return verdict;
    }

    @Override
    public DeviceState describe(long imei) {
        long bits = register.bits(imei);
        boolean registered = DeviceBits.has(bits, DeviceBits.REGISTERED);
        boolean exempt = DeviceBits.has(bits, DeviceBits.EXEMPT);
        Optional<LocalDate> firstSeen = DeviceBits.has(bits, DeviceBits.SEEN)
                ? Optional.of(LocalDate.ofEpochDay(DeviceBits.firstSeenDay(bits))) : Optional.empty();
        Optional<LocalDate> graceEnds = registered || exempt || policy.graceDays() == 0 ? Optional.empty()
                : firstSeen.map(day -> day.plusDays(policy.graceDays() - 1L));
        return new DeviceState(imei, DeviceBits.has(bits, DeviceBits.STOLEN), DeviceBits.has(bits, DeviceBits.CLONE),
                DeviceBits.has(bits, DeviceBits.SUSPECTED_CLONE), registered, exempt, DeviceBits.pairedSims(bits),
                firstSeen, graceEnds);
    }

    @Override
    public CheckHealth health() {
        if (feed == null) {
            return CheckHealth.up("looked up once; not following changes");
        }
        String holds = String.format("%,d IMEIs and %,d pairings in memory", writer.imeis(), writer.pairings());
        Optional<Instant> asOf = Optional.ofNullable(feed.currentAsOf());
        if (feed.connected()) {
            return new CheckHealth(CheckHealth.Status.UP, holds + (flusher.lastFailed()
                    ? "; counters are waiting to be written" : ""), asOf);
        }
        return new CheckHealth(CheckHealth.Status.DEGRADED, "database unreachable since " + feed.downSince()
                + " (" + feed.attempts() + " attempts: " + feed.lastError() + "); answering from the snapshot of "
                + asOf.map(Instant::toString).orElse("the start") + "; " + holds, asOf);
    }

    /** Today's date as the engine counts days (in {@code eir.time-zone}). */
    public LocalDate today() {
        return days.todayDate();
    }

    /**
     * Writes the counters and the first sightings now instead of at the next flush, after applying
     * every change read so far.
     *
     * @throws StoreException when the database refuses (nothing is lost: it is tried again later)
     */
    public void flush() {
        if (flusher == null) {
            return;
        }
        try {
            writer.sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying changes", e);
        }
        flusher.flush();
    }

    /** Stops following changes and writes the counters one last time. */
    @Override
    public synchronized void close() {
        if (closed || feed == null) {
            closed = true;
            return;
        }
        closed = true;
        try {
            feed.close();
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.close();
        registered.forEach(meters::remove);
    }

    /** Waits until everything the feed has read so far is applied. For tests. */
    void awaitApplied() throws InterruptedException {
        writer.sync();
    }

    Register register() {
        return register;
    }

    ChangeFeed feed() {
        return feed;
    }

    private void registerMeters(FirstSeenRecorder recorder) {
        for (CheckReason reason : CheckReason.values()) {
            Outcome outcome = policy.outcomeOf(reason);
            registered.add(FunctionCounter.builder("ceir.eir.checks", counters, c -> c.total(outcome, reason))
                    .description("Device checks answered, by outcome and reason")
                    .tag("outcome", outcome.name()).tag("reason", reason.name())
                    .register(meters));
        }
        registered.add(Gauge.builder("ceir.eir.register.imeis", writer, RegisterWriter::imeis)
                .description("IMEIs held in memory").register(meters));
        registered.add(Gauge.builder("ceir.eir.register.pairings", writer, RegisterWriter::pairings)
                .description("Active pairings held in memory").register(meters));
        registered.add(Gauge.builder("ceir.eir.register.bytes", writer, RegisterWriter::bytes)
                .description("Bytes of the in-memory tables").baseUnit("bytes").register(meters));
        registered.add(Gauge.builder("ceir.eir.database.connected", feed, f -> f.connected() ? 1 : 0)
                .description("1 while the change feed has the database, 0 while it answers from the snapshot")
                .register(meters));
        registered.add(Gauge.builder("ceir.eir.snapshot.age", feed, f -> f.currentAsOf() == null ? 0
                        : Duration.between(f.currentAsOf(), days.clock().instant()).toMillis() / 1000.0)
                .description("Seconds since the last moment the register is known to be current")
                .baseUnit("seconds").register(meters));
        registered.add(FunctionCounter.builder("ceir.eir.changes", feed, ChangeFeed::changesRead)
                .description("Change log rows read").register(meters));
        registered.add(Gauge.builder("ceir.eir.first.sightings.waiting", recorder, FirstSeenRecorder::waiting)
                .description("First sightings waiting to be written").register(meters));
        registered.add(FunctionCounter.builder("ceir.eir.first.sightings.dropped", sightings, FirstSightings::dropped)
                .description("First sightings dropped because the hand-over set was full (offered again at the next check)")
                .register(meters));
    }
}
