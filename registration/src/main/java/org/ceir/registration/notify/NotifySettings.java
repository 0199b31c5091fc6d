package org.ceir.registration.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code registration.sms} settings: how the SMS of the outbox go out.
 *
 * @param channel         {@code log} (written to the log, for demos) or {@code smpp} (each operator's SMSC)
 * @param language        the language of the messages: az, en or ru
 * @param sourceAddress   the sender shown on the phone: a short number or up to 11 letters
 * @param maxAttempts     sends tried before a message is given up as FAILED
 * @param backoffSeconds  the wait before the first retry; doubled for each further one
 * @param leaseSeconds    how long a sender owns the messages it took; after that another may send them
 * @param batchSize       messages taken per round
 * @param defaultOperator the operator whose SMSC carries messages to numbers of unknown operator
 *                        (e.g. an applicant's contact number)
 * @param smsc            operator code → its SMSC; needed for channel smpp
 */
public record NotifySettings(String channel, String language, String sourceAddress, int maxAttempts,
                             int backoffSeconds, int leaseSeconds, int batchSize, String defaultOperator,
                             Map<String, SmscSettings> smsc) {

    public NotifySettings {
        if (!"log".equals(channel) && !"smpp".equals(channel)) {
            throw new IllegalArgumentException("registration.sms.channel '" + channel + "': log or smpp");
        }
        if (!Templates.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("registration.sms.language '" + language + "': one of "
                    + Templates.LANGUAGES);
        }
        if (sourceAddress == null || !sourceAddress.matches("[0-9]{1,15}|[A-Za-z0-9 ]{1,11}")) {
            throw new IllegalArgumentException("registration.sms.source-address '" + sourceAddress
                    + "': a number of up to 15 digits or up to 11 letters and digits");
        }
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw new IllegalArgumentException("registration.sms.max-attempts " + maxAttempts + ": between 1 and 50");
        }
        if (backoffSeconds < 1 || backoffSeconds > 86_400) {
            throw new IllegalArgumentException("registration.sms.backoff-seconds " + backoffSeconds
                    + ": between 1 and 86400");
        }
        if (leaseSeconds < 5 || leaseSeconds > 3600) {
            throw new IllegalArgumentException("registration.sms.lease-seconds " + leaseSeconds
                    + ": between 5 and 3600");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("registration.sms.batch-size " + batchSize + ": between 1 and 10000");
        }
        defaultOperator = defaultOperator == null ? "" : defaultOperator.strip();
        Map<String, SmscSettings> checked = new LinkedHashMap<>();
        if (smsc != null) {
            smsc.forEach((operator, settings) -> {
                if (settings == null) {
                    throw new IllegalArgumentException("registration.sms.smsc." + operator + " is empty");
                }
                checked.put(operator, settings);
            });
        }
        smsc = Map.copyOf(checked);
        if ("smpp".equals(channel)) {
            if (smsc.isEmpty()) {
                throw new IllegalArgumentException("registration.sms.channel smpp needs registration.sms.smsc:"
                        + " an SMSC for each operator (host, port, system-id, password)");
            }
            if (!defaultOperator.isEmpty() && !smsc.containsKey(defaultOperator)) {
                throw new IllegalArgumentException("registration.sms.default-operator '" + defaultOperator
                        + "' has no SMSC in registration.sms.smsc " + smsc.keySet());
            }
        }
    }
}
