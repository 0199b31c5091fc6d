package org.ceir.web;

import java.nio.file.Path;
import java.util.Objects;

import org.ceir.core.country.Country;
import org.ceir.ingest.IngestSettings;

/**
 * What the staff console needs beyond the database and the check engine: the country (operators,
 * numbering), the import checks, where uploads and import reports go, and the configuration.
 *
 * @param country       the configured country
 * @param ingest        the data-quality thresholds of imports
 * @param home          ceir's home directory: uploads wait in {@code uploads/} while they are
 *                      imported, reports go to {@code reports/} (as {@code ceir import} writes them)
 * @param configuration the settings in force and the console's overrides
 */
public record ConsoleServices(Country country, IngestSettings ingest, Path home, ConsoleConfiguration configuration) {
    public ConsoleServices {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(configuration, "configuration");
    }

    Path uploads() {
        return home.resolve("uploads");
    }

    Path reports() {
        return home.resolve("reports");
    }
}
