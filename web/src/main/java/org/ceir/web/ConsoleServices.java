package org.ceir.web;

import java.util.Objects;

import org.ceir.core.country.Country;
import org.ceir.ingest.IngestSettings;

/**
 * What the staff console needs beyond the database and the check engine: the country (operators,
 * numbering), the import checks, and the configuration. Uploads are {@link WebFeatures#imports()}'.
 *
 * @param country       the configured country
 * @param ingest        the data-quality thresholds of imports, for reading their history
 * @param configuration the settings in force and the console's overrides
 */
public record ConsoleServices(Country country, IngestSettings ingest, ConsoleConfiguration configuration) {
    public ConsoleServices {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(configuration, "configuration");
    }
}
