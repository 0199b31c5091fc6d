package org.ceir.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ceir.app.config.Settings;
import org.ceir.appeals.AppealSettings;
import org.ceir.appeals.Appeals;
import org.ceir.appeals.report.ArticleReports;
import org.ceir.core.country.NumberingPlan;
import org.ceir.ingest.ImportQueue;
import org.ceir.ingest.IngestSettings;
import org.ceir.lists.ListExporter;
import org.ceir.registration.OwnerIds;
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
    private Appeals appeals;
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

    /** The appeals service (filing, deciding, the report), created on first use. */
    public synchronized Appeals appeals() {
        if (appeals == null) {
            appeals = new Appeals(database(), settings.get(AppealSettings.class),
                    OwnerIds.fromSettings(settings.registration(), home), numberingPlan, tuned().detect(),
                    settings.registration().zone(), Clock.systemUTC());
        }
        return appeals;
    }

    /** The list exporter over this process's database and settings. */
    public ListExporter listExporter() {
        return new ListExporter(database(), settings.eir(), settings.country(), settings.lists(), listsDirectory(),
                Clock.systemUTC());
    }

    /** Where scheduled list exports go: {@code lists.directory}, under the home directory when relative. */
    public Path listsDirectory() {
        Path directory = Path.of(settings.lists().directory());
        return directory.isAbsolute() ? directory : home.resolve(directory);
    }

    /**
     * A queue for uploaded files (the console's imports page and the operators' API), importing
     * through the same importer as {@code ceir import}: uploads wait in {@code HOME/uploads}, reports
     * go to {@code HOME/reports}. The caller starts it (taking up what a stopped server left) and
     * closes it.
     */
    public ImportQueue importQueue() {
        return new ImportQueue(database(), settings.country(), settings.get(IngestSettings.class),
                Optional.of(home.resolve("reports")), home.resolve("uploads"), settings.lists().uploadThreads());
    }

    /** The article's report for any period (ceir report, the console's dashboard, the demo). */
    public ArticleReports reports() {
        return new ArticleReports(database(), settings.registration().zone(),
                settings.registration().currency(), Clock.systemUTC());
    }

    /** The schema versions this process applied when it opened the database (usually none). */
    public List<String> migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public synchronized void close() {
        registration = null;
        appeals = null;
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
