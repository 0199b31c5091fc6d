package org.ceir.registration.notify;

/**
 * One operator's SMSC, reached over SMPP 3.4 as a transceiver (it sends our messages and returns
 * their delivery receipts on the same session).
 *
 * @param host          the SMSC's address
 * @param port          its SMPP port (2775 by convention)
 * @param systemId      the account ceir binds as
 * @param password      that account's password (SMPP allows at most 8 characters)
 * @param systemType    the system type the SMSC expects, often empty
 * @param timeoutMillis how long to wait for a bind or a submit_sm_resp
 */
public record SmscSettings(String host, int port, String systemId, String password, String systemType,
                           int timeoutMillis) {

    public SmscSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("registration.sms.smsc: host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("registration.sms.smsc: port " + port + ": a TCP port");
        }
        if (systemId == null || systemId.isBlank() || systemId.length() > 15) {
            throw new IllegalArgumentException("registration.sms.smsc: system-id '" + systemId + "': 1 to 15 characters (SMPP 3.4 §4.1.1)");
        }
        password = password == null ? "" : password;
        if (password.length() > 8) {
            throw new IllegalArgumentException("registration.sms.smsc: password: at most 8 characters (SMPP 3.4 §4.1.1)");
        }
        systemType = systemType == null ? "" : systemType;
        if (timeoutMillis < 100 || timeoutMillis > 120_000) {
            throw new IllegalArgumentException("registration.sms.smsc: timeout-millis " + timeoutMillis + ": between 100 and 120000");
        }
    }
}
