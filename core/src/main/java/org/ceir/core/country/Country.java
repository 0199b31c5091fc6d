package org.ceir.core.country;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The country ceir serves. Validated on construction: a contradiction throws naming the setting.
 *
 * @param name                 the country's name, for people
 * @param mcc                  its Mobile Country Code (E.212), e.g. 400 for Azerbaijan
 * @param countryCode          its calling code (E.164), e.g. 994
 * @param trunkPrefix          what national numbers start with before the area or operator code
 *                             (usually "0"; empty where there is none)
 * @param nationalNumberLength digits after the country code in a mobile number (9 in Azerbaijan)
 * @param operators            the home operators
 * @param mncLengths           MNC length by MCC where it is 3, beyond the defaults of
 *                             {@link NumberingPlan#DEFAULT_THREE_DIGIT_MNC}
 */
public record Country(String name, String mcc, String countryCode, String trunkPrefix, int nationalNumberLength,
                      List<Operator> operators, Map<String, Integer> mncLengths) {

    public Country {
        if (mcc == null || !mcc.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("country.mcc '" + mcc + "': an MCC is 3 digits");
        }
        if (countryCode == null || !countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("country.country-code '" + countryCode + "': 1 to 3 digits");
        }
        trunkPrefix = trunkPrefix == null ? "" : trunkPrefix;
        if (!trunkPrefix.matches("[0-9]*")) {
            throw new IllegalArgumentException("country.trunk-prefix '" + trunkPrefix + "': digits only");
        }
        if (nationalNumberLength < 4 || countryCode.length() + nationalNumberLength > 15) {
            throw new IllegalArgumentException("country.national-number-length " + nationalNumberLength
                    + ": with the country code it must make 5 to 15 digits (E.164)");
        }
        if (operators == null || operators.isEmpty()) {
            throw new IllegalArgumentException("country.operators: at least one operator is needed");
        }
        mncLengths = Map.copyOf(mncLengths == null ? Map.of() : mncLengths);
        for (Map.Entry<String, Integer> entry : mncLengths.entrySet()) {
            if (!entry.getKey().matches("[0-9]{3}") || (entry.getValue() != 2 && entry.getValue() != 3)) {
                throw new IllegalArgumentException("country.mnc-lengths." + entry.getKey() + "=" + entry.getValue()
                        + ": an MCC of 3 digits and a length of 2 or 3");
            }
        }
        operators = List.copyOf(operators);
        Set<String> codes = new HashSet<>();
        Set<String> plmns = new HashSet<>();
        Map<String, Integer> lengthsSeen = new HashMap<>();
        for (Operator operator : operators) {
            if (!codes.add(operator.code())) {
                throw new IllegalArgumentException("country.operators: code '" + operator.code() + "' appears twice");
            }
            if (!plmns.add(operator.plmn())) {
                throw new IllegalArgumentException("country.operators: " + operator.mcc() + "-" + operator.mnc()
                        + " is given to two operators");
            }
            Integer before = lengthsSeen.put(operator.mcc(), operator.mnc().length());
            if (before != null && before != operator.mnc().length()) {
                throw new IllegalArgumentException("country.operators: MCC " + operator.mcc()
                        + " has operators with 2- and 3-digit MNCs; one MCC has one MNC length");
            }
            Integer configured = mncLengths.get(operator.mcc());
            if (configured != null && configured != operator.mnc().length()) {
                throw new IllegalArgumentException("country.mnc-lengths." + operator.mcc() + "=" + configured
                        + " contradicts operator " + operator.code() + " whose MNC is " + operator.mnc());
            }
        }
    }

    /** The operator with this code. */
    public Operator operator(String code) {
        for (Operator operator : operators) {
            if (operator.code().equals(code)) {
                return operator;
            }
        }
        List<String> known = new ArrayList<>();
        operators.forEach(o -> known.add(o.code()));
        throw new IllegalArgumentException("unknown operator '" + code + "'; this country has " + known);
    }

    /** Azerbaijan, the default (`seed/azerbaijan-facts.md`): Azercell, Bakcell and Nar. */
    public static Country azerbaijan() {
        return new Country("Azerbaijan", "400", "994", "0", 9, List.of(
                new Operator("azercell", "Azercell", "400", "01"),
                new Operator("bakcell", "Bakcell", "400", "02"),
                new Operator("nar", "Nar", "400", "04")), Map.of());
    }
}
