package org.ceir.app;

import java.util.List;

import org.ceir.app.config.ConfigException;
import org.ceir.app.config.Settings;
import org.ceir.detect.DetectSettings;
import org.ceir.ingest.IngestSettings;
import org.ceir.web.ConsoleConfiguration;
import org.ceir.web.ConsoleServices;

/**
 * The configuration as the staff console sees it: one process's layered settings with the
 * overrides stored in the database, read afresh on every call, so a change made in the console is
 * what the next detection run, case decision or page sees.
 */
public final class ConsoleSettings implements ConsoleConfiguration {
    private final Ceir ceir;

    public ConsoleSettings(Ceir ceir) {
        this.ceir = ceir;
    }

    /** What the web server needs to serve the console of this process. */
    public static ConsoleServices services(Ceir ceir) {
        return new ConsoleServices(ceir.settings().country(), ceir.settings().get(IngestSettings.class),
                new ConsoleSettings(ceir));
    }

    @Override
    public List<Setting> effective() {
        return ceir.tuned().entries().stream().map(e -> new Setting(e.path(), e.value(), e.source())).toList();
    }

    @Override
    public List<Tunable> tunables() {
        Settings tuned = ceir.tuned();
        return Settings.TUNABLE.stream().map(path -> new Tunable(path, tuned.yaml(path), tuned.source(path))).toList();
    }

    @Override
    public String check(String path, String yaml) {
        try {
            return ceir.tuned().check(path, yaml);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public DetectSettings detect() {
        return ceir.tuned().detect();
    }
}
