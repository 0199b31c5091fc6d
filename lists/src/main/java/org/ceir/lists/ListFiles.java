package org.ceir.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a run's files from the list history, so that a file exported to disk and the same file
 * downloaded later are the same bytes: one code path, rows in file order.
 */
final class ListFiles {
    private static final Pattern NAME = Pattern.compile(
            "(blacklist|notifications_([a-z][a-z0-9]{0,31})|exceptions_([a-z][a-z0-9]{0,31}))(_delta)?\\.csv");

    /** What a file name says: which list, whose, full or delta. */
    record Name(ListKind list, String operator, boolean delta) {
        String fileName() {
            return list.fileName(operator, delta);
        }
    }

    private ListFiles() {
    }

    static Optional<Name> parse(String fileName) {
        Matcher match = NAME.matcher(fileName == null ? "" : fileName);
        if (!match.matches()) {
            return Optional.empty();
        }
        boolean delta = match.group(4) != null;
        if (match.group(2) != null) {
            return Optional.of(new Name(ListKind.NOTIFICATIONS, match.group(2), delta));
        }
        if (match.group(3) != null) {
            return Optional.of(new Name(ListKind.EXCEPTIONS, match.group(3), delta));
        }
        return Optional.of(new Name(ListKind.BLACKLIST, "", delta));
    }

    /**
     * Writes a list as it stood at {@code run}.
     *
     * @param latest whether {@code run} is the newest run (its rows are the current ones, which an
     *               index finds directly)
     */
    static ListFile writeFull(Connection connection, Name name, long run, boolean latest, OutputStream out)
            throws SQLException, IOException {
        try (CsvListWriter writer = new CsvListWriter(name.list(), false, out);
             EntryStore.Cursor rows = EntryStore.at(connection, name.list(), name.operator(), run, latest)) {
            while (rows.next()) {
                writer.write(rows.entry());
            }
            writer.finish();
            return file(name, writer);
        }
    }

    /**
     * Writes what changed in a list from run {@code base} (0: before any run) to run {@code run}:
     * rows {@code added}, {@code removed} (with the values they had) and {@code changed} (with
     * their new values). A row removed and added back the same in between is no change.
     */
    static ListFile writeDelta(Connection connection, Name name, long base, long run, OutputStream out)
            throws SQLException, IOException {
        try (CsvListWriter writer = new CsvListWriter(name.list(), true, out);
             EntryStore.Cursor rows = EntryStore.changedBetween(connection, name.list(), name.operator(), base, run)) {
            boolean more = rows.next();
            while (more) {
                ListEntry key = rows.entry();
                ListEntry before = null;
                ListEntry after = null;
                while (more && rows.entry().compareKey(key) == 0) {
                    if (rows.validAt(base)) {
                        before = rows.entry();
                    }
                    if (rows.validAt(run)) {
                        after = rows.entry();
                    }
                    more = rows.next();
                }
                if (before == null && after != null) {
                    writer.write(after, "added");
                } else if (before != null && after == null) {
                    writer.write(before, "removed");
                } else if (before != null && !before.sameValues(after)) {
                    writer.write(after, "changed");
                }
            }
            writer.finish();
            return file(name, writer);
        }
    }

    private static ListFile file(Name name, CsvListWriter writer) {
        return new ListFile(name.fileName(), name.list(),
                name.list().perOperator() ? Optional.of(name.operator()) : Optional.empty(), name.delta(),
                writer.rows(), writer.bytes(), writer.sha256());
    }
}
