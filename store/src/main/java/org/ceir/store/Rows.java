package org.ceir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a parameterised query as a list: the prepare, bind, execute and read loop that every
 * read of a few rows writes otherwise. For reads of millions of rows (exports, the check engine's
 * load) stream with a fetch size instead.
 */
public final class Rows {
    /** One row of a result set as a value. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Rows() {
    }

    /** The rows {@code sql} selects with {@code parameters} bound in order ({@code setObject}), read by {@code reader}. */
    public static <T> List<T> list(Connection connection, String sql, Reader<T> reader, Object... parameters)
            throws SQLException {
        List<T> list = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    list.add(reader.read(rows));
                }
            }
        }
        return list;
    }
}
