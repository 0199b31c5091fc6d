package org.ceir.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;

/** Shared test helpers: the DIRBS test country, files written on the fly, and queries. */
final class Fixtures {
    /** DIRBS's test country (conformance/dirbs/cases.json): MCC 111, country code 22. */
    static final Country TESTLAND = new Country("Testland", "111", "22", "0", 10, List.of(
            new Operator("operator1", "One", "111", "01"),
            new Operator("operator2", "Two", "111", "02"),
            new Operator("operator4", "Four", "111", "04")), Map.of());

    private Fixtures() {
    }

    static Importer importer(Database database, Path reports) {
        return new Importer(database, TESTLAND, IngestSettings.defaults(), Optional.of(reports), ImportListener.NONE);
    }

    static ImportOptions options() {
        return ImportOptions.by("test");
    }

    static Path write(Path directory, String name, String... lines) {
        try {
            Path file = directory.resolve(name);
            byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(content);
                }
            } else {
                Files.write(file, content);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Database database, String sql, Object... parameters) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** Every row of a query as text, in the query's order: for comparing whole tables. */
    static List<String> rows(Database database, String sql) {
        return TestDatabase.rows(database, sql);
    }

    static List<String> rows(Connection connection, String sql) throws SQLException {
        return TestDatabase.rows(connection, sql);
    }

    /** The data an operator import writes, without job ids (which differ between equal imports). */
    static List<String> networkState(Database database) {
        List<String> state = new ArrayList<>();
        state.addAll(rows(database, "SELECT triplet_month, operator_id, imei, imei_raw, imsi, msisdn, first_seen,"
                + " last_seen, date_bitmask, rat_bitmask FROM network_triplet"
                + " ORDER BY 1, 2, 3, 4, 5 NULLS FIRST, 6 NULLS FIRST"));
        state.addAll(rows(database, "SELECT imei, first_seen, rat_bitmask, first_seen_source,"
                + " last_import_job IS NOT NULL FROM network_imei ORDER BY imei"));
        state.addAll(rows(database, "SELECT operator_id, day, imeis, imsis, msisdns FROM operator_day_stats ORDER BY 1, 2"));
        state.addAll(rows(database, "SELECT imei, change FROM change_log ORDER BY id"));
        state.addAll(rows(database, "SELECT relname FROM pg_class WHERE relname LIKE 'ingest_stage%'"));
        return state;
    }
}
