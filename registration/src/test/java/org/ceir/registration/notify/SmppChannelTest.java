package org.ceir.registration.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ceir.registration.notify.SmsEncoding.Part;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMPP channel against an SMSC started inside the test (jSMPP's server session). */
class SmppChannelTest {
    private static Database database;
    private static TestSmsc smsc;
    private static SmppChannel channel;
    private static Dispatcher dispatcher;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        smsc = new TestSmsc();
        NotifySettings settings = new NotifySettings("smpp", "az", "CEIR", 3, 60, 30, 100, "azercell",
                Map.of("azercell", new SmscSettings("127.0.0.1", smsc.port(), TestSmsc.SYSTEM_ID, TestSmsc.PASSWORD,
                        "", 5000)));
        channel = new SmppChannel(settings, Dispatcher.receiptSink(database));
        dispatcher = new Dispatcher(database, channel, settings);
    }

    @AfterAll
    static void stop() throws Exception {
        channel.close();
        smsc.close();
        database.close();
    }

    @Test
    void send_azerbaijaniTextArrivesAsConcatenatedUcs2AndIsDeliveredByReceipt() throws Exception {
        String text = Templates.shipped().render(NoticeKind.GRACE_FIRST, "az",
                Map.of("imei", "350000031234567", "last_day", "01.12.2026"));
        DispatcherTest.queue(database, "smpp-1", "994501234567", text);
        assertThat(dispatcher.runOnce().sent()).isEqualTo(1);
        assertThat(DispatcherTest.status(database, "smpp-1")).isEqualTo("SENT");

        List<SubmitSm> parts = smsc.received.stream().filter(s -> s.getDestAddress().equals("994501234567")).toList();
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.getDataCoding()).isEqualTo((byte) 0x08);
            assertThat(GSMSpecificFeature.UDHI.containedIn(p.getEsmClass())).isTrue();
            assertThat(p.getRegisteredDelivery()).isEqualTo((byte) 1);
        });
        String joined = SmsEncodingTest.join(parts.stream().map(p -> new Part(p.getDataCoding(), p.getShortMessage(),
                true)).collect(Collectors.toList()));
        assertThat(joined).isEqualTo(text);

        for (String id : partIds("smpp-1")) {
            smsc.receipt(id, DeliveryReceiptState.DELIVRD);
        }
        int stored = awaitReceipts(partIds("smpp-1").size());
        assertThat(stored).isEqualTo(partIds("smpp-1").size());
        dispatcher.runOnce();
        assertThat(DispatcherTest.status(database, "smpp-1")).isEqualTo("DELIVERED");
    }

    @Test
    void send_refusedNumberFailsForGood() {
        DispatcherTest.queue(database, "smpp-2", TestSmsc.REFUSED_NUMBER, "hello");
        assertThat(dispatcher.runOnce().failed()).isEqualTo(1);
        assertThat(DispatcherTest.status(database, "smpp-2")).isEqualTo("FAILED");
    }

    @Test
    void send_undeliveredReceiptMarksTheMessageUndeliverable() throws Exception {
        DispatcherTest.queue(database, "smpp-3", "994551234567", "Short english text.");
        assertThat(dispatcher.runOnce().sent()).isEqualTo(1);
        List<String> ids = partIds("smpp-3");
        assertThat(ids).hasSize(1);
        smsc.receipt(ids.get(0), DeliveryReceiptState.UNDELIV);
        awaitReceipt(ids.get(0));
        dispatcher.runOnce();
        assertThat(DispatcherTest.status(database, "smpp-3")).isEqualTo("UNDELIVERABLE");
    }

    private static List<String> partIds(String key) {
        return database.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT p.smsc_message_id FROM notification_part p"
                    + " JOIN notification n ON n.id = p.notification_id WHERE n.dedup_key = ? ORDER BY p.part")) {
                q.setString(1, key);
                try (ResultSet r = q.executeQuery()) {
                    List<String> ids = new java.util.ArrayList<>();
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                    return ids;
                }
            }
        });
    }

    /** Receipts arrive on the SMSC's own thread; wait (bounded) until they are stored. */
    private static int awaitReceipts(int expected) throws InterruptedException {
        int stored = 0;
        for (int i = 0; i < 200 && stored < expected; i++) {
            stored = database.transaction(c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM smsc_receipt WHERE state = 'DELIVRD'");
                     ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            });
            if (stored < expected) {
                Thread.sleep(50);
            }
        }
        return stored;
    }

    private static void awaitReceipt(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            boolean stored = database.transaction(c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM smsc_receipt WHERE smsc_message_id = ?")) {
                    q.setString(1, id);
                    try (ResultSet r = q.executeQuery()) {
                        return r.next();
                    }
                }
            });
            if (stored) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
