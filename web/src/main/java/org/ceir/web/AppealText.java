package org.ceir.web;

import org.ceir.appeals.AppealException;
import org.ceir.core.identity.InvalidIdentityException;

/**
 * What went wrong with an appeal, in the reader's language: the appeals service names the common
 * refusals (a wrong code, a mistyped tracking number, a missing SIM…) by a stable reason, each
 * with its text in {@code messages_*.properties} ({@code appeal.problem.<reason>}); a mistyped IMEI
 * is explained as the IMEI check explains it; anything else keeps the service's own words.
 */
final class AppealText {
    private AppealText() {
    }

    static String of(Messages messages, Language language, RuntimeException e) {
        if (e instanceof AppealException appeal && appeal.reason() != null) {
            return messages.get(language, "appeal.problem." + appeal.reason(), appeal.args());
        }
        if (e.getCause() instanceof InvalidIdentityException invalid
                && invalid.kind() == InvalidIdentityException.Kind.IMEI) {
            ImeiInputError error = ImeiInputError.of(invalid.input(), invalid);
            return messages.get(language, error.messageKey(), error.args());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
