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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        Parsed parsed = parse(file, new StringReader(text));
        String sha = ImportJobs.sha256(file);
        if (!parsed.refusals.isEmpty()) {
            throw fail(file, sha, parsed.rows, parsed.refusals, actor);
        }
        try {
            return database.transaction(connection -> register(connection, file, sha, importer.strip(), parsed, actor));
        } catch (BatchRefused refused) {
            throw fail(file, sha, parsed.rows, refused.refusals, actor);
        }
    }

    /** The file, parsed: one row per IMEI, numbered phones, and the rows refused on their face. */
    private static final class Parsed {
        final StringBuilder copy = new StringBuilder();
        final List<Refusal> refusals = new ArrayList<>();
        int rows;
        int phones;
        int imeis;
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
                    declared = Money.parse(price, "price");
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
                    parsed.imeis++;
                    parsed.copy.append(line).append('\t').append(phone).append('\t').append(imei.key()).append('\t');
                    copyText(parsed.copy, model);
                    parsed.copy.append('\t').append(declared.toPlainString()).append('\n');
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
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE batch_imei (line bigint, phone integer, imei bigint, model text,"
                    + " price numeric(12, 2)) ON COMMIT DROP");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY batch_imei FROM STDIN",
                    new StringReader(parsed.copy.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of the batch failed: " + e.getMessage(), e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE batch_imei");
        }

        List<Refusal> refusals = new ArrayList<>();
        try (PreparedStatement check = connection.prepareStatement("SELECT b.line, b.imei, b.model, t.tac IS NULL,"
                + " t.tac IS NOT NULL AND NOT (lower(b.model) IN (lower(t.model_name), lower(t.marketing_name),"
                + "   lower(coalesce(t.brand_name, t.manufacturer) || ' ' || coalesce(t.marketing_name, t.model_name)),"
                + "   lower(t.manufacturer || ' ' || t.model_name))),"
                + " t.manufacturer, coalesce(t.marketing_name, t.model_name), ri.imei IS NOT NULL, ds.status"
                + " FROM batch_imei b LEFT JOIN tac_model t ON t.tac = b.imei / 1000000"
                + " LEFT JOIN registration_imei ri ON ri.imei = b.imei AND NOT ri.cancelled"
                + " LEFT JOIN LATERAL (SELECT max(status) AS status FROM device_status d"
                + "   WHERE d.imei = b.imei AND d.status IN ('STOLEN', 'CLONE')) ds ON true"
                + " WHERE t.tac IS NULL OR ri.imei IS NOT NULL OR ds.status IS NOT NULL"
                + " OR NOT (lower(b.model) IN (lower(t.model_name), lower(t.marketing_name),"
                + "   lower(coalesce(t.brand_name, t.manufacturer) || ' ' || coalesce(t.marketing_name, t.model_name)),"
                + "   lower(t.manufacturer || ' ' || t.model_name)))"
                + " ORDER BY b.line, b.imei")) {
            try (ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    String imei = Imei.ofKey(rows.getLong(2)).toString();
                    long line = rows.getLong(1);
                    if (rows.getBoolean(4)) {
                        refusals.add(new Refusal(line, imei, Refusal.Reason.TAC_UNKNOWN, "IMEI " + imei + ": TAC "
                                + imei.substring(0, 8) + " is not in the GSMA catalogue"));
                    } else if (rows.getString(9) != null) {
                        Refusal.Reason reason = "STOLEN".equals(rows.getString(9)) ? Refusal.Reason.STOLEN
                                : Refusal.Reason.CLONE;
                        refusals.add(new Refusal(line, imei, reason, DeviceChecks.explain(reason, imei)));
                    } else if (rows.getBoolean(8)) {
                        refusals.add(new Refusal(line, imei, Refusal.Reason.ALREADY_REGISTERED,
                                DeviceChecks.explain(Refusal.Reason.ALREADY_REGISTERED, imei)));
                    } else if (rows.getBoolean(5)) {
                        refusals.add(new Refusal(line, imei, Refusal.Reason.MODEL_MISMATCH, "IMEI " + imei + " is a "
                                + rows.getString(6) + " " + rows.getString(7) + " by its TAC, not a " + rows.getString(3)));
                    }
                }
            }
        }
        if (!refusals.isEmpty()) {
            throw new BatchRefused(refusals);
        }

        // The duty of each model, once: the excise (and, were importers charged it, the state duty).
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        Map<String, ModelDuty> duties = new LinkedHashMap<>();
        try (PreparedStatement models = connection.prepareStatement("SELECT lower(b.model), count(DISTINCT b.phone),"
                + " min(t.tac), min(t.manufacturer), min(t.model_name), min(t.marketing_name), min(t.brand_name),"
                + " min(t.device_type) FROM batch_imei b JOIN tac_model t ON t.tac = b.imei / 1000000"
                + " GROUP BY lower(b.model) ORDER BY lower(b.model)")) {
            try (ResultSet rows = models.executeQuery()) {
                while (rows.next()) {
                    Catalogue.Model model = new Catalogue.Model(rows.getInt(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getString(8));
                    duties.put(rows.getString(1), new ModelDuty(model, rows.getInt(2), null, null));
                }
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        List<DutyLine> lines = new ArrayList<>();
        String version = null;
        DutyQuote sample = null;
        for (Map.Entry<String, ModelDuty> entry : duties.entrySet()) {
            ModelDuty duty = entry.getValue();
            Optional<BigDecimal> market = Catalogue.marketPrice(connection, duty.model);
            DutyQuote quote = tariff.quote(new DutyRequest(today, Payer.IMPORTER, duty.model.make(), duty.model.name(),
                    duty.model.deviceType(), market, Optional.empty(), 0));
            BigDecimal subtotal = quote.total().multiply(BigDecimal.valueOf(duty.phones));
            lines.add(new DutyLine(duty.model.toString(), String.format("%,d phone(s) × %s (%s)", duty.phones,
                    Money.format(quote.total(), quote.currency()), summary(quote)), Money.cents(subtotal)));
            total = total.add(subtotal);
            entry.setValue(new ModelDuty(duty.model, duty.phones, market.orElse(null), quote.total()));
            version = quote.tariffVersion();
            sample = quote;
        }
        DutyQuote batchQuote = new DutyQuote(version, sample.effectiveFrom(), sample.assumption(), tariff.currency(),
                lines, Money.cents(total));
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
            insert.setString(6, version);
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
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE batch_duty (model text PRIMARY KEY, market numeric(12, 2),"
                    + " duty numeric(12, 2)) ON COMMIT DROP");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_duty VALUES (?, ?, ?)")) {
            for (Map.Entry<String, ModelDuty> entry : duties.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setBigDecimal(2, entry.getValue().market);
                insert.setBigDecimal(3, entry.getValue().duty);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_imei (registration_id,"
                + " imei, device_no) SELECT ?, imei, phone FROM batch_imei")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_device (registration_id,"
                + " device_no, tac, make, model, declared_price, market_price, duty_amount)"
                + " SELECT DISTINCT ON (b.phone) ?, b.phone, (b.imei / 1000000)::integer,"
                + " coalesce(t.brand_name, t.manufacturer), coalesce(t.marketing_name, t.model_name), b.price,"
                + " d.market, d.duty FROM batch_imei b JOIN tac_model t ON t.tac = b.imei / 1000000"
                + " JOIN batch_duty d ON d.model = lower(b.model) ORDER BY b.phone, b.imei")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
        if ("ACTIVE".equals(status)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO change_log (imei, change, detail)"
                    + " SELECT imei, 'REGISTERED', ? FROM batch_imei ORDER BY imei")) {
                insert.setString(1, Json.object("registration", reference));
                insert.executeUpdate();
            }
            try (PreparedStatement settle = connection.prepareStatement("UPDATE registration_deadline d SET"
                    + " resolved = 'REGISTERED', resolved_at = now() FROM batch_imei b"
                    + " WHERE d.imei = b.imei AND d.resolved IS NULL")) {
                settle.executeUpdate();
            }
        }
        AuditLog.append(connection, actor, "REGISTRATION_CREATED", "registration:" + reference, null,
                Json.object("kind", "IMPORTER", "status", status, "importer", importer, "phones", parsed.phones,
                        "imeis", parsed.imeis, "import_job", job, "duty", batchQuote.total().toPlainString(),
                        "tariff", version), file.getFileName().toString());
        return new Result(reference, status, job, parsed.phones, parsed.imeis, batchQuote.total(),
                batchQuote.currency(), batchQuote);
    }

    private record ModelDuty(Catalogue.Model model, int phones, BigDecimal market, BigDecimal duty) {
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

    private RegistrationException fail(Path file, String sha, int rows, List<Refusal> refusals, String actor) {
        List<String> report = new ArrayList<>();
        for (Refusal refusal : refusals.subList(0, Math.min(REPORT_LIMIT, refusals.size()))) {
            report.add(refusal.toString());
        }
        database.transaction(c -> ImportJobs.record(c, "REGISTRATIONS", file, sha, "FAILED", rows, 0,
                Json.object("rejected", refusals.size(), "rows", report), actor));
        return new RegistrationException(RegistrationException.Kind.INVALID, file.getFileName() + ": "
                + refusals.size() + " row(s) refused, nothing registered; first: " + refusals.get(0), refusals);
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    out.append(c);
            }
        }
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
