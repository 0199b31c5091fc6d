package org.ceir.registration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Look-ups in the GSMA TAC catalogue ({@code tac_model}) and the ministry's price list ({@code model_price}). */
final class Catalogue {
    private Catalogue() {
    }

    /** A TAC's model as the GSMA catalogue names it. */
    record Model(int tac, String manufacturer, String modelName, String marketingName, String brand, String deviceType) {

        /** The make people know (the brand, else the manufacturer). */
        String make() {
            return brand == null || brand.isBlank() ? manufacturer : brand;
        }

        /** The name people know (the marketing name, else the model name). */
        String name() {
            return marketingName == null || marketingName.isBlank() ? modelName : marketingName;
        }

        /** Whether a typed model names this one: its model or marketing name, with or without the make. */
        boolean matches(String typed) {
            String wanted = squash(typed);
            for (String candidate : new String[] {modelName, marketingName, make() + " " + name(),
                manufacturer + " " + modelName}) {
                if (candidate != null && squash(candidate).equals(wanted)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether two TACs are the same phone model (a dual-SIM phone may carry two TACs). */
        boolean sameModel(Model other) {
            return squash(manufacturer).equals(squash(other.manufacturer))
                    && squash(modelName).equals(squash(other.modelName));
        }

        @Override
        public String toString() {
            return make() + " " + name();
        }
    }

    static String squash(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static Map<Integer, Model> models(Connection connection, Collection<Integer> tacs) throws SQLException {
        Map<Integer, Model> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT tac, manufacturer, model_name, marketing_name,"
                + " brand_name, device_type FROM tac_model WHERE tac = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("integer", tacs.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getInt(1), new Model(rows.getInt(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        return found;
    }

    /** A model by name, for quotes: the first TAC whose names match. */
    static Optional<Model> modelNamed(Connection connection, String typed) throws SQLException {
        String wanted = squash(typed);
        try (PreparedStatement query = connection.prepareStatement("SELECT tac, manufacturer, model_name, marketing_name,"
                + " brand_name, device_type FROM tac_model WHERE lower(model_name) = ? OR lower(marketing_name) = ?"
                + " OR lower(coalesce(brand_name, manufacturer) || ' ' || coalesce(marketing_name, model_name)) = ?"
                + " ORDER BY tac LIMIT 1")) {
            query.setString(1, wanted);
            query.setString(2, wanted);
            query.setString(3, wanted);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Model(row.getInt(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6))) : Optional.empty();
            }
        }
    }

    /** The market price of a catalogue model: the price list names it by brand or manufacturer and marketing or model name. */
    static Optional<BigDecimal> marketPrice(Connection connection, Model model) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT market_price_usd FROM model_price"
                + " WHERE lower(manufacturer) IN (?, ?) AND lower(model) IN (?, ?) LIMIT 1")) {
            query.setString(1, squash(model.manufacturer()));
            query.setString(2, squash(model.make()));
            query.setString(3, squash(model.name()));
            query.setString(4, squash(model.modelName()));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** The market price of a model named only in the price list ("Apple iPhone 13" or "iPhone 13"). */
    static Optional<PriceList.Entry> priceNamed(Connection connection, String typed) throws SQLException {
        String wanted = squash(typed);
        try (PreparedStatement query = connection.prepareStatement("SELECT manufacturer, model, market_price_usd"
                + " FROM model_price WHERE lower(model) = ? OR lower(manufacturer || ' ' || model) = ?"
                + " ORDER BY manufacturer LIMIT 1")) {
            query.setString(1, wanted);
            query.setString(2, wanted);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new PriceList.Entry(row.getString(1), row.getString(2),
                        row.getBigDecimal(3))) : Optional.empty();
            }
        }
    }
}
