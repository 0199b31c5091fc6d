package org.ceir.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;

/**
 * What the three DIRBS lists (registrations, stolen, pairings) share: a header by name, a
 * {@code change_type} column in delta mode, rows validated as a person's typing is (a wrong IMEI
 * check digit is a row error), staged with COPY, then the list's own set-based merge.
 *
 * <p>A delta is applied by computing the whole list it leads to (the current list, less its
 * removes and updates, plus its adds and updates) and merging that like a full file, so both modes
 * share one merge and one way of finding which IMEIs changed.
 */
abstract class ListImport implements FileImport {
    enum Change { ADD, REMOVE, UPDATE }

    final FileSource source;
    final String sha256;
    final ImportOptions options;
    final IngestSettings settings;
    final ImportListener listener;
    long jobId;

    ListImport(FileSource source, String sha256, ImportOptions options, IngestSettings settings,
               ImportListener listener) {
        this.source = source;
        this.sha256 = sha256;
        this.options = options;
        this.settings = settings;
        this.listener = listener;
    }

    /** The list's columns; {@code change_type} is added in delta mode. */
    abstract List<String> required();

    abstract List<String> optional();

    /** Staging columns after {@code line bigint, change text}. */
    abstract String stageColumns();

    /** Validates one row and writes its staging columns; throws IllegalArgumentException for a row error. */
    abstract void row(Fields fields, Header header, Change change, CopyWriter copy);

    /** Merges the staged rows; {@code errors} collects row errors found in SQL (a duplicate, a conflict). */
    abstract Outcome merge(Connection connection, String stage, long rows, Tally errors, Report report)
            throws SQLException;

    @Override
    public Short operatorId() {
        return null;
    }

    @Override
    public int lockClass() {
        return Locks.LIST;
    }

    @Override
    public int lockObject() {
        return kind().ordinal();
    }

    @Override
    public String waitingFor() {
        return "waiting for another " + kind().name().toLowerCase(Locale.ROOT) + " import to finish";
    }

    String expected() {
        List<String> columns = new ArrayList<>(required());
        if (options.delta()) {
            columns.add("change_type");
        }
        return String.join(",", columns) + (optional().isEmpty() ? "" : "[," + String.join(",", optional()) + "]");
    }

    @Override
    public Outcome run(Connection connection, long job, Report report) throws IOException, SQLException {
        this.jobId = job;
        String stage = "ingest_stage_" + job;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + stage + " (line bigint NOT NULL, change text NOT NULL, "
                    + stageColumns() + ") ON COMMIT DROP");
        }
        listener.phase(source.name(), "reading");
        Tally errors = new Tally(settings.sampleRows());
        long rows = 0;
        List<String> required = new ArrayList<>(required());
        if (options.delta()) {
            required.add("change_type");
        }
        try (InputStream in = source.open();
             CopyWriter copy = new CopyWriter(connection, "COPY " + stage + " FROM STDIN")) {
            LineReader lines = new LineReader(in);
            Fields fields = new Fields(',');
            Header header = Header.read(lines, fields, source.name(), required, optional(), false, expected()
                    + (options.delta() ? "" : " (or use --delta for a file with change_type)"));
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                rows++;
                int n = fields.split(lines.buffer(), lines.start(), lines.end());
                if (n != header.count()) {
                    errors.add(lines.lineNumber(), n + " field(s) where the header has " + header.count() + ": "
                            + lines.text());
                    continue;
                }
                try {
                    Change change = options.delta() ? change(fields.text(header.index("change_type"))) : Change.ADD;
                    copy.number(lines.lineNumber()).text(change.name());
                    row(fields, header, change, copy);
                    copy.endRow();
                } catch (IllegalArgumentException e) {
                    errors.add(lines.lineNumber(), e.getMessage() + ": " + lines.text());
                    copy.discardRow();
                }
                if (rows % 65_536 == 0) {
                    listener.progress(source.name(), source.bytesRead(), source.size(), rows);
                }
            }
            source.drain();
            copy.finish();
        }
        listener.progress(source.name(), source.size(), source.size(), rows);
        if (!source.sha256OfWhatWasRead().equals(sha256)) {
            throw new Refused(source.name() + " changed while it was being imported; import it again once it is complete");
        }
        report.count("rows", rows);
        refuseRowErrors(source.name(), errors, report);
        if (rows == 0 && options.delta()) {
            throw new Refused(source.name() + " has a header but no changes");
        }
        listener.phase(source.name(), "merging");
        Outcome outcome = merge(connection, stage, rows, errors, report);
        refuseRowErrors(source.name(), errors, report);
        return outcome;
    }

    /** Refuses the file when any row was wrong: lists are all or nothing. */
    static void refuseRowErrors(String fileName, Tally errors, Report report) {
        if (errors.count() > 0) {
            report.count("row errors", errors.count());
            report.check("rows", Report.Verdict.FAILED, errors.count() + " row error(s)", errors.samples());
            throw new Refused(fileName + ": " + errors.count() + " row error" + (errors.count() == 1 ? "" : "s")
                    + ", first " + errors.samples().get(0));
        }
    }

    static Change change(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "add":
                return Change.ADD;
            case "remove":
                return Change.REMOVE;
            case "update":
                return Change.UPDATE;
            default:
                throw new IllegalArgumentException("change_type '" + text + "' is not add, remove or update");
        }
    }

    /** An IMEI typed by a person: 14 digits, or 15 with the right check digit. */
    static long imei(String text) {
        try {
            return Imei.parse(text).key();
        } catch (InvalidIdentityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static String text(Fields fields, Header header, String column) {
        int index = header.index(column);
        if (index < 0) {
            return null;
        }
        String value = fields.text(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** Adds the rows a query returns ({@code line, message}) as row errors. */
    static void errorsFrom(Connection connection, String sql, Tally errors, long... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    errors.add(rows.getLong(1), rows.getString(2));
                }
            }
        }
    }

    static long update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    String summary(long rows, long changed, String what) {
        return changed == 0
                ? String.format(Locale.ROOT, "%s: nothing changed: the store already held this list (%,d rows, job %d)",
                        source.name(), rows, jobId)
                : String.format(Locale.ROOT, "%s: %,d rows imported as job %d: %s", source.name(), rows, jobId, what);
    }
}
