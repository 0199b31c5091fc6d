package org.ceir.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

import org.ceir.store.Database;

/** The SIMs paired with an IMEI now, to mark them on its timeline. */
final class Pairings {
    private Pairings() {
    }

    static Set<String> activeImsis(Database database, long imei) {
        return database.transaction(connection -> {
            Set<String> imsis = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT imsi FROM pairing WHERE imei = ? AND imsi IS NOT NULL AND removed_at IS NULL")) {
                query.setLong(1, imei);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        imsis.add(rows.getString(1));
                    }
                }
            }
            return imsis;
        });
    }
}
