package org.ceir.sbi;

import java.util.ArrayList;
import java.util.List;

/**
 * The query of one {@code GET …/equipment-status} request (TS 29.511 §6.2.3.2.3.1), parsed and
 * judged against TS 29.571's Pei, Supi, Gpsi and SupportedFeatures.
 *
 * <p>One instance serves every request of a connection, on that connection's event loop: the
 * decoded values land in buffers kept from request to request, so that a good request allocates
 * nothing here. Only a bad one builds its list of {@link ProblemDetails.InvalidParam}s.
 *
 * <p>The values are percent-decoded (RFC 3986 §2.1; {@code +} is a plus, not a space) byte by byte
 * as ISO-8859-1: every form the EIR acts on is ASCII, and anything else is only echoed back in an
 * error. Parameters this API does not define are an error (INVALID_QUERY_PARAM) rather than
 * ignored, because a misspelt {@code supi} would silently turn a check of a clone's paired SIM into
 * a check without one.
 */
final class EquipmentStatusQuery {
    /** What the PEI was. */
    enum PeiForm {
        /** {@code imei-} and 15 digits. */
        IMEI,
        /** {@code imeisv-} and 16 digits. */
        IMEISV,
        /** A MAC ({@code mac-…}) or EUI-64 ({@code eui-…}) of wireline access: a PEI, but not an IMEI. */
        NOT_IMEI
    }

    private static final String PEI = "pei";
    private static final String SUPI = "supi";
    private static final String GPSI = "gpsi";
    private static final String FEATURES = "supported-features";
    private static final int ECHO_LIMIT = 40;

    private final StringBuilder name = new StringBuilder(24);
    private final StringBuilder pei = new StringBuilder(24);
    private final StringBuilder supi = new StringBuilder(24);
    private final StringBuilder gpsi = new StringBuilder(24);
    private final StringBuilder features = new StringBuilder(8);

    // Each parameter is ABSENT, GIVEN (once, decoded) or REPORTED (already found bad).
    private static final int ABSENT = 0;
    private static final int GIVEN = 1;
    private static final int REPORTED = 2;

    private int peiState;
    private int supiState;
    private int gpsiState;
    private int featuresState;
    private PeiForm peiForm;
    private boolean imsiGiven;
    private boolean msisdnGiven;
    private List<ProblemDetails.InvalidParam> problems;
    private ResponseKind problemKind;

    /**
     * Parses {@code text[from, to)}, the part of {@code :path} after {@code ?}, and judges it.
     *
     * @return true when the request is good; otherwise {@link #problemKind()} and
     *         {@link #problems()} say why
     */
    boolean parse(CharSequence text, int from, int to) {
        reset();
        int start = from;
        while (start <= to) {
            int end = indexOf(text, '&', start, to);
            if (end > start) {
                parameter(text, start, end);
            }
            start = end + 1;
        }
        judgePei();
        if (supiState == GIVEN) {
            judgeSupi();
        }
        if (gpsiState == GIVEN) {
            judgeGpsi();
        }
        if (featuresState == GIVEN) {
            judgeFeatures();
        }
        return problems == null;
    }

    /** How the PEI was given; meaningful after a good parse. */
    PeiForm peiForm() {
        return peiForm;
    }

    /** The digits of the IMEI or IMEISV (the prefix taken off); meaningful after a good parse. */
    CharSequence imei() {
        return pei;
    }

    /** The IMSI's digits, or null when the request has no IMSI SUPI. */
    CharSequence imsi() {
        return imsiGiven ? supi : null;
    }

    /** The MSISDN's digits, or null when the request has no MSISDN GPSI. */
    CharSequence msisdn() {
        return msisdnGiven ? gpsi : null;
    }

    /** Why the request is bad: the cause that goes with the worst of its problems. */
    ResponseKind problemKind() {
        return problemKind;
    }

    /** Every bad parameter, in the order found. */
    List<ProblemDetails.InvalidParam> problems() {
        return problems == null ? List.of() : problems;
    }

    private void reset() {
        peiState = ABSENT;
        supiState = ABSENT;
        gpsiState = ABSENT;
        featuresState = ABSENT;
        peiForm = null;
        imsiGiven = false;
        msisdnGiven = false;
        problems = null;
        problemKind = null;
    }

    private void parameter(CharSequence text, int start, int end) {
        int equals = indexOf(text, '=', start, end);
        name.setLength(0);
        if (!decode(text, start, equals, name)) {
            problem(ResponseKind.INVALID_QUERY_PARAM, text.subSequence(start, equals).toString(),
                    "malformed percent-encoding in the parameter's name: % must be followed by two hexadecimal digits");
            return;
        }
        int valueStart = Math.min(equals + 1, end);
        if (is(name, PEI)) {
            peiState = value(text, valueStart, end, pei, peiState, PEI, ResponseKind.MANDATORY_QUERY_PARAM_INCORRECT);
        } else if (is(name, SUPI)) {
            supiState = value(text, valueStart, end, supi, supiState, SUPI,
                    ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT);
        } else if (is(name, GPSI)) {
            gpsiState = value(text, valueStart, end, gpsi, gpsiState, GPSI,
                    ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT);
        } else if (is(name, FEATURES)) {
            featuresState = value(text, valueStart, end, features, featuresState, FEATURES,
                    ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT);
        } else {
            problem(ResponseKind.INVALID_QUERY_PARAM, cut(name), "not a parameter of equipment-status, which takes "
                    + "pei, supi, gpsi and supported-features (TS 29.511 §6.2.3.2.3.1)");
        }
    }

    /**
     * Decodes one value into its buffer and returns the parameter's new state: a second
     * occurrence or a malformed value is reported here, and the parameter is then not judged.
     */
    private int value(CharSequence text, int start, int end, StringBuilder into, int state, String param,
                      ResponseKind kind) {
        if (state != ABSENT) {
            if (state == GIVEN) {
                problem(kind, param, "given more than once; give " + param + " once");
            }
            return REPORTED;
        }
        into.setLength(0);
        if (!decode(text, start, end, into)) {
            problem(kind, param, "malformed percent-encoding: % must be followed by two hexadecimal digits");
            return REPORTED;
        }
        return GIVEN;
    }

    private void judgePei() {
        if (peiState == ABSENT) {
            problem(ResponseKind.MANDATORY_QUERY_PARAM_MISSING, PEI, "pei is mandatory: the UE's PEI, e.g."
                    + " imei-352099001761481 or imeisv-3520990017614801 (TS 29.511 §6.2.3.2.3.1)");
            return;
        }
        if (peiState == REPORTED) {
            return;
        }
        ResponseKind kind = ResponseKind.MANDATORY_QUERY_PARAM_INCORRECT;
        if (startsWith(pei, "imeisv-")) {
            if (digitsAfter(pei, 7, 16, 16, PEI, "an imeisv- PEI has 16 digits (TS 23.003 §6.2.2)", kind)) {
                pei.delete(0, 7);
                peiForm = PeiForm.IMEISV;
            }
        } else if (startsWith(pei, "imei-")) {
            if (digitsAfter(pei, 5, 15, 15, PEI, "an imei- PEI has 15 digits (TS 23.003 §6.2.1)", kind)) {
                pei.delete(0, 5);
                peiForm = PeiForm.IMEI;
            }
        } else if (startsWith(pei, "mac-") || startsWith(pei, "eui-")) {
            if (isMacOrEui(pei)) {
                peiForm = PeiForm.NOT_IMEI;
            } else {
                problem(kind, PEI, echo(pei) + ": a MAC PEI is mac- and six hex pairs joined by '-' (optionally"
                        + " -untrusted), an EUI-64 PEI eui- and eight (TS 29.571 Pei)");
            }
        } else if (pei.length() == 0) {
            problem(kind, PEI, "pei is empty: give imei- and 15 digits or imeisv- and 16 digits");
        } else if (allDigits(pei, 0) && (pei.length() == 15 || pei.length() == 16)) {
            problem(kind, PEI, echo(pei) + " has no prefix: give " + (pei.length() == 15 ? "imei-" : "imeisv-")
                    + pei + " (TS 29.571 Pei)");
        } else {
            problem(kind, PEI, echo(pei) + " is not a PEI this EIR checks: give imei- and 15 digits or imeisv-"
                    + " and 16 digits (TS 29.571 Pei)");
        }
    }

    private void judgeSupi() {
        ResponseKind kind = ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT;
        if (startsWith(supi, "imsi-")) {
            if (digitsAfter(supi, 5, 5, 15, SUPI, "an imsi- SUPI has 5 to 15 digits (TS 29.571 Supi)", kind)) {
                supi.delete(0, 5);
                imsiGiven = true;
            }
        } else if (!(nonEmptyAfter(supi, "nai-") || nonEmptyAfter(supi, "gci-") || nonEmptyAfter(supi, "gli-"))) {
            problem(kind, SUPI, echo(supi) + " is not a SUPI: give imsi- and the IMSI's digits (or nai-, gci-,"
                    + " gli- forms, which carry no IMSI) (TS 29.571 Supi)");
        }
    }

    private void judgeGpsi() {
        ResponseKind kind = ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT;
        if (startsWith(gpsi, "msisdn-")) {
            if (digitsAfter(gpsi, 7, 5, 15, GPSI, "a msisdn- GPSI has 5 to 15 digits, the number in"
                    + " international form without + (TS 29.571 Gpsi)", kind)) {
                gpsi.delete(0, 7);
                msisdnGiven = true;
            }
        } else if (!isExternalId(gpsi)) {
            problem(kind, GPSI, echo(gpsi) + " is not a GPSI: give msisdn- and the number in international"
                    + " form, e.g. msisdn-994501234567 (or extid-<id>@<domain>) (TS 29.571 Gpsi)");
        }
    }

    private void judgeFeatures() {
        for (int i = 0; i < features.length(); i++) {
            if (Character.digit(features.charAt(i), 16) < 0) {
                problem(ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT, FEATURES, echo(features)
                        + ": supported-features is hexadecimal digits (TS 29.571 SupportedFeatures)");
                return;
            }
        }
    }

    /** Checks that {@code value} has only digits after {@code prefix} characters, between min and max of them. */
    private boolean digitsAfter(StringBuilder value, int prefix, int min, int max, String param, String rule,
                                ResponseKind kind) {
        int digits = value.length() - prefix;
        if (!allDigits(value, prefix)) {
            problem(kind, param, echo(value) + ": only digits may follow " + value.subSequence(0, prefix) + "; " + rule);
            return false;
        }
        if (digits < min || digits > max) {
            problem(kind, param, echo(value) + " has " + digits + " digits; " + rule);
            return false;
        }
        return true;
    }

    private void problem(ResponseKind kind, String param, String reason) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(new ProblemDetails.InvalidParam("query " + param, reason));
        if (problemKind == null || problemKindRank(kind) < problemKindRank(problemKind)) {
            problemKind = kind;
        }
    }

    /** The cause a request with several problems gets: the mandatory parameter first (TS 29.500 §5.2.7.2). */
    private static int problemKindRank(ResponseKind kind) {
        switch (kind) {
            case MANDATORY_QUERY_PARAM_MISSING:
                return 0;
            case MANDATORY_QUERY_PARAM_INCORRECT:
                return 1;
            case INVALID_QUERY_PARAM:
                return 2;
            default:
                return 3;
        }
    }

    /**
     * Percent-decodes {@code text[start, end)} into {@code out} (RFC 3986 §2.1), each octet as one
     * ISO-8859-1 character. False when a {@code %} is not followed by two hexadecimal digits.
     */
    static boolean decode(CharSequence text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < end ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < end ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return false;
                }
                out.append((char) (high << 4 | low));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return true;
    }

    static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return to;
    }

    private static boolean is(CharSequence value, String expected) {
        return CharSequence.compare(value, expected) == 0;
    }

    /** Prefixes are matched regardless of case, as {@code Imei.parse} does for what people type. */
    private static boolean startsWith(CharSequence value, String prefix) {
        if (value.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(value.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nonEmptyAfter(CharSequence value, String prefix) {
        return value.length() > prefix.length() && startsWith(value, prefix);
    }

    private static boolean allDigits(CharSequence value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code mac-hh-hh-hh-hh-hh-hh[-untrusted]} or {@code eui-hh-hh-hh-hh-hh-hh-hh-hh} (TS 29.571 Pei). */
    private static boolean isMacOrEui(CharSequence value) {
        boolean mac = startsWith(value, "mac-");
        int pairs = mac ? 6 : 8;
        int position = 3;
        for (int pair = 0; pair < pairs; pair++) {
            if (position + 3 > value.length() || value.charAt(position) != '-'
                    || Character.digit(value.charAt(position + 1), 16) < 0
                    || Character.digit(value.charAt(position + 2), 16) < 0) {
                return false;
            }
            position += 3;
        }
        if (position == value.length()) {
            return true;
        }
        return mac && value.length() - position == "-untrusted".length()
                && "-untrusted".contentEquals(value.subSequence(position, value.length()));
    }

    /** {@code extid-<id>@<domain>}, each part non-empty and without another {@code @} (TS 29.571 Gpsi). */
    private static boolean isExternalId(CharSequence value) {
        if (!startsWith(value, "extid-")) {
            return false;
        }
        int at = indexOf(value, '@', 6, value.length());
        return at > 6 && at < value.length() - 1 && indexOf(value, '@', at + 1, value.length()) == value.length();
    }

    /** The value for an error message: quoted, and cut short when long. */
    private static String echo(CharSequence value) {
        return "'" + cut(value) + "'";
    }

    private static String cut(CharSequence value) {
        return value.length() > ECHO_LIMIT ? value.subSequence(0, ECHO_LIMIT) + "…" : value.toString();
    }
}
