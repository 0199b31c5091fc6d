package org.ceir.bench.registration;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceir.app.config.Settings;
import org.ceir.core.identity.Imei;
import org.ceir.registration.ImporterBatches;
import org.ceir.registration.RegistrationSettings;
import org.ceir.store.Database;
import org.ceir.store.embedded.LocalPostgres;
import org.postgresql.PGConnection;

/**
 * Importer bulk registration throughput: IMEIs per second for a file of {@code N} IMEIs (default
 * 100,000) registered all or nothing by {@link ImporterBatches}, beside a baseline measured in the
 * same run on the same rows: a bare {@code COPY} of them into an unlogged table, the floor any
 * loader that writes the rows once must pay.
 *
 * <p>It starts its own embedded PostgreSQL under a temporary directory, loads a catalogue of 50
 * models and a register of {@code --base} already-registered IMEIs (default 1,000,000, so the
 * "already registered" check runs against an index of real size), then runs {@code --rounds}
 * rounds (default 5; the first is a warm-up and is not counted) and prints the medians and their
 * ratio. The registrations are made on a day without the excise, so each batch is active at once
 * and writes its 100,000 change-log rows too: the heavier path.
 *
 * <pre>
 * mvn -B -ntp -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.ceir.bench.registration.BulkRegistrationDriver [--imeis N] [--base N] [--rounds N]
 * </pre>
 */
public final class BulkRegistrationDriver {
    private static final int MODELS = 50;
    private static final int FIRST_TAC = 86000000;

    private BulkRegistrationDriver() {
    }

    public static void main(String[] args) throws Exception {
        int imeis = option(args, "--imeis", 100_000);
        int base = option(args, "--base", 1_000_000);
        int rounds = option(args, "--rounds", 5);
        Path home = Files.createTempDirectory("ceir-bench-registration");
        LocalPostgres server = LocalPostgres.startOrAttach(home, 0, "ceir", System.out::println);
        try (Database database = Database.connect(server.jdbcUrl(), LocalPostgres.user(), "", 4)) {
            database.migrate();
            prepare(database, base);
            RegistrationSettings settings = Settings.load(Optional.empty(), Map.of(), Map.of()).registration();
            ImporterBatches batches = new ImporterBatches(database, settings,
                    Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC));
            List<Double> bulk = new ArrayList<>();
            List<Double> copy = new ArrayList<>();
            long serial = base;
            for (int round = 0; round <= rounds; round++) {
                Path file = home.resolve("batch-" + round + ".csv");
                String copyText = write(file, serial, imeis);
                serial += imeis;

                long started = System.nanoTime();
                copyBaseline(database, copyText);
                double copySeconds = (System.nanoTime() - started) / 1e9;

                started = System.nanoTime();
                ImporterBatches.Result result = batches.importCsv(file, "Bench Importer LLC", "bench");
                double bulkSeconds = (System.nanoTime() - started) / 1e9;
                if (result.imeis() != imeis || !"ACTIVE".equals(result.status())) {
                    throw new IllegalStateException("round " + round + " registered " + result.imeis() + " IMEIs, "
                            + result.status());
                }
                System.out.printf("round %d%s: bulk registration %,.0f IMEIs/s (%.2f s), raw COPY %,.0f IMEIs/s (%.2f s)%n",
                        round, round == 0 ? " (warm-up)" : "", imeis / bulkSeconds, bulkSeconds, imeis / copySeconds,
                        copySeconds);
                if (round > 0) {
                    bulk.add(imeis / bulkSeconds);
                    copy.add(imeis / copySeconds);
                }
                Files.delete(file);
            }
            double bulkMedian = median(bulk);
            double copyMedian = median(copy);
            System.out.printf("median over %d rounds of %,d IMEIs (register of %,d): bulk registration %,.0f IMEIs/s,"
                    + " raw COPY baseline %,.0f IMEIs/s, ratio %.2f (goal: >= 50,000 IMEIs/s)%n", rounds, imeis, base,
                    bulkMedian, copyMedian, bulkMedian / copyMedian);
        } finally {
            server.close();
            try (var paths = Files.walk(home)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** A catalogue of 50 models with prices, and {@code base} IMEIs already registered to one importer. */
    private static void prepare(Database database, int base) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO tac_model (tac, manufacturer, model_name, marketing_name, brand_name, device_type)"
                        + " SELECT " + FIRST_TAC + " + i, 'Maker ' || i, 'MX-' || i, 'Phone ' || i, 'Brand ' || i,"
                        + " 'Smartphone' FROM generate_series(0, " + (MODELS - 1) + ") i");
                s.execute("INSERT INTO model_price (manufacturer, model, market_price_usd)"
                        + " SELECT 'Brand ' || i, 'Phone ' || i, 100 + 20 * i FROM generate_series(0, " + (MODELS - 1) + ") i");
                s.execute("INSERT INTO registration (reference, kind, status, owner_name, created_by)"
                        + " VALUES ('B-BASE0000', 'IMPORTER', 'ACTIVE', 'Base', 'bench')");
                s.execute("INSERT INTO registration_imei (registration_id, imei)"
                        + " SELECT (SELECT id FROM registration WHERE reference = 'B-BASE0000'),"
                        + " (" + FIRST_TAC + "::bigint + i % " + MODELS + ") * 1000000 + i / " + MODELS
                        + " FROM generate_series(0, " + (base - 1) + ") i");
                s.execute("CREATE UNLOGGED TABLE bench_copy (line bigint, phone integer, imei bigint, model text,"
                        + " price numeric(12, 2))");
                s.execute("ANALYZE");
            }
            return null;
        });
    }

    /**
     * Writes a batch file of fresh IMEIs (serials from {@code first}, spread over the models) and
     * returns the same rows in COPY's text format for the baseline.
     */
    private static String write(Path file, long first, int count) throws IOException {
        StringBuilder copyText = new StringBuilder(count * 48);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("imei,model,price\n");
            for (int i = 0; i < count; i++) {
                long n = first + i;
                int model = (int) (n % MODELS);
                long key = (FIRST_TAC + model) * 1_000_000L + n / MODELS;
                String imei = Imei.ofKey(key).toString();
                out.write(imei + ",Phone " + model + "," + (100 + 20 * model) + "\n");
                copyText.append(i + 2).append('\t').append(i + 1).append('\t').append(key).append("\tPhone ")
                        .append(model).append('\t').append(100 + 20 * model).append('\n');
            }
        }
        return copyText.toString();
    }

    private static void copyBaseline(Database database, String copyText) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE bench_copy");
            }
            copyIn(c, copyText);
            return null;
        });
    }

    private static void copyIn(Connection c, String text) throws java.sql.SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN", new StringReader(text));
        } catch (IOException e) {
            throw new java.sql.SQLException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        return fallback;
    }
}
