package org.ceir.app.config;

import java.nio.file.Path;

import org.ceir.store.DatabaseSettings;

/** The {@code db} section: which PostgreSQL holds the data. */
public record DbConfig(String url, String user, String password, int poolSize, int embeddedPort) {
    public DbConfig {
        new DatabaseSettings(url, user, password, poolSize, embeddedPort, Path.of("")); // validates, naming the field
    }

    /** The store's settings, with the embedded server under {@code home/postgres}. */
    public DatabaseSettings toSettings(Path home) {
        return new DatabaseSettings(url, user, password, poolSize, embeddedPort, home.resolve("postgres"));
    }
}
