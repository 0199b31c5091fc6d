package org.ceir.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.detect.Detector;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.Importer;
import org.ceir.ingest.IngestSettings;

/**
 * A month of Azercell's network data for console tests, through the real importer and a real
 * detection run: a cloned IMEI carried by four phones at once every day of April 2026, and honest
 * phones with one SIM each.
 */
final class ConsoleData {
    static final long RING = 35693803564381L;
    static final String RING_IMEI = Imei.ofKey(RING).toString();
    static final String FIRST_IMSI = "400010000000000";
    static final LocalDate FIRST = LocalDate.of(2026, 4, 1);
    static final int DAYS = 30;
    static final String HEADER = "date,imei,imsi,msisdn";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ConsoleData() {
    }

    /** Writes Azercell's file for April: the ring's four SIMs and {@code honest} phones, every day. */
    static Path april(Path directory, int honest) {
        Path file = directory.resolve("azercell_" + DAY.format(FIRST) + "_" + DAY.format(FIRST.plusDays(DAYS - 1)) + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(HEADER + "\n");
            for (int d = 0; d < DAYS; d++) {
                String day = DAY.format(FIRST.plusDays(d));
                for (int phone = 0; phone < 4; phone++) {
                    out.write(day + "," + RING_IMEI + ",40001000000000" + phone + ",99450100000" + phone + "\n");
                }
                for (int i = 0; i < honest; i++) {
                    out.write(day + "," + Imei.ofKey(35209901000000L + i) + "," + String.format("4000120%08d", i) + ","
                            + String.format("9945520%05d", i % 100_000) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Imports April (checks off: a test country has no history) and runs detection: the ring's case opens. */
    static void importAndDetect(TestServer web, Path directory) {
        new Importer(web.database, Country.azerbaijan(), IngestSettings.defaults(), Optional.empty(), ImportListener.NONE)
                .importOperator(april(directory, 20), ImportOptions.by("test").withChecks(false));
        new Detector(web.database, Country.azerbaijan(), web.console.configuration().detect(), message -> { })
                .run(Optional.empty(), "test", Optional.empty());
    }

    /** The id of the ring's newest case. */
    static long ringCase(TestServer web) {
        return web.database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT max(id) FROM clone_case WHERE imei = ?")) {
                query.setLong(1, RING);
                var row = query.executeQuery();
                row.next();
                return row.getLong(1);
            }
        });
    }

    static long count(TestServer web, String sql, Object... parameters) {
        return web.database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                var row = query.executeQuery();
                row.next();
                return row.getLong(1);
            }
        });
    }
}
