package org.ceir.registration.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ceir.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, at least once.
 *
 * <p>A round takes up to {@code batch-size} due messages and, in the same statement, leases them
 * (status SENDING, next attempt after {@code lease-seconds}) and commits, so that two senders never
 * take the same message. Each message is then sent and its outcome written: SENT with the SMSC's
 * part ids; or, on failure, QUEUED again after an exponential backoff, or FAILED once
 * {@code max-attempts} are spent or the SMSC refused it for good. A sender that dies mid-round
 * leaves its messages leased; when the lease runs out they are due again, so none is lost (one may
 * go twice if the process died after the SMSC took it and before the outcome was written: SMS
 * cannot be sent exactly once).
 *
 * <p>Delivery receipts are stored as they arrive ({@link #receiptSink}) and matched to parts each
 * round: a message is DELIVERED when every part is, UNDELIVERABLE when any part finally is not.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Database database;
    private final SmsChannel channel;
    private final NotifySettings settings;

    /** What one round did. */
    public record Round(int sent, int retrying, int failed, int receiptsMatched) {
        public int handled() {
            return sent + retrying + failed;
        }
    }

    public Dispatcher(Database database, SmsChannel channel, NotifySettings settings) {
        this.database = database;
        this.channel = channel;
        this.settings = settings;
    }

    /** A sink that stores receipts in the database, for the channel to call. */
    public static ReceiptSink receiptSink(Database database) {
        return (smsc, messageId, state, error) -> database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO smsc_receipt (smsc,"
                    + " smsc_message_id, state, error) VALUES (?, ?, ?, ?) ON CONFLICT (smsc, smsc_message_id)"
                    + " DO UPDATE SET state = excluded.state, error = excluded.error, received_at = now()")) {
                insert.setString(1, smsc);
                insert.setString(2, messageId);
                insert.setString(3, state);
                insert.setString(4, error);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** One round: send what is due, then match receipts. */
    public Round runOnce() {
        List<Claimed> claimed = database.transaction(this::claim);
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (Claimed message : claimed) {
            try {
                List<String> ids = channel.send(new SmsChannel.Sms(message.id, message.operator, message.msisdn,
                        message.body));
                database.transaction(connection -> recordSent(connection, message, ids));
                sent++;
            } catch (SmsChannel.SendException e) {
                boolean giveUp = e.permanent() || message.attempts >= settings.maxAttempts();
                database.transaction(connection -> recordFailure(connection, message, e.getMessage(), giveUp));
                LOG.warn("SMS #{} attempt {} failed{}: {}", message.id, message.attempts,
                        giveUp ? " for good" : ", will retry", e.getMessage());
                if (giveUp) {
                    failed++;
                } else {
                    retrying++;
                }
            }
        }
        int matched = database.transaction(Dispatcher::matchReceipts);
        return new Round(sent, retrying, failed, matched);
    }

    /** Rounds until nothing is due; returns their sum. */
    public Round runUntilIdle() {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int matched = 0;
        while (true) {
            Round round = runOnce();
            sent += round.sent();
            retrying += round.retrying();
            failed += round.failed();
            matched += round.receiptsMatched();
            if (round.handled() == 0) {
                return new Round(sent, retrying, failed, matched);
            }
        }
    }

    private record Claimed(long id, String msisdn, String body, int attempts, String operator) {
    }

    private List<Claimed> claim(Connection connection) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE notification n SET status = 'SENDING',"
                + " attempts = n.attempts + 1, next_attempt_at = now() + make_interval(secs => ?), channel = ?"
                + " FROM (SELECT id FROM notification WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= now()"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) due WHERE n.id = due.id"
                + " RETURNING n.id, n.msisdn, n.body, n.attempts, (SELECT code FROM operator o WHERE o.id = n.operator_id)")) {
            update.setInt(1, settings.leaseSeconds());
            update.setString(2, channel.name());
            update.setInt(3, settings.batchSize());
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5)));
                }
            }
        }
        claimed.sort((a, b) -> Long.compare(a.id, b.id));
        return claimed;
    }

    private Void recordSent(Connection connection, Claimed message, List<String> ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE notification SET status = 'SENT',"
                + " sent_at = now(), last_error = NULL WHERE id = ?")) {
            update.setLong(1, message.id);
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_part (notification_id,"
                + " part, smsc, smsc_message_id) VALUES (?, ?, ?, ?) ON CONFLICT (notification_id, part) DO UPDATE"
                + " SET smsc = excluded.smsc, smsc_message_id = excluded.smsc_message_id, receipt_state = NULL,"
                + " receipt_at = NULL")) {
            String smsc = channel.smscOf(message.operator);
            for (int i = 0; i < ids.size(); i++) {
                insert.setLong(1, message.id);
                insert.setInt(2, i + 1);
                insert.setString(3, smsc);
                insert.setString(4, ids.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    private Void recordFailure(Connection connection, Claimed message, String error, boolean giveUp)
            throws SQLException {
        long backoff = Math.min(86_400L, (long) settings.backoffSeconds() << Math.min(20, message.attempts - 1));
        try (PreparedStatement update = connection.prepareStatement("UPDATE notification SET status = ?,"
                + " last_error = ?, next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")) {
            update.setString(1, giveUp ? "FAILED" : "QUEUED");
            update.setString(2, error);
            update.setLong(3, backoff);
            update.setLong(4, message.id);
            update.executeUpdate();
        }
        return null;
    }

    /** Copies stored receipts onto their parts and settles messages whose parts all have one. */
    static int matchReceipts(Connection connection) throws SQLException {
        int matched;
        try (PreparedStatement parts = connection.prepareStatement("UPDATE notification_part p SET"
                + " receipt_state = r.state, receipt_at = r.received_at FROM smsc_receipt r"
                + " WHERE p.smsc = r.smsc AND p.smsc_message_id = r.smsc_message_id"
                + " AND p.receipt_state IS DISTINCT FROM r.state")) {
            matched = parts.executeUpdate();
        }
        if (matched == 0) {
            return 0;
        }
        try (PreparedStatement settle = connection.prepareStatement("UPDATE notification n SET status = CASE"
                + " WHEN s.failed THEN 'UNDELIVERABLE' ELSE 'DELIVERED' END, delivered_at = CASE WHEN s.failed"
                + " THEN NULL ELSE s.last_receipt END FROM (SELECT notification_id,"
                + " bool_or(receipt_state IN ('UNDELIV', 'EXPIRED', 'REJECTD', 'DELETED', 'UNKNOWN')) AS failed,"
                + " bool_and(receipt_state = 'DELIVRD') AS delivered, max(receipt_at) AS last_receipt"
                + " FROM notification_part p JOIN notification m ON m.id = p.notification_id AND m.status = 'SENT'"
                + " GROUP BY notification_id) s"
                + " WHERE n.id = s.notification_id AND n.status = 'SENT' AND (s.failed OR s.delivered)")) {
            settle.executeUpdate();
        }
        return matched;
    }
}
