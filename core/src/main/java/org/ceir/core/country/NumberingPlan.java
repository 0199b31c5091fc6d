package org.ceir.core.country;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ceir.core.identity.Imsi;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.core.identity.Msisdn;

/**
 * How identities relate to the country: which network an IMSI belongs to, whether it is a home
 * subscriber, and how a national phone number becomes E.164.
 *
 * <p>An IMSI does not say how long its MNC is (TS 23.003 §2.2); the ITU's E.212 list does, per
 * MCC. The defaults cover the MCCs whose networks use 3-digit MNCs; the country's configuration
 * adds or overrides.
 */
public final class NumberingPlan {
    /** MCCs whose MNCs have 3 digits (ITU-T E.212 list): North and Latin America, India's 405, etc. */
    public static final Set<String> DEFAULT_THREE_DIGIT_MNC = Set.of(
            "302", "310", "311", "312", "313", "314", "315", "316", "334", "338", "342", "344", "346", "348",
            "352", "354", "356", "358", "360", "365", "366", "376", "405", "708", "710", "722", "732", "750");

    private final Country country;
    private final Map<String, Integer> mncLengths;
    private final Map<String, Operator> operatorsByPlmn = new HashMap<>();

    public NumberingPlan(Country country) {
        this.country = country;
        this.mncLengths = new HashMap<>();
        DEFAULT_THREE_DIGIT_MNC.forEach(mcc -> mncLengths.put(mcc, 3));
        country.operators().forEach(o -> mncLengths.put(o.mcc(), o.mnc().length()));
        mncLengths.putAll(country.mncLengths());
        country.operators().forEach(o -> operatorsByPlmn.put(o.plmn(), o));
    }

    public Country country() {
        return country;
    }

    /** How many digits the MNC has under this MCC. */
    public int mncLength(String mcc) {
        return mncLengths.getOrDefault(mcc, 2);
    }

    /** The MNC of an IMSI. */
    public String mnc(Imsi imsi) {
        return imsi.digits().substring(3, 3 + mncLength(imsi.mcc()));
    }

    /** True when the IMSI's MCC is this country's: a home subscriber, not an inbound roamer. */
    public boolean isHome(Imsi imsi) {
        return imsi.mcc().equals(country.mcc());
    }

    /** True when the digits start with this country's MCC; for raw file values. */
    public boolean isHome(CharSequence imsiDigits) {
        String mcc = country.mcc();
        return imsiDigits != null && imsiDigits.length() >= 3 && imsiDigits.charAt(0) == mcc.charAt(0)
                && imsiDigits.charAt(1) == mcc.charAt(1) && imsiDigits.charAt(2) == mcc.charAt(2);
    }

    /** The home operator whose network issued this IMSI, if any. */
    public Optional<Operator> operatorOf(Imsi imsi) {
        return Optional.ofNullable(operatorsByPlmn.get(imsi.mcc() + mnc(imsi)));
    }

    /**
     * Normalises a phone number to E.164: {@code +994 50 123 45 67}, {@code 00994501234567},
     * {@code 994501234567}, {@code 050 123 45 67} and {@code 501234567} all give 994501234567.
     * Accepts the 5G form {@code msisdn-…} (TS 29.571 Gpsi).
     */
    public Msisdn parseMsisdn(String input) {
        if (input == null || input.isBlank()) {
            throw invalid(input, InvalidIdentityException.Problem.EMPTY, "phone number is empty");
        }
        String text = input.strip();
        if (text.regionMatches(true, 0, "msisdn-", 0, 7)) {
            text = text.substring(7);
        }
        boolean international = text.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (int i = international ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                throw invalid(input, InvalidIdentityException.Problem.NOT_DIGITS, "phone number " + input
                        + ": only digits, spaces and + ( ) - are allowed, found '" + c + "'");
            }
        }
        String number = digits.toString();
        String cc = country.countryCode();
        int national = country.nationalNumberLength();
        String trunk = country.trunkPrefix();
        if (!international && number.startsWith("00")) {
            number = number.substring(2);
            international = true;
        }
        if (!international) {
            if (number.length() == national) {
                number = cc + number;
            } else if (!trunk.isEmpty() && number.startsWith(trunk) && number.length() == trunk.length() + national) {
                number = cc + number.substring(trunk.length());
            } else if (!(number.startsWith(cc) && number.length() == cc.length() + national)) {
                throw invalid(input, InvalidIdentityException.Problem.LENGTH, "phone number " + input
                        + ": write it as +" + cc + " and " + national + " digits, or " + trunk
                        + " and " + national + " digits");
            }
        }
        if (number.length() < 7 || number.length() > 15 || number.startsWith("0")) {
            throw invalid(input, InvalidIdentityException.Problem.LENGTH, "phone number " + input
                    + ": an international number has 7 to 15 digits after the +");
        }
        if (number.startsWith(cc) && number.length() != cc.length() + national) {
            throw invalid(input, InvalidIdentityException.Problem.LENGTH, "phone number " + input + ": a +" + cc
                    + " number has " + national + " digits after the country code, not "
                    + (number.length() - cc.length()));
        }
        return new Msisdn(number);
    }

    private static InvalidIdentityException invalid(String input, InvalidIdentityException.Problem problem,
                                                    String message) {
        return new InvalidIdentityException(InvalidIdentityException.Kind.MSISDN, input, problem, message, null);
    }
}
