package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;

/**
 * The reference data dimensions compare IMEIs with, loaded once per run, only what the configured
 * dimensions need: the TAC catalogue (TAC → radios of the model), the registered IMEIs, the
 * stolen IMEIs, and the country's MCCs.
 */
final class Lookups {
    /** TAC → the radios its model supports (0 when unknown); TACs absent are not in the catalogue. */
    final Int2IntOpenHashMap tacRats = new Int2IntOpenHashMap();
    final LongOpenHashSet registered = new LongOpenHashSet();
    final LongOpenHashSet stolen = new LongOpenHashSet();
    final IntOpenHashSet homeMccs = new IntOpenHashSet();

    Lookups(Country country) {
        tacRats.defaultReturnValue(-1);
        homeMccs.add(Integer.parseInt(country.mcc()));
        for (Operator operator : country.operators()) {
            homeMccs.add(Integer.parseInt(operator.mcc()));
        }
    }

    static Lookups load(Connection connection, Country country, Set<Dimension.Lookup> needed) throws SQLException {
        Lookups lookups = new Lookups(country);
        if (needed.contains(Dimension.Lookup.TAC_CATALOGUE)) {
            // DIRBS compares radios per model: a TAC's model supports what any TAC of the same model does.
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT t.tac, m.rats FROM tac_model t JOIN (SELECT manufacturer, model_name,"
                            + " bit_or(rat_bitmask) AS rats FROM tac_model GROUP BY manufacturer, model_name) m"
                            + " USING (manufacturer, model_name)");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lookups.tacRats.put(rows.getInt(1), rows.getInt(2));
                }
            }
        }
        if (needed.contains(Dimension.Lookup.REGISTRATIONS)) {
            readKeys(connection, "SELECT DISTINCT ri.imei FROM registration_imei ri"
                    + " JOIN registration r ON r.id = ri.registration_id WHERE r.status = ?", "ACTIVE",
                    lookups.registered);
        }
        if (needed.contains(Dimension.Lookup.STOLEN)) {
            readKeys(connection, "SELECT imei FROM device_status WHERE status = ?", "STOLEN", lookups.stolen);
        }
        return lookups;
    }

    private static void readKeys(Connection connection, String sql, String parameter, LongOpenHashSet into)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            query.setFetchSize(50_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    into.add(rows.getLong(1));
                }
            }
        }
    }
}
