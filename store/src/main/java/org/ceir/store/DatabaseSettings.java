package org.ceir.store;

import java.nio.file.Path;

/**
 * Where the data lives.
 *
 * @param url          a JDBC URL of an external PostgreSQL, or empty for the embedded one
 * @param user         the external server's user (ignored for the embedded one)
 * @param password     the external server's password (ignored for the embedded one)
 * @param poolSize     connections kept by this process
 * @param embeddedPort the embedded server's port when this process starts it; 0 for any free one
 * @param home         the directory of the embedded server's data ({@code CEIR_HOME/postgres})
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, int embeddedPort, Path home) {
    public DatabaseSettings {
        url = url == null ? "" : url.strip();
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("db.url '" + url + "': a PostgreSQL JDBC URL starts with"
                    + " jdbc:postgresql:// (or leave it empty for the embedded database)");
        }
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("db.pool-size " + poolSize + ": between 1 and 100");
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("db.embedded-port " + embeddedPort + ": 0 (any) or a TCP port");
        }
    }

    /** True when ceir runs its own PostgreSQL. */
    public boolean embedded() {
        return url.isEmpty();
    }
}
