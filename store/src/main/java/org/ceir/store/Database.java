package org.ceir.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ceir.store.embedded.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * ceir's connection to PostgreSQL: a HikariCP pool on an external server or on the embedded one,
 * and the schema migrations.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final LocalPostgres embedded;
    private final String description;

    private Database(HikariDataSource pool, LocalPostgres embedded, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
    }

    /** Connects as the settings say, starting or attaching to the embedded server when no URL is given. */
    public static Database open(DatabaseSettings settings, Consumer<String> progress) {
        if (!settings.embedded()) {
            return connect(settings.url(), settings.user(), settings.password(), settings.poolSize(),
                    null, "PostgreSQL at " + withoutSecrets(settings.url()));
        }
        LocalPostgres server = LocalPostgres.startOrAttach(settings.home(), settings.embeddedPort(), "ceir", progress);
        try {
            return connect(server.jdbcUrl(), LocalPostgres.user(), "", settings.poolSize(), server,
                    "embedded PostgreSQL in " + server.dataDirectory() + " (port " + server.port() + ")");
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to a database by URL; for tests and tools that manage the server themselves. */
    public static Database connect(String url, String user, String password, int poolSize) {
        return connect(url, user, password, poolSize, null, "PostgreSQL at " + withoutSecrets(url));
    }

    private static Database connect(String url, String user, String password, int poolSize,
                                    LocalPostgres embedded, String description) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("ceir");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", LocalPostgres.applicationName());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new Database(new HikariDataSource(config), embedded, description);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + description + ": " + rootMessage(e), e);
        }
    }

    /** Brings the schema to the newest version; returns the versions applied now (none when current). */
    public List<String> migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                // Modules own version blocks (see V1); a database made while a block was missing
                // takes the block's migrations when it arrives instead of refusing to start.
                .outOfOrder(true)
                .load()
                .migrate();
        return result.migrations.stream().map(m -> m.version + " " + m.description).toList();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Where the data lives, for people (never with a password). */
    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
