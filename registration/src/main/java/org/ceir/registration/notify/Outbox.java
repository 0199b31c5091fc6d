package org.ceir.registration.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Puts messages in the outbox, in the caller's transaction: a message exists exactly when the
 * event it tells of committed, and {@link Dispatcher} sends it later, however often the process
 * stops in between.
 */
public final class Outbox {
    private Outbox() {
    }

    /**
     * One message to queue.
     *
     * @param kind       what it says
     * @param dedupKey   the same key is queued once, so scans may run again safely
     * @param imei       the device it is about, or null
     * @param msisdn     the recipient, E.164 digits
     * @param operatorId the recipient's operator, or null when unknown (the default SMSC carries it)
     * @param language   az, en or ru
     * @param body       the text
     */
    public record Message(NoticeKind kind, String dedupKey, Long imei, String msisdn, Short operatorId,
                          String language, String body) {
    }

    /** Queues one message; false when a message with its key was queued before. */
    public static boolean queue(Connection connection, Message message) throws SQLException {
        try (PreparedStatement insert = prepare(connection)) {
            bind(insert, message);
            return insert.executeUpdate() == 1;
        }
    }

    /** Queues many messages in one statement; returns how many were new. */
    public static int queueAll(Connection connection, List<Message> messages) throws SQLException {
        if (messages.isEmpty()) {
            return 0;
        }
        int n = messages.size();
        String[] kinds = new String[n];
        String[] keys = new String[n];
        Long[] imeis = new Long[n];
        String[] msisdns = new String[n];
        Short[] operators = new Short[n];
        String[] languages = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Message message = messages.get(i);
            kinds[i] = message.kind().name();
            keys[i] = message.dedupKey();
            imeis[i] = message.imei();
            msisdns[i] = message.msisdn();
            operators[i] = message.operatorId();
            languages[i] = message.language();
            bodies[i] = message.body();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification (kind, dedup_key, imei,"
                + " msisdn, operator_id, language, body) SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[],"
                + " ?::text[], ?::smallint[], ?::text[], ?::text[]) ON CONFLICT (dedup_key) DO NOTHING")) {
            insert.setArray(1, connection.createArrayOf("text", kinds));
            insert.setArray(2, connection.createArrayOf("text", keys));
            insert.setArray(3, connection.createArrayOf("bigint", imeis));
            insert.setArray(4, connection.createArrayOf("text", msisdns));
            insert.setArray(5, connection.createArrayOf("smallint", operators));
            insert.setArray(6, connection.createArrayOf("text", languages));
            insert.setArray(7, connection.createArrayOf("text", bodies));
            return insert.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement("INSERT INTO notification (kind, dedup_key, imei, msisdn, operator_id,"
                + " language, body) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING");
    }

    private static void bind(PreparedStatement insert, Message message) throws SQLException {
        insert.setString(1, message.kind().name());
        insert.setString(2, message.dedupKey());
        if (message.imei() == null) {
            insert.setNull(3, Types.BIGINT);
        } else {
            insert.setLong(3, message.imei());
        }
        insert.setString(4, message.msisdn());
        if (message.operatorId() == null) {
            insert.setNull(5, Types.SMALLINT);
        } else {
            insert.setShort(5, message.operatorId());
        }
        insert.setString(6, message.language());
        insert.setString(7, message.body());
    }
}
