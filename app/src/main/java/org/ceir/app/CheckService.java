package org.ceir.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.ceir.eir.CheckEngine;

/**
 * The check engine and every front-end that answers from it ({@code ceir serve}), started and
 * stopped together: front-ends stop first, so that no check arrives after the engine has written
 * its last counts.
 */
public final class CheckService implements AutoCloseable {
    private final CheckEngine engine;
    private final List<AutoCloseable> frontEnds;
    private final List<String> urls;

    private CheckService(CheckEngine engine, List<AutoCloseable> frontEnds, List<String> urls) {
        this.engine = engine;
        this.frontEnds = frontEnds;
        this.urls = urls;
    }

    /** Loads the register into the engine, then starts the front-ends; {@code progress} hears about each step. */
    public static CheckService start(Ceir ceir, MeterRegistry meters, Consumer<String> progress) {
        CheckEngine engine = CheckEngine.start(ceir.database(), ceir.settings().eir(), ceir.settings().country(),
                meters, progress);
        // The front-ends (Diameter S13, N5g-eir, web) start here, each added to both lists, as their modules land.
        return new CheckService(engine, new ArrayList<>(), new ArrayList<>());
    }

    public CheckEngine engine() {
        return engine;
    }

    /** Where each front-end listens, for people (e.g. {@code Diameter S13  127.0.0.1:3868}). */
    public List<String> urls() {
        return Collections.unmodifiableList(urls);
    }

    @Override
    public void close() {
        closeAll(frontEnds);
        engine.close();
    }

    private static void closeAll(List<AutoCloseable> frontEnds) {
        for (int i = frontEnds.size() - 1; i >= 0; i--) {
            try {
                frontEnds.get(i).close();
            } catch (Exception e) {
                System.err.println("ceir: stopping a front-end failed: " + e.getMessage());
            }
        }
    }
}
