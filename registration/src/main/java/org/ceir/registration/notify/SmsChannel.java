package org.ceir.registration.notify;

import java.util.List;

/** A way SMS leave ceir: the log (for demos) or operators' SMSCs over SMPP. */
public interface SmsChannel extends AutoCloseable {

    /** One message to send. */
    record Sms(long id, String operator, String msisdn, String text) {
    }

    /** The channel's name, recorded on each message it sent. */
    String name();

    /**
     * Sends one message.
     *
     * @return the id the SMSC gave each part, in order; receipts refer to them
     * @throws SendException when it did not go; {@link SendException#permanent()} says whether to retry
     */
    List<String> send(Sms sms) throws SendException;

    /** The SMSC a message to this operator goes through (the key receipts are stored under). */
    String smscOf(String operator);

    @Override
    void close();

    /** Sending failed. */
    final class SendException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public SendException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        /** True when trying again cannot help (e.g. the SMSC refused the number). */
        public boolean permanent() {
            return permanent;
        }
    }
}
