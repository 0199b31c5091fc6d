package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL advisory locks of the importer, in the two-key form (class, object) so they never
 * meet the one-key locks of other modules.
 */
final class Locks {
    /** Held by the session running an import job, for as long as it runs: a job whose lock is free is dead. */
    static final int JOB = 0x696d706a;
    /** Serialises the imports of one operator (object: operator id). */
    static final int OPERATOR = 0x696d706f;
    /** Serialises the imports of one list kind (object: the kind's ordinal). */
    static final int LIST = 0x696d706c;
    /** Serialises the creation of monthly triplet partitions. */
    static final int PARTITION = 0x696d7070;

    private Locks() {
    }

    /** Takes a transaction lock, without waiting; true if taken. */
    static boolean tryTransactionLock(Connection connection, int lockClass, int object) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, lockClass);
            lock.setInt(2, object);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    static void transactionLock(Connection connection, int lockClass, int object) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, lockClass);
            lock.setInt(2, object);
            lock.execute();
        }
    }

    static boolean trySessionLock(Connection connection, int lockClass, int object) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, lockClass);
            lock.setInt(2, object);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    static void sessionUnlock(Connection connection, int lockClass, int object) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, lockClass);
            unlock.setInt(2, object);
            unlock.execute();
        }
    }
}
