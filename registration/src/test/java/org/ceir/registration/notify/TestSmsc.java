package org.ceir.registration.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests, with jSMPP's server session, on 127.0.0.1 and an ephemeral port: it accepts
 * binds with one password, keeps every submit_sm, refuses one number as an invalid destination,
 * and sends delivery receipts when asked.
 */
final class TestSmsc implements AutoCloseable {
    static final String SYSTEM_ID = "ceir";
    static final String PASSWORD = "secret";
    static final String REFUSED_NUMBER = "994509999999";

    final List<SubmitSm> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Loopback loopback = new Loopback();
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private volatile SMPPServerSession session;

    TestSmsc() throws IOException {
        listener = new SMPPServerSessionListener(0, loopback);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::acceptLoop, "test-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return loopback.port;
    }

    private void acceptLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SMPPServerSession accepted = listener.accept();
                BindRequest bind = accepted.waitForBind(5000);
                if (SYSTEM_ID.equals(bind.getSystemId()) && PASSWORD.equals(bind.getPassword())) {
                    bind.accept("test-smsc");
                    session = accepted;
                } else {
                    bind.reject(0x0E); // ESME_RINVPASWD
                }
            } catch (IOException | TimeoutException | PDUStringException e) {
                return;
            }
        }
    }

    /** Sends a delivery receipt for a message id, as an SMSC does once the phone has (or has not) taken it. */
    void receipt(String messageId, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                new Date(), new Date(), state, "000", "");
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "994500000000",
                TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "CEIR",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
                receipt.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        acceptor.interrupt();
        if (session != null) {
            session.unbindAndClose();
        }
        listener.close();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            if (REFUSED_NUMBER.equals(submitSm.getDestAddress())) {
                throw new ProcessRequestException("invalid destination", 0x0B);
            }
            received.add(submitSm);
            try {
                return new SubmitSmResult(new MessageId(Integer.toHexString(ids.incrementAndGet())),
                        new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    /** Listens on the loopback address only, and remembers the port the system chose. */
    private static final class Loopback implements ServerConnectionFactory {
        volatile int port;

        @Override
        public ServerConnection listen(int requested) throws IOException {
            return listen(requested, 0, 50);
        }

        @Override
        public ServerConnection listen(int requested, int timeout) throws IOException {
            return listen(requested, timeout, 50);
        }

        @Override
        public ServerConnection listen(int requested, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket(requested, backlog, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(timeout);
            port = socket.getLocalPort();
            return new ServerSocketConnection(socket);
        }
    }
}
