package org.ceir.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.ceir.store.Database;

/** Which make and model an IMEI's TAC names, from the GSMA catalogue ({@code tac_model}). */
final class TacCatalogue {
    /** A device model as the public page shows it. */
    record Model(String manufacturer, String name) {
    }

    /** A TAC look-up: the model, or whether the catalogue is loaded at all (so an unknown TAC means something). */
    record Lookup(Optional<Model> model, boolean catalogueLoaded) {
        boolean unknownTac() {
            return catalogueLoaded && model.isEmpty();
        }
    }

    private final Database database;

    TacCatalogue(Database database) {
        this.database = database;
    }

    Lookup lookup(int tac) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT manufacturer, coalesce(marketing_name, model_name) FROM tac_model WHERE tac = ?")) {
                query.setInt(1, tac);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return new Lookup(Optional.of(new Model(row.getString(1), row.getString(2))), true);
                    }
                }
            }
            try (PreparedStatement any = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM tac_model)");
                 ResultSet row = any.executeQuery()) {
                row.next();
                return new Lookup(Optional.empty(), row.getBoolean(1));
            }
        });
    }
}
