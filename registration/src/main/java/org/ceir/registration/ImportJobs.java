package org.ceir.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/** Rows of {@code import_job} for the files this module takes in (price lists, importers' batches). */
final class ImportJobs {
    private ImportJobs() {
    }

    /** Records a finished import; returns its id. */
    static long record(Connection connection, String kind, Path file, String sha256, String status, long rowsRead,
                       long rowsChanged, String reportJson, String actor) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_job (kind, file_name,"
                + " file_sha256, status, rows_read, rows_changed, report, started_by, finished_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, now()) RETURNING id")) {
            insert.setString(1, kind);
            insert.setString(2, file.getFileName().toString());
            insert.setString(3, sha256);
            insert.setString(4, status);
            insert.setLong(5, rowsRead);
            insert.setLong(6, rowsChanged);
            insert.setString(7, reportJson);
            insert.setString(8, actor);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
