package org.ceir.web;

import java.util.Optional;

import org.ceir.core.identity.InvalidIdentityException;

/**
 * A typed IMEI that is not one, explained in the page's language: what is wrong and, for a wrong
 * check digit, the IMEI that was probably meant.
 *
 * @param messageKey  {@code imei.error.<problem>}
 * @param args        the message's arguments (digit count, offending character and position)
 * @param suggestion  the corrected IMEI, when there is exactly one fix
 */
record ImeiInputError(String messageKey, Object[] args, Optional<String> suggestion) {

    static ImeiInputError of(String input, InvalidIdentityException e) {
        String text = input == null ? "" : input.strip();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        text = lower.startsWith("imeisv-") ? text.substring(7) : lower.startsWith("imei-") ? text.substring(5) : text;
        String digits = text.replaceAll("[\\s./\\-\u00a0]", "");
        switch (e.problem()) {
            case CHECK_DIGIT: {
                String fix = e.suggestion().orElse("");
                return new ImeiInputError("imei.error.check-digit",
                        new Object[] {fix.isEmpty() ? "" : fix.substring(14), digits.length() > 14 ? digits.substring(14, 15) : ""},
                        e.suggestion());
            }
            case NOT_DIGITS: {
                int position = 0;
                String bad = "";
                for (int i = 0; i < digits.length(); i++) {
                    char c = digits.charAt(i);
                    if (c < '0' || c > '9') {
                        position = i + 1;
                        bad = String.valueOf(c);
                        break;
                    }
                }
                return new ImeiInputError("imei.error.not-digits", new Object[] {bad, position}, Optional.empty());
            }
            case LENGTH:
                return new ImeiInputError("imei.error.length", new Object[] {digits.length()}, Optional.empty());
            case EMPTY:
                return new ImeiInputError("imei.error.empty", new Object[0], Optional.empty());
            default:
                return new ImeiInputError("imei.error.other", new Object[0], Optional.empty());
        }
    }
}
