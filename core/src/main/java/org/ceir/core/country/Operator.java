package org.ceir.core.country;

import java.util.regex.Pattern;

/**
 * A mobile network operator of the country: its short code (used in file names and lists, e.g.
 * {@code azercell}), its display name and its PLMN (MCC and MNC).
 */
public record Operator(String code, String name, String mcc, String mnc) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{0,31}");

    public Operator {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("operator code '" + code
                    + "': lower-case letters and digits, starting with a letter (it appears in file names)");
        }
        if (name == null || name.isBlank()) {
            name = code;
        }
        if (mcc == null || !mcc.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("operator " + code + ": mcc '" + mcc + "' is not 3 digits");
        }
        if (mnc == null || !mnc.matches("[0-9]{2,3}")) {
            throw new IllegalArgumentException("operator " + code + ": mnc '" + mnc + "' is not 2 or 3 digits");
        }
    }

    /** MCC and MNC together, e.g. {@code 40001}: the prefix of this operator's own IMSIs. */
    public String plmn() {
        return mcc + mnc;
    }
}
