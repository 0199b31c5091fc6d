package org.ceir.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.ceir.core.identity.Imei;
import org.ceir.registration.notify.NoticeKind;
import org.ceir.registration.notify.Outbox;
import org.ceir.registration.notify.Templates;

/**
 * The appellant's SMS, queued in the outbox in the transaction of the step they tell of (so a
 * message exists exactly when its step committed), in the language the appellant chose.
 */
final class AppealNotices {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Templates templates = Templates.shipped();

    void code(Connection connection, String msisdn, String language, String code, int minutes, long sequence)
            throws SQLException {
        Map<String, String> values = Map.of("code", code, "minutes", Integer.toString(minutes));
        Outbox.queue(connection, new Outbox.Message(NoticeKind.APPEAL_CODE, "APPEAL_CODE:" + msisdn + ":" + sequence,
                null, msisdn, null, language, templates.render(NoticeKind.APPEAL_CODE, language, values)));
    }

    /** Tells the appellant of a step; {@code eventId} makes each step's message its own. */
    void step(Connection connection, NoticeKind kind, String tracking, long imei, String msisdn, String language,
              LocalDate due, String reason, long eventId) throws SQLException {
        Map<String, String> values = new HashMap<>();
        values.put("tracking", tracking);
        values.put("imei", Imei.ofKey(imei).toString());
        values.put("due_day", due == null ? "" : DAY.format(due));
        values.put("reason", reason == null ? "" : reason);
        Outbox.queue(connection, new Outbox.Message(kind, kind + ":" + tracking + ":" + eventId, imei, msisdn, null,
                language, templates.render(kind, language, values)));
    }
}
