package org.ceir.registration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.ceir.core.identity.Imei;
import org.ceir.registration.duty.Money;
import org.ceir.registration.notify.NoticeKind;
import org.ceir.registration.notify.Outbox;
import org.ceir.registration.notify.Templates;

/** Writes this module's SMS into the outbox, in the language the settings choose. */
final class Notices {
    /** Days as people in Azerbaijan (and Russia) write them. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final String language;
    private final Templates templates = Templates.shipped();

    Notices(RegistrationSettings settings) {
        this.language = settings.sms().language();
    }

    String language() {
        return language;
    }

    /** Tells an applicant about their registration (the first IMEI stands for the phone). */
    void toApplicant(Connection connection, NoticeKind kind, String reference, long imei, BigDecimal amount,
                     String currency, String msisdn) throws SQLException {
        if (msisdn == null) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("reference", reference);
        values.put("imei", Imei.ofKey(imei).toString());
        values.put("amount", amount == null ? "" : Money.format(amount, currency));
        Outbox.queue(connection, new Outbox.Message(kind, kind + ":" + reference, imei, msisdn, null, language,
                templates.render(kind, language, values)));
    }

    /** The text of a notice about one device. */
    String aboutDevice(NoticeKind kind, long imei, LocalDate lastDay, long daysLeft) {
        Map<String, String> values = new HashMap<>();
        values.put("imei", Imei.ofKey(imei).toString());
        values.put("last_day", lastDay == null ? "" : DAY.format(lastDay));
        values.put("days", Long.toString(daysLeft));
        return templates.render(kind, language, values);
    }
}
