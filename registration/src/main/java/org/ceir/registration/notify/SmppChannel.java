package org.ceir.registration.notify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS to each operator's SMSC over SMPP 3.4 with jSMPP: one transceiver session per SMSC,
 * bound on first use and bound again after it breaks; every part asks for a delivery receipt
 * (registered_delivery 1), and receipts arriving on the session go to a {@link ReceiptSink}.
 *
 * <p>An SMSC's negative answer whose status means the message itself is wrong (invalid destination,
 * bad data; SMPP 3.4 §5.1.3) is permanent; a throttle, a timeout or a broken connection is worth
 * another try later.
 */
public final class SmppChannel implements SmsChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SmppChannel.class);
    /** ESME_RINVDSTADR, ESME_RINVSRCADR, ESME_RINVMSGLEN, ESME_RINVESMCLASS, ESME_RINVDCS, ESME_RINVDSTTON/NPI. */
    private static final int[] PERMANENT = {0x0B, 0x0A, 0x01, 0x43, 0x104, 0x50, 0x51};

    private final Map<String, SmscSettings> smscs;
    private final String defaultOperator;
    private final String sourceAddress;
    private final ReceiptSink receipts;
    private final Map<String, SMPPSession> sessions = new HashMap<>();

    public SmppChannel(NotifySettings settings, ReceiptSink receipts) {
        this.smscs = settings.smsc();
        this.defaultOperator = settings.defaultOperator().isEmpty() ? smscs.keySet().iterator().next()
                : settings.defaultOperator();
        this.sourceAddress = settings.sourceAddress();
        this.receipts = receipts;
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public String smscOf(String operator) {
        return operator != null && smscs.containsKey(operator) ? operator : defaultOperator;
    }

    @Override
    public synchronized List<String> send(Sms sms) throws SendException {
        String smsc = smscOf(sms.operator());
        SmscSettings target = smscs.get(smsc);
        SMPPSession session = session(smsc, target);
        List<String> ids = new ArrayList<>();
        boolean alphanumeric = !sourceAddress.matches("[0-9]+");
        for (SmsEncoding.Part part : SmsEncoding.encode(sms.text(), ThreadLocalRandom.current().nextInt(256))) {
            try {
                ids.add(session.submitShortMessage("",
                        alphanumeric ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.NATIONAL, NumberingPlanIndicator.UNKNOWN,
                        sourceAddress, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sms.msisdn(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                                part.hasHeader() ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, new GeneralDataCoding(part.dataCoding() == SmsEncoding.UCS2
                                ? Alphabet.ALPHA_UCS2 : Alphabet.ALPHA_DEFAULT),
                        (byte) 0, part.userData()).getMessageId());
            } catch (NegativeResponseException e) {
                boolean permanent = isPermanent(e.getCommandStatus());
                throw new SendException("SMSC " + smsc + " refused part " + (ids.size() + 1) + " with status 0x"
                        + Integer.toHexString(e.getCommandStatus()), permanent, e);
            } catch (ResponseTimeoutException e) {
                drop(smsc);
                throw new SendException("SMSC " + smsc + " did not answer within " + target.timeoutMillis() + " ms",
                        false, e);
            } catch (PDUException e) {
                throw new SendException("the message cannot be put in an SMPP PDU: " + e.getMessage(), true, e);
            } catch (InvalidResponseException | IOException e) {
                drop(smsc);
                throw new SendException("SMSC " + smsc + ": " + e.getMessage(), false, e);
            }
        }
        return ids;
    }

    private SMPPSession session(String smsc, SmscSettings target) throws SendException {
        SMPPSession session = sessions.get(smsc);
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop(smsc);
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(target.timeoutMillis());
        fresh.setMessageReceiverListener(new Receipts(smsc));
        try {
            fresh.connectAndBind(target.host(), target.port(), new BindParameter(BindType.BIND_TRX, target.systemId(),
                    target.password(), target.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    target.timeoutMillis());
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw new SendException("cannot bind to SMSC " + smsc + " at " + target.host() + ":" + target.port() + ": "
                    + e.getMessage(), false, e);
        }
        sessions.put(smsc, fresh);
        LOG.info("bound to SMSC {} at {}:{} as {}", smsc, target.host(), target.port(), target.systemId());
        return fresh;
    }

    private void drop(String smsc) {
        SMPPSession old = sessions.remove(smsc);
        if (old != null) {
            old.unbindAndClose();
        }
    }

    static boolean isPermanent(int commandStatus) {
        for (int status : PERMANENT) {
            if (status == commandStatus) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        for (String smsc : List.copyOf(sessions.keySet())) {
            drop(smsc);
        }
    }

    /** Takes the SMSC's deliver_sm: delivery receipts go to the sink; anything else is acknowledged and dropped. */
    private final class Receipts implements MessageReceiverListener {
        private final String smsc;

        Receipts(String smsc) {
            this.smsc = smsc;
        }

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                return; // a mobile-originated message: ceir takes none
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                receipts.receipt(smsc, receipt.getId(), receipt.getFinalStatus().name(), receipt.getError());
            } catch (InvalidDeliveryReceiptException e) {
                LOG.warn("SMSC {} sent a delivery receipt ceir cannot read: {}", smsc, e.getMessage());
            } catch (RuntimeException e) {
                // answered with an error, so the SMSC sends the receipt again later
                throw new ProcessRequestException("receipt not stored: " + e.getMessage(), 0x08);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used: ceir does not ask for alerts
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03);
        }
    }
}
