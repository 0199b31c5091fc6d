package org.ceir.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.ceir.app.config.Settings;
import org.ceir.core.country.NumberingPlan;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.ceir.store.SettingOverrides;

/**
 * One ceir process's wiring: its settings, its home directory and, opened on first use, its
 * database (migrated, with the configured operators in place).
 */
public final class Ceir implements AutoCloseable {
    private final Path home;
    private final Settings settings;
    private final NumberingPlan numberingPlan;
    private final PrintStream progress;
    private Database database;
    private RegistrationServices registration;
    private List<String> migrationsApplied = List.of();

    public Ceir(Path home, Settings settings, PrintStream progress) {
        this.home = home;
        this.settings = settings;
        this.numberingPlan = new NumberingPlan(settings.country());
        this.progress = progress;
    }

    public Path home() {
        return home;
    }

    /**
     * The configuration: the built-in defaults, the file, the environment and the command line.
     * For the settings people tune in the console ({@link Settings#TUNABLE}) use {@link #tuned()}.
     */
    public Settings settings() {
        return settings;
    }

    /**
     * The settings in force: {@link #settings()} with the overrides set in the staff console, read
     * now from the database (which this opens). What reads a tunable setting (detection runs, the
     * clone cases, the duty tariff) takes its section from here.
     */
    public Settings tuned() {
        return settings.withOverrides(database().transaction(SettingOverrides::current));
    }

    public NumberingPlan numberingPlan() {
        return numberingPlan;
    }

    /** The database, started or attached and migrated on first use. */
    public synchronized Database database() {
        if (database == null) {
            Database opened = Database.open(settings.db().toSettings(home), message -> progress.println("ceir: " + message));
            try {
                migrationsApplied = opened.migrate();
                opened.transaction(connection -> Operators.sync(connection, settings.country()));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            database = opened;
        }
        return database;
    }

    /** The registration module's services, created on first use. */
    public synchronized RegistrationServices registration() {
        if (registration == null) {
            registration = new RegistrationServices(this);
        }
        return registration;
    }

    /** The schema versions this process applied when it opened the database (usually none). */
    public List<String> migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public synchronized void close() {
        registration = null;
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
