package org.ceir.registration;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ceir.registration.duty.Money;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;

/**
 * The ministry's price catalogue: the market price in US dollars by make and model, which the
 * state duty is set by. Imported from {@code prices.csv} ({@code manufacturer,model,market_price_usd},
 * header in any order and case), all or nothing; a model imported again takes the new price.
 */
public final class PriceList {
    private static final List<String> COLUMNS = List.of("manufacturer", "model", "market_price_usd");
    private final Database database;

    /** One listed model. */
    public record Entry(String manufacturer, String model, BigDecimal marketPriceUsd) {
    }

    /** What an import did. */
    public record ImportResult(long jobId, int rows, int changed) {
    }

    public PriceList(Database database) {
        this.database = database;
    }

    /**
     * Imports a price file. Every row is checked first; one bad row refuses the whole file with a
     * report of every bad row.
     */
    public ImportResult importCsv(Path file, String actor) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, Integer> header = Csv.lowerCaseHeader(parser);
            for (String column : COLUMNS) {
                if (!header.containsKey(column)) {
                    throw new RegistrationException(RegistrationException.Kind.INVALID, file + ": no column '" + column
                            + "'; a price list has the header " + String.join(",", COLUMNS));
                }
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                String manufacturer = Csv.get(record, header, "manufacturer");
                String model = Csv.get(record, header, "model");
                String price = Csv.get(record, header, "market_price_usd");
                if (manufacturer.isEmpty() || model.isEmpty()) {
                    problems.add("line " + line + ": manufacturer and model are both needed");
                    continue;
                }
                BigDecimal usd;
                try {
                    usd = Money.parse(price, "market_price_usd");
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                    continue;
                }
                if (usd.signum() == 0) {
                    problems.add("line " + line + ": market_price_usd 0: a listed model has a price");
                    continue;
                }
                if (!seen.add(Catalogue.squash(manufacturer) + "\n" + Catalogue.squash(model))) {
                    problems.add("line " + line + ": " + manufacturer + " " + model + " is listed twice");
                    continue;
                }
                entries.add(new Entry(manufacturer, model, usd));
            }
        } catch (NoSuchFileException e) {
            throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "price list " + file + " does not exist");
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RegistrationException(RegistrationException.Kind.INVALID, file + " is not a readable CSV file: "
                    + e.getMessage());
        }
        String sha = ImportJobs.sha256(file);
        if (!problems.isEmpty()) {
            database.transaction(c -> ImportJobs.record(c, "PRICES", file, sha, "FAILED", entries.size() + problems.size(),
                    0, Json.object("rejected", problems), actor));
            throw new RegistrationException(RegistrationException.Kind.INVALID, file + ": " + problems.size()
                    + " bad row(s), nothing imported; first: " + problems.get(0));
        }
        return database.transaction(c -> {
            int changed = 0;
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO model_price (manufacturer, model,"
                    + " market_price_usd) VALUES (?, ?, ?) ON CONFLICT ((lower(manufacturer)), (lower(model)))"
                    + " DO UPDATE SET market_price_usd = excluded.market_price_usd, manufacturer = excluded.manufacturer,"
                    + " model = excluded.model, updated_at = now()"
                    + " WHERE model_price.market_price_usd <> excluded.market_price_usd")) {
                for (Entry entry : entries) {
                    upsert.setString(1, entry.manufacturer());
                    upsert.setString(2, entry.model());
                    upsert.setBigDecimal(3, entry.marketPriceUsd());
                    changed += upsert.executeUpdate();
                }
            }
            long job = ImportJobs.record(c, "PRICES", file, sha, changed == 0 ? "UNCHANGED" : "SUCCEEDED",
                    entries.size(), changed, null, actor);
            try (PreparedStatement link = c.prepareStatement("UPDATE model_price SET import_job_id = ?"
                    + " WHERE updated_at = now()")) { // now() is the transaction's start: the rows written by this import
                link.setLong(1, job);
                link.executeUpdate();
            }
            AuditLog.append(c, actor, "PRICES_IMPORTED", "import:" + job, null,
                    Json.object("rows", entries.size(), "changed", changed), file.getFileName().toString());
            return new ImportResult(job, entries.size(), changed);
        });
    }

    /** Every listed model, by manufacturer and model: what a duty calculator offers to choose from. */
    public List<Entry> all() {
        return database.transaction(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT manufacturer, model, market_price_usd"
                    + " FROM model_price ORDER BY lower(manufacturer), lower(model)");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getBigDecimal(3)));
                }
            }
            return entries;
        });
    }

    /** The listed price of a model named as in the list, or as "make model". */
    public Optional<Entry> find(String model) {
        return database.transaction(c -> Catalogue.priceNamed(c, model));
    }
}
