package org.ceir.registration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imei;
import org.ceir.registration.duty.AzerbaijanTariff;
import org.ceir.registration.notify.NotifySettings;
import org.ceir.store.Database;
import org.ceir.store.Operators;

/** A small register for tests: Azerbaijan's settings, four models, their prices, and the services over them. */
final class Fixture {
    static final int IPHONE = 35000001;
    static final int IPHONE_SECOND_TAC = 35000002;
    static final int GALAXY = 35000003;
    static final int NOKIA = 35000004;
    static final int UNPRICED = 35000005;
    static final byte[] KEY = new byte[32];
    static final String SECRET = "a-provider-secret-of-some-length";

    static final Country COUNTRY = new Country("Azerbaijan", "400", "994", "0", 9, List.of(
            new Operator("azercell", "Azercell", "400", "01"), new Operator("bakcell", "Bakcell", "400", "02"),
            new Operator("nar", "Nar", "400", "04")), Map.of());

    final Database database;
    final RegistrationSettings settings;
    final OwnerIds ownerIds;
    final Registrations registrations;
    final Payments payments;
    final StolenReports stolen;
    final ImporterBatches batches;
    final Deadlines deadlines;

    Fixture(Database database, Clock clock) {
        this.database = database;
        this.settings = settings();
        this.ownerIds = OwnerIds.fromSettings(settings, java.nio.file.Path.of("."));
        this.registrations = new Registrations(database, settings, ownerIds, new NumberingPlan(COUNTRY), clock);
        this.payments = new Payments(database, settings);
        this.stolen = new StolenReports(database, ownerIds, settings.zone());
        this.batches = new ImporterBatches(database, settings, clock);
        this.deadlines = new Deadlines(database, settings, COUNTRY);
        database.transaction(c -> {
            Operators.sync(c, COUNTRY);
            catalogue(c);
            return null;
        });
    }

    /** A fixed moment in a year without the excise (2024), so duties are the 2023 table's. */
    static Clock in2024() {
        return Clock.fixed(Instant.parse("2024-06-01T08:00:00Z"), ZoneOffset.UTC);
    }

    static RegistrationSettings settings() {
        return new RegistrationSettings("Asia/Baku", "AZN", new BigDecimal("1.70"), AzerbaijanTariff.versions(),
                "[0-9A-Z]{7}", "FIN", Base64.getEncoder().encodeToString(KEY), "", 4, SECRET, 30, List.of(7, 1),
                List.of("Modem"), new NotifySettings("log", "en", "CEIR", 3, 60, 30, 100, "", Map.of()));
    }

    static String imei(int tac, int serial) {
        return Imei.ofKey(tac * 1_000_000L + serial).toString();
    }

    static long key(int tac, int serial) {
        return tac * 1_000_000L + serial;
    }

    static Registrations.PhoneApplication application(String fin, String... imeis) {
        return new Registrations.PhoneApplication(fin, "Aysel Mammadova", "050 123 45 67", "", List.of(imeis),
                new BigDecimal("700"));
    }

    private static void catalogue(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM tac_model WHERE tac BETWEEN 35000001 AND 35000005");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tac_model (tac, manufacturer, model_name,"
                + " marketing_name, brand_name, device_type) VALUES (?, ?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                {IPHONE, "Apple Inc", "A2633", "iPhone 13", "Apple", "Smartphone"},
                {IPHONE_SECOND_TAC, "Apple Inc", "A2633", "iPhone 13", "Apple", "Smartphone"},
                {GALAXY, "Samsung Korea", "SM-A057F", "Galaxy A05s", "Samsung", "Smartphone"},
                {NOKIA, "HMD Global", "TA-1174", "Nokia 105", "Nokia", "Mobile Phone/Feature phone"},
                {UNPRICED, "Obscure Ltd", "OB-1", "Obscurephone", "Obscure", "Smartphone"},
            };
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO model_price (manufacturer, model, market_price_usd) VALUES"
                    + " ('Apple', 'iPhone 13', 850), ('Samsung', 'Galaxy A05s', 140), ('Nokia', 'Nokia 105', 25)"
                    + " ON CONFLICT DO NOTHING");
        }
    }

    /** Rows of a table matching a condition, for assertions. */
    long count(String sqlFromWhere, Object... parameters) {
        return database.transaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM " + sqlFromWhere)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (var row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    void sql(String statement) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
            return null;
        });
    }
}
