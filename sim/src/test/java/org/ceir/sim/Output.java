package org.ceir.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** A simulation's output read back for the tests: operator rows and the reference files. */
final class Output {
    /** One operator row, with the file it came from. */
    record Row(String file, String operator, String fileDate, String date, String imei, String imsi, String msisdn,
               String rat) {
    }

    /** One truth row. */
    record Truth(String imei, String persona, boolean cloned, String ringId, int ringSize) {
    }

    final Path dir;
    final List<Row> rows = new ArrayList<>();
    final List<String> headers = new ArrayList<>();
    final Map<String, Truth> truth = new HashMap<>();

    Output(Path dir) {
        this.dir = dir;
        try (Stream<Path> files = Files.list(dir.resolve("operator"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String[] parts = name.substring(0, name.length() - ".csv.gz".length()).split("_");
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
                    headers.add(reader.readLine());
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        String[] f = line.split(",", -1);
                        if (f.length != 5) {
                            throw new AssertionError(name + ": not 5 fields: " + line);
                        }
                        rows.add(new Row(name, parts[0], parts[1], f[0], f[1], f[2], f[3], f[4]));
                    }
                }
            }
            for (String line : lines("truth.csv").subList(1, lines("truth.csv").size())) {
                String[] f = line.split(",", -1);
                truth.put(f[0], new Truth(f[0], f[1], Boolean.parseBoolean(f[2]), f[3], Integer.parseInt(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines(String name) {
        try {
            return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 14-digit body of a row's IMEI, or null when it has none (malformed). */
    static String body(String imei) {
        if (imei.length() < 14) {
            return null;
        }
        for (int i = 0; i < 14; i++) {
            if (!Character.isDigit(imei.charAt(i))) {
                return null;
            }
        }
        return imei.substring(0, 14);
    }
}
