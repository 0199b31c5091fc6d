package org.ceir.registration.notify;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each SMS to the log instead of sending it: for demos and machines without an SMSC. The
 * number is partly masked, as a log is read by more people than the recipient.
 */
public final class LogChannel implements SmsChannel {
    private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);
    private final AtomicLong sequence = new AtomicLong();
    private final Consumer<String> also;

    /** @param also receives each line as well (the CLI prints them); may be null */
    public LogChannel(Consumer<String> also) {
        this.also = also;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public List<String> send(Sms sms) {
        String line = "SMS #" + sms.id() + " to " + maskNumber(sms.msisdn())
                + (sms.operator() == null ? "" : " (" + sms.operator() + ")") + ": " + sms.text();
        LOG.info(line);
        if (also != null) {
            also.accept(line);
        }
        return List.of("log-" + sequence.incrementAndGet());
    }

    @Override
    public String smscOf(String operator) {
        return "log";
    }

    /** {@code +99450***4567}: country and operator code and the last four digits. */
    static String maskNumber(String msisdn) {
        if (msisdn.length() <= 9) {
            return "+" + "*".repeat(Math.max(0, msisdn.length() - 4)) + msisdn.substring(Math.max(0, msisdn.length() - 4));
        }
        return "+" + msisdn.substring(0, 5) + "*".repeat(msisdn.length() - 9) + msisdn.substring(msisdn.length() - 4);
    }

    @Override
    public void close() {
        // nothing held
    }
}
