package org.ceir.registration.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    static final NotifySettings SETTINGS = new NotifySettings("log", "en", "CEIR", 3, 60, 30, 100, "", Map.of());
    private static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        sql("TRUNCATE notification, notification_part, smsc_receipt");
    }

    static void queue(Database database, String key, String msisdn, String body) {
        database.transaction(c -> Outbox.queue(c, new Outbox.Message(NoticeKind.GRACE_FIRST, key, 35000003000001L,
                msisdn, null, "en", body)));
    }

    static String status(Database database, String key) {
        return database.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT status FROM notification WHERE dedup_key = ?")) {
                q.setString(1, key);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    private static void sql(String statement) {
        database.transaction(c -> {
            try (var s = c.createStatement()) {
                s.execute(statement);
            }
            return null;
        });
    }

    @Test
    void runOnce_logChannelSendsEachQueuedMessageOnce() {
        List<String> lines = new ArrayList<>();
        queue(database, "a", "994501234567", "hello");
        queue(database, "a", "994501234567", "hello again"); // same event: queued once
        Dispatcher dispatcher = new Dispatcher(database, new LogChannel(lines::add), SETTINGS);
        assertThat(dispatcher.runUntilIdle().sent()).isEqualTo(1);
        assertThat(lines).containsExactly("SMS #" + lines.get(0).split("#| ")[2] + " to +99450***4567: hello");
        assertThat(status(database, "a")).isEqualTo("SENT");
        assertThat(dispatcher.runOnce().handled()).isZero();
    }

    @Test
    void queue_rolledBackEventLeavesNoMessage() {
        assertThatThrownBy(() -> database.transaction(c -> {
            Outbox.queue(c, new Outbox.Message(NoticeKind.GRACE_FIRST, "b", 1L, "994501234567", null, "en", "x"));
            throw new IllegalStateException("the event failed");
        })).hasMessage("the event failed");
        assertThat(status(database, "b")).isNull();
    }

    @Test
    void runOnce_senderThatDiesMidSendLeavesTheMessageToBeSentAfterTheLease() {
        queue(database, "c", "994501234567", "survives a crash");
        SmsChannel dying = new SmsChannel() {
            @Override
            public String name() {
                return "log";
            }

            @Override
            public List<String> send(Sms sms) {
                throw new ProcessDeath();
            }

            @Override
            public String smscOf(String operator) {
                return "log";
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new Dispatcher(database, dying, SETTINGS).runOnce()).isInstanceOf(ProcessDeath.class);
        assertThat(status(database, "c")).isEqualTo("SENDING");
        List<String> lines = new ArrayList<>();
        Dispatcher next = new Dispatcher(database, new LogChannel(lines::add), SETTINGS);
        assertThat(next.runOnce().handled()).as("the lease still holds").isZero();
        sql("UPDATE notification SET next_attempt_at = now() - interval '1 second' WHERE dedup_key = 'c'");
        assertThat(next.runOnce().sent()).isEqualTo(1);
        assertThat(lines).hasSize(1).allMatch(line -> line.endsWith("survives a crash"));
        assertThat(status(database, "c")).isEqualTo("SENT");
    }

    @Test
    void runOnce_failuresBackOffThenGiveUp() {
        queue(database, "d", "994501234567", "try");
        SmsChannel broken = new SmsChannel() {
            @Override
            public String name() {
                return "smpp";
            }

            @Override
            public List<String> send(Sms sms) throws SendException {
                throw new SendException("SMSC down", false, null);
            }

            @Override
            public String smscOf(String operator) {
                return "x";
            }

            @Override
            public void close() {
            }
        };
        Dispatcher dispatcher = new Dispatcher(database, broken, SETTINGS);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(dispatcher.runOnce().handled()).isEqualTo(1);
            long waitSeconds = database.transaction(c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT extract(epoch FROM next_attempt_at - now())::bigint"
                        + " FROM notification WHERE dedup_key = 'd'"); ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            });
            if (attempt < 3) {
                assertThat(status(database, "d")).isEqualTo("QUEUED");
                // 60 s, then 120 s: doubled each time
                assertThat(waitSeconds).isBetween(60L * (1L << (attempt - 1)) - 5, 60L * (1L << (attempt - 1)));
                assertThat(dispatcher.runOnce().handled()).as("not due yet").isZero();
                sql("UPDATE notification SET next_attempt_at = now() WHERE dedup_key = 'd'");
            }
        }
        assertThat(status(database, "d")).isEqualTo("FAILED");
    }

    private static final class ProcessDeath extends Error {
        private static final long serialVersionUID = 1L;
    }
}
