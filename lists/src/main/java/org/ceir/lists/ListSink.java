package org.ceir.lists;

import java.sql.Connection;
import java.sql.SQLException;

import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Compares one list as an export makes it (rows arriving in file order) with the list as it
 * stands, row by row, like a merge: a row only in the new list is added, a row only in the old
 * one removed, a row in both with other values changed (the old row ended, the new one added).
 */
final class ListSink implements AutoCloseable {
    private final ListKind list;
    private final String operator;
    private final EntryStore.Cursor stored;
    private final EntryStore.Appender appender;
    private final LongArrayList removed;
    private ListEntry previous;
    private boolean storedLeft;
    private long rows;
    private long added;
    private long removedCount;
    private long changed;

    /** What a run did to one list. */
    record Counts(long rows, long added, long removed, long changed) {
    }

    ListSink(Connection reader, ListKind list, String operator, EntryStore.Appender appender, LongArrayList removed)
            throws SQLException {
        this.list = list;
        this.operator = operator;
        this.stored = EntryStore.current(reader, list, operator);
        this.appender = appender;
        this.removed = removed;
        this.storedLeft = stored.next();
    }

    ListKind list() {
        return list;
    }

    String operator() {
        return operator;
    }

    /** Takes the next row of the new list; rows must come in file order (a repeated row is dropped). */
    void accept(ListEntry entry) throws SQLException {
        if (previous != null) {
            int order = entry.compareKey(previous);
            if (order == 0) {
                return;
            }
            if (order < 0) {
                throw new IllegalStateException(list + " " + operator + ": rows out of order: " + previous + " then " + entry);
            }
        }
        previous = entry;
        rows++;
        while (storedLeft && stored.entry().compareKey(entry) < 0) {
            removeStored();
        }
        if (storedLeft && stored.entry().compareKey(entry) == 0) {
            if (!stored.entry().sameValues(entry)) {
                removed.add(stored.id());
                appender.add(entry);
                changed++;
            }
            storedLeft = stored.next();
            return;
        }
        appender.add(entry);
        added++;
    }

    /** The new list is complete: whatever the old one has beyond it is removed. */
    Counts finish() throws SQLException {
        while (storedLeft) {
            removeStored();
        }
        return new Counts(rows, added, removedCount, changed);
    }

    @Override
    public void close() throws SQLException {
        stored.close();
    }

    private void removeStored() throws SQLException {
        removed.add(stored.id());
        removedCount++;
        storedLeft = stored.next();
    }
}
