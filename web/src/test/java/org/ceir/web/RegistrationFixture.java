package org.ceir.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceir.core.identity.Imei;
import org.ceir.store.Database;

/**
 * A small catalogue for registration's web tests: four models by TAC (the iPhone under two TACs, as
 * dual-SIM phones are) and the ministry's prices of three, so that on the test clock (12 May 2026,
 * under the 2026 tariff) an iPhone 13 pays 70 AZN, a Galaxy A05s 30 and a Nokia 105 15.
 */
final class RegistrationFixture {
    static final int IPHONE = 35000001;
    static final int IPHONE_SECOND_TAC = 35000002;
    static final int GALAXY = 35000003;
    static final int NOKIA = 35000004;
    static final int UNKNOWN_TAC = 99000001;
    private static final Pattern REFERENCE = Pattern.compile("[RBS]-[0-9A-Z]{8}");

    private RegistrationFixture() {
    }

    static void seed(TestServer web) {
        seed(web.database);
    }

    /**
     * A test server over this catalogue whose public forms and payment notices allow 1000 a minute,
     * as the public pages' tests send many.
     */
    static TestServer server() {
        TestServer web = new TestServer(WebSettings.defaults().withFormLimits(1000, 1000));
        seed(web);
        return web;
    }

    static void seed(Database database) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO tac_model (tac, manufacturer, model_name, marketing_name, brand_name, device_type)"
                        + " VALUES (" + IPHONE + ", 'Apple Inc', 'A2633', 'iPhone 13', 'Apple', 'Smartphone'),"
                        + " (" + IPHONE_SECOND_TAC + ", 'Apple Inc', 'A2633', 'iPhone 13', 'Apple', 'Smartphone'),"
                        + " (" + GALAXY + ", 'Samsung Korea', 'SM-A057F', 'Galaxy A05s', 'Samsung', 'Smartphone'),"
                        + " (" + NOKIA + ", 'HMD Global', 'TA-1174', 'Nokia 105', 'Nokia', 'Mobile Phone/Feature phone')");
                s.execute("INSERT INTO model_price (manufacturer, model, market_price_usd) VALUES"
                        + " ('Apple', 'iPhone 13', 850), ('Samsung', 'Galaxy A05s', 140), ('Nokia', 'Nokia 105', 25)");
            }
            return null;
        });
    }

    static String imei(int tac, int serial) {
        return Imei.ofKey(tac * 1_000_000L + serial).toString();
    }

    static long key(int tac, int serial) {
        return tac * 1_000_000L + serial;
    }

    /** The first registration or report reference in a page or body. */
    static String reference(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no reference in: " + text);
        }
        return matcher.group();
    }

    /** Rows of a table matching a condition. */
    static long count(TestServer web, String fromWhere, Object... parameters) {
        return web.database.transaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM " + fromWhere)) {
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
}
