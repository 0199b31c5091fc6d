package org.ceir.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ceir.store.embedded.LocalPostgres;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for storage tests: one embedded server per test JVM, and a new, migrated
 * database for each {@link #create()} so that test classes never see each other's rows.
 *
 * <p>Set {@code CEIR_TEST_DB_URL} (a JDBC URL with a user allowed to create databases) to run the
 * tests against another server instead.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String adminUrl;

    private TestDatabase() {
    }

    /** A fresh database with every migration on the class path applied. Close it after the tests. */
    public static Database create() {
        Database database = Database.connect(newDatabase(), null, null, 4);
        database.migrate();
        return database;
    }

    /**
     * A fresh database migrated only as far as {@code version}, as a store made by an earlier ceir
     * is: for tests of the migrations after it. Returns its JDBC URL ({@link Database#connect} it,
     * then {@link Database#migrate} brings it up to date).
     */
    public static String createAt(String version) {
        String url = newDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(version).load()
                .migrate();
        return url;
    }

    private static String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String admin = adminUrl();
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    /** Every row of a query as text, columns joined by {@code |}, in the query's order: for comparing whole tables. */
    public static List<String> rows(Database database, String sql) {
        return database.transaction(connection -> rows(connection, sql));
    }

    /** The same, on a connection of the caller's (e.g. inside its transaction). */
    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static synchronized String adminUrl() {
        if (adminUrl == null) {
            String external = System.getenv("CEIR_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                adminUrl = external;
            } else {
                adminUrl = startServer();
            }
        }
        return adminUrl;
    }

    private static String startServer() {
        try {
            Path home = Files.createTempDirectory("ceir-test-pg");
            LocalPostgres server = LocalPostgres.startForTests(home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                try {
                    deleteTree(home);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system eventually
                }
            }, "test-postgres-stop"));
            return "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=" + LocalPostgres.user();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
