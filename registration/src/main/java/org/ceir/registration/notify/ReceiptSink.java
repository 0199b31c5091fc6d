package org.ceir.registration.notify;

/** Where delivery receipts go as SMSCs send them. */
@FunctionalInterface
public interface ReceiptSink {
    /**
     * @param smsc      the operator whose SMSC sent the receipt
     * @param messageId the id the SMSC gave the part when it took it
     * @param state     the final state as the SMSC wrote it (DELIVRD, UNDELIV, EXPIRED, REJECTD…)
     * @param error     the SMSC's error code, or null
     */
    void receipt(String smsc, String messageId, String state, String error);
}
