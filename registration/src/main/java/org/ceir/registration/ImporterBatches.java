package org.ceir.registration;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.registration.duty.DutyLine;
import org.ceir.registration.duty.DutyQuote;
import org.ceir.registration.duty.DutyRequest;
import org.ceir.registration.duty.Money;
import org.ceir.registration.duty.Payer;
import org.ceir.registration.duty.Tariff;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.postgresql.PGConnection;

/**
 * An importer's bulk registration: a CSV file of phones ({@code imei,model,price}, header in any
 * order and case; several IMEIs of one multi-SIM phone in one {@code imei} cell, separated by
 * {@code |}), registered all or nothing. Every row is checked (IMEI valid, TAC known and of the
 * named model, not registered, not stolen, not a clone, not twice in the file); one bad row refuses
 * the file, with a report naming every bad row and why.
 *
 * <p>Built for volume: rows are parsed once in Java, copied into a temporary table with
 * {@code COPY}, and checked and registered with a handful of set-based statements, so a batch of
 * 100,000 IMEIs costs a few statements rather than 100,000 round trips.
 */
public final class ImporterBatches {
    /** How many rejected rows a failed import keeps in its import_job report. */
    private static final int REPORT_LIMIT = 10_000;

    private final Database database;
    private final RegistrationSettings settings;
    private final Tariff tariff;
    private final Clock clock;

    /** What a batch did: the registration it made and its duty. */
    public record Result(String reference, String status, long jobId, int phones, int imeis, BigDecimal duty,
                         String currency, DutyQuote quote) {
    }

    public ImporterBatches(Database database, RegistrationSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.tariff = settings.tariff();
        this.clock = clock;
    }

    /**
     * Registers an importer's file.
     *
     * @param importer who the phones are registered to (the company's name)
     * @throws RegistrationException INVALID with {@link RegistrationException#refusals()} listing every bad row
     */
    public Result importCsv(Path file, String importer, String actor) {
        if (importer == null || importer.isBlank()) {
            throw invalid("name the importer (the company the phones are registered to)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        String sha = ImportJobs.sha256(bytes);
        Parsed parsed = parse(file, new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        try {
            return database.transaction(connection -> register(connection, file, sha, importer.strip(), parsed, actor));
        } catch (BatchRefused refused) {
            throw fail(file, sha, parsed.rows, refused.refusals, actor);
        }
    }

    /**
     * The file, parsed: one entry per IMEI (its line, key, phone number and model), the models as
     * typed, the declared price of each phone, and the rows refused on their face.
     */
    private static final class Parsed {
        final StringBuilder copy = new StringBuilder();
        final List<Refusal> refusals = new ArrayList<>();
        final List<String> modelNames = new ArrayList<>();
        final Map<String, Integer> modelIds = new HashMap<>();
        final Map<String, Integer> typedIds = new HashMap<>();
        long[] lines = new long[1024];
        long[] keys = new long[1024];
        int[] phoneOf = new int[1024];
        int[] modelOf = new int[1024];
        BigDecimal[] declared = new BigDecimal[1024];
        int rows;
        int phones;
        int imeis;

        int model(String typed) {
            // A batch names few models on many rows: squash each spelling once, not each row.
            return typedIds.computeIfAbsent(typed, spelling -> modelIds.computeIfAbsent(Catalogue.squash(spelling),
                    key -> {
                        modelNames.add(spelling);
                        return modelNames.size() - 1;
                    }));
        }

        void add(long line, long key, int phone, int model) {
            if (imeis == keys.length) {
                lines = Arrays.copyOf(lines, imeis * 2);
                keys = Arrays.copyOf(keys, imeis * 2);
                phoneOf = Arrays.copyOf(phoneOf, imeis * 2);
                modelOf = Arrays.copyOf(modelOf, imeis * 2);
            }
            lines[imeis] = line;
            keys[imeis] = key;
            phoneOf[imeis] = phone;
            modelOf[imeis] = model;
            imeis++;
        }

        void declare(int phone, BigDecimal price) {
            if (phone >= declared.length) {
                declared = Arrays.copyOf(declared, Math.max(phone + 1, declared.length * 2));
            }
            declared[phone] = price;
        }
    }

    private Parsed parse(Path file, Reader reader) {
        Parsed parsed = new Parsed();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, Integer> header = Csv.lowerCaseHeader(parser);
            String priceColumn = header.containsKey("price") ? "price" : "price_usd";
            for (String column : new String[] {"imei", "model", priceColumn}) {
                if (!header.containsKey(column)) {
                    throw invalid(file + ": no column '" + column + "'; an importer's file has the header imei,model,price"
                            + " (price in US dollars; a multi-SIM phone's IMEIs in one cell separated by |)");
                }
            }
            Set<Long> seen = new HashSet<>();
            Map<String, BigDecimal> prices = new HashMap<>();
            for (CSVRecord record : parser) {
                parsed.rows++;
                long line = record.getParser().getCurrentLineNumber();
                String imeiCell = Csv.get(record, header, "imei");
                String model = Csv.get(record, header, "model");
                String price = Csv.get(record, header, priceColumn);
                if (model.isEmpty()) {
                    parsed.refusals.add(new Refusal(line, imeiCell, Refusal.Reason.BAD_ROW, "the model is empty"));
                    continue;
                }
                BigDecimal declared;
                try {
                    declared = prices.get(price);
                    if (declared == null) {
                        declared = Money.parse(price, "price");
                        prices.put(price, declared); // a batch repeats a few prices: parse each once
                    }
                } catch (IllegalArgumentException e) {
                    parsed.refusals.add(new Refusal(line, imeiCell, Refusal.Reason.BAD_ROW, e.getMessage()));
                    continue;
                }
                String[] cells = imeiCell.split("\\|", -1);
                if (imeiCell.isEmpty() || cells.length > settings.maxImeisPerPhone()) {
                    parsed.refusals.add(new Refusal(line, imeiCell, Refusal.Reason.BAD_ROW, imeiCell.isEmpty()
                            ? "no IMEI" : cells.length + " IMEIs; a phone has at most " + settings.maxImeisPerPhone()));
                    continue;
                }
                int phone = ++parsed.phones;
                int modelId = parsed.model(model);
                parsed.declare(phone, declared);
                for (String cell : cells) {
                    Imei imei;
                    try {
                        imei = Imei.parse(cell);
                    } catch (InvalidIdentityException e) {
                        parsed.refusals.add(new Refusal(line, cell, Refusal.Reason.INVALID_IMEI, e.getMessage()));
                        continue;
                    }
                    if (!seen.add(imei.key())) {
                        parsed.refusals.add(new Refusal(line, cell, Refusal.Reason.DUPLICATE_IN_REQUEST,
                                "IMEI " + imei + " appears twice in the file"));
                        continue;
                    }
                    parsed.add(line, imei.key(), phone, modelId);
                    parsed.copy.append(line).append('\t').append(phone).append('\t').append(imei.key()).append('\n');
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw invalid(file + " is not a readable CSV file: " + e.getMessage());
        }
        if (parsed.rows == 0) {
            throw invalid(file + " has no phones (only a header, or nothing)");
        }
        return parsed;
    }

    private Result register(Connection connection, Path file, String sha, String importer, Parsed parsed, String actor)
            throws SQLException {
        List<Refusal> refusals = new ArrayList<>(parsed.refusals);

        // TAC and model, in Java: a batch holds few models, so the catalogue rows fit in a map.
        Set<Integer> tacs = new HashSet<>();
        for (int i = 0; i < parsed.imeis; i++) {
            tacs.add((int) (parsed.keys[i] / 1_000_000L));
        }
        Map<Integer, Catalogue.Model> catalogue = Catalogue.models(connection, tacs);
        Map<Long, Integer> matches = new HashMap<>(); // (tac, typed model) → 1 match, 0 mismatch
        for (int i = 0; i < parsed.imeis; i++) {
            int tac = (int) (parsed.keys[i] / 1_000_000L);
            Catalogue.Model model = catalogue.get(tac);
            if (model == null) {
                String imei = Imei.ofKey(parsed.keys[i]).toString();
                refusals.add(new Refusal(parsed.lines[i], imei, Refusal.Reason.TAC_UNKNOWN, "IMEI " + imei + ": TAC "
                        + imei.substring(0, 8) + " is not in the GSMA catalogue"));
                continue;
            }
            String typed = parsed.modelNames.get(parsed.modelOf[i]);
            int matched = matches.computeIfAbsent(((long) tac << 20) | parsed.modelOf[i], k -> model.matches(typed) ? 1 : 0);
            if (matched == 0) {
                String imei = Imei.ofKey(parsed.keys[i]).toString();
                refusals.add(new Refusal(parsed.lines[i], imei, Refusal.Reason.MODEL_MISMATCH, "IMEI " + imei + " is a "
                        + model + " by its TAC, not a " + typed));
            }
        }

        // What the register says of the IMEIs, in SQL: COPY them in, join once.
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE batch_imei (line bigint, phone integer, imei bigint) ON COMMIT DROP");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY batch_imei FROM STDIN",
                    new StringReader(parsed.copy.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of the batch failed: " + e.getMessage(), e);
        }
        // Stolen and clone IMEIs are looked up here; registered ones are found by the unique index
        // while inserting (below), so a good batch reads the registered IMEIs once, not twice.
        refusals.addAll(refusals(connection, STOLEN_OR_CLONE, 0));
        if (!refusals.isEmpty()) {
            refusals.addAll(refusals(connection, REGISTERED, 0));
            throw new BatchRefused(refusals);
        }

        // The duty, once per catalogue model: the excise (and, were importers charged it, the state duty).
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        Map<String, ModelDuty> byModel = new LinkedHashMap<>();
        Map<Integer, ModelDuty> byTac = new HashMap<>();
        int lastPhone = 0;
        for (int i = 0; i < parsed.imeis; i++) {
            if (parsed.phoneOf[i] == lastPhone) {
                continue; // a multi-SIM phone pays once
            }
            lastPhone = parsed.phoneOf[i];
            int tac = (int) (parsed.keys[i] / 1_000_000L);
            ModelDuty duty = byTac.get(tac);
            if (duty == null) { // TACs of one model (a dual-SIM phone's) share its duty
                Catalogue.Model model = catalogue.get(tac);
                duty = byModel.computeIfAbsent(Catalogue.squash(model.manufacturer()) + "\n"
                        + Catalogue.squash(model.modelName()), k -> new ModelDuty(model));
                byTac.put(tac, duty);
            }
            duty.phones++;
            duty.declared = duty.declared.add(parsed.declared[lastPhone]);
        }
        BigDecimal total = BigDecimal.ZERO;
        List<DutyLine> lines = new ArrayList<>();
        DutyQuote sample = null;
        for (ModelDuty duty : byModel.values()) {
            duty.market = Catalogue.marketPrice(connection, duty.model).orElse(null);
            DutyQuote quote = tariff.quote(new DutyRequest(today, Payer.IMPORTER, duty.model.make(), duty.model.name(),
                    duty.model.deviceType(), Optional.ofNullable(duty.market), Optional.empty(), 0));
            duty.perPhone = quote.total();
            BigDecimal subtotal = quote.total().multiply(BigDecimal.valueOf(duty.phones));
            lines.add(new DutyLine(duty.model.toString(), String.format("%,d phone(s) × %s (%s)", duty.phones,
                    Money.format(quote.total(), quote.currency()), summary(quote)), Money.cents(subtotal), "batch.model",
                    List.of(Integer.toString(duty.phones), Money.format(quote.total(), quote.currency()))));
            total = total.add(subtotal);
            sample = quote;
        }
        DutyQuote batchQuote = new DutyQuote(sample.tariffVersion(), sample.effectiveFrom(), sample.assumption(),
                tariff.currency(), lines, Money.cents(total));
        String status = total.signum() == 0 ? "ACTIVE" : "PENDING_PAYMENT";

        long job = ImportJobs.record(connection, "REGISTRATIONS", file, sha, "SUCCEEDED", parsed.rows, parsed.imeis,
                null, actor);
        String reference = References.next('B');
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration (reference, kind, status,"
                + " owner_name, duty_amount, duty_currency, tariff_version, duty_quote, device_count, import_job_id,"
                + " created_by, activated_at) VALUES (?, 'IMPORTER', ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?,"
                + " CASE WHEN ? = 'ACTIVE' THEN now() END) RETURNING id")) {
            insert.setString(1, reference);
            insert.setString(2, status);
            insert.setString(3, importer);
            insert.setBigDecimal(4, batchQuote.total());
            insert.setString(5, batchQuote.currency());
            insert.setString(6, batchQuote.tariffVersion());
            insert.setString(7, Json.quote(batchQuote));
            insert.setInt(8, parsed.phones);
            insert.setLong(9, job);
            insert.setString(10, actor);
            insert.setString(11, status);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_model (registration_id,"
                + " tac, make, model, phones, declared_total, market_price, duty_per_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ModelDuty duty : byModel.values()) {
                insert.setLong(1, id);
                insert.setInt(2, duty.model.tac());
                insert.setString(3, duty.model.make());
                insert.setString(4, duty.model.name());
                insert.setInt(5, duty.phones);
                insert.setBigDecimal(6, duty.declared);
                insert.setBigDecimal(7, duty.market);
                insert.setBigDecimal(8, duty.perPhone);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // In IMEI order, so that the indexes are filled leaf after leaf. An IMEI registered already
        // (before, or by a batch committed meanwhile) is skipped by the live-IMEI unique index; then
        // the batch is refused naming each one, and the transaction undoes this registration.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_imei (registration_id,"
                + " imei, device_no) SELECT ?, imei, phone FROM batch_imei ORDER BY imei"
                + " ON CONFLICT (imei) WHERE NOT cancelled DO NOTHING")) {
            insert.setLong(1, id);
            if (insert.executeUpdate() != parsed.imeis) {
                throw new BatchRefused(refusals(connection, REGISTERED, id));
            }
        }
        if ("ACTIVE".equals(status)) {
            Activation.announce(connection, id, reference);
        }
        AuditLog.append(connection, actor, "REGISTRATION_CREATED", "registration:" + reference, null,
                Json.object("kind", "IMPORTER", "status", status, "importer", importer, "phones", parsed.phones,
                        "imeis", parsed.imeis, "import_job", job, "duty", batchQuote.total().toPlainString(),
                        "tariff", batchQuote.tariffVersion()), file.getFileName().toString());
        return new Result(reference, status, job, parsed.phones, parsed.imeis, batchQuote.total(),
                batchQuote.currency(), batchQuote);
    }

    private static final String STOLEN_OR_CLONE = "SELECT b.line, b.imei, d.status FROM batch_imei b"
            + " JOIN device_status d ON d.imei = b.imei AND d.status IN ('STOLEN', 'CLONE')";
    private static final String REGISTERED = "SELECT b.line, b.imei, 'REGISTERED' FROM batch_imei b"
            + " JOIN registration_imei ri ON ri.imei = b.imei AND NOT ri.cancelled AND ri.registration_id <> ?";

    /**
     * The batch's IMEIs that the register refuses by {@code query}: stolen or a clone, or registered
     * to another registration than {@code own} (0 before the batch has one).
     */
    private static List<Refusal> refusals(Connection connection, String query, long own) throws SQLException {
        List<Refusal> refusals = new ArrayList<>();
        try (PreparedStatement check = connection.prepareStatement(query)) {
            if (query.equals(REGISTERED)) {
                check.setLong(1, own);
            }
            try (ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    String imei = Imei.ofKey(rows.getLong(2)).toString();
                    Refusal.Reason reason = switch (rows.getString(3)) {
                        case "STOLEN" -> Refusal.Reason.STOLEN;
                        case "CLONE" -> Refusal.Reason.CLONE;
                        default -> Refusal.Reason.ALREADY_REGISTERED;
                    };
                    refusals.add(new Refusal(rows.getLong(1), imei, reason, DeviceChecks.explain(reason, imei)));
                }
            }
        }
        return refusals;
    }

    /** One catalogue model of a batch: its phones, their declared total, its market price and duty per phone. */
    private static final class ModelDuty {
        final Catalogue.Model model;
        int phones;
        BigDecimal declared = BigDecimal.ZERO;
        BigDecimal market;
        BigDecimal perPhone;

        ModelDuty(Catalogue.Model model) {
            this.model = model;
        }
    }

    private static String summary(DutyQuote quote) {
        List<String> parts = new ArrayList<>();
        for (DutyLine line : quote.lines()) {
            if (line.amount() != null && line.amount().signum() > 0) {
                parts.add(line.item() + " " + line.basis());
            }
        }
        return parts.isEmpty() ? "nothing due" : String.join("; ", parts);
    }

    private RegistrationException fail(Path file, String sha, int rows, List<Refusal> unsorted, String actor) {
        List<Refusal> refusals = new ArrayList<>(unsorted);
        refusals.sort(Comparator.comparingLong(Refusal::line).thenComparing(Refusal::imei));
        List<String> report = new ArrayList<>();
        for (Refusal refusal : refusals.subList(0, Math.min(REPORT_LIMIT, refusals.size()))) {
            report.add(refusal.toString());
        }
        database.transaction(c -> ImportJobs.record(c, "REGISTRATIONS", file, sha, "FAILED", rows, 0,
                Json.object("rejected", refusals.size(), "rows", report), actor));
        return new RegistrationException(RegistrationException.Kind.INVALID, file.getFileName() + ": "
                + refusals.size() + " row(s) refused, nothing registered; first: " + refusals.get(0), refusals);
    }

    private static RegistrationException invalid(String message) {
        return new RegistrationException(RegistrationException.Kind.INVALID, message);
    }

    /** Rolls the batch's transaction back, carrying the rows refused by the database's checks. */
    private static final class BatchRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Refusal> refusals;

        BatchRefused(List<Refusal> refusals) {
            super(refusals.size() + " rows refused", null, false, false);
            this.refusals = refusals;
        }
    }
}
