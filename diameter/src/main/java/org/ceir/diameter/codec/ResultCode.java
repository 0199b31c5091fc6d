package org.ceir.diameter.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * A Diameter result code (RFC 6733 §7.1): the class is its thousands digit (2 success, 3 protocol
 * error, 4 transient failure, 5 permanent failure). The space is open; {@link #valueOf} never
 * throws and names the codes of RFC 6733 §7.1.
 *
 * <p>{@link #EQUIPMENT_UNKNOWN} is a 3GPP experimental result: it travels in Experimental-Result
 * with Vendor-Id 10415, never in Result-Code (TS 29.272 §7.4.3).
 */
public final class ResultCode {
    private static final Map<Long, ResultCode> KNOWN = new HashMap<>();

    public static final ResultCode SUCCESS = known(2001, "DIAMETER_SUCCESS");
    public static final ResultCode LIMITED_SUCCESS = known(2002, "DIAMETER_LIMITED_SUCCESS");
    public static final ResultCode COMMAND_UNSUPPORTED = known(3001, "DIAMETER_COMMAND_UNSUPPORTED");
    public static final ResultCode UNABLE_TO_DELIVER = known(3002, "DIAMETER_UNABLE_TO_DELIVER");
    public static final ResultCode REALM_NOT_SERVED = known(3003, "DIAMETER_REALM_NOT_SERVED");
    public static final ResultCode TOO_BUSY = known(3004, "DIAMETER_TOO_BUSY");
    public static final ResultCode LOOP_DETECTED = known(3005, "DIAMETER_LOOP_DETECTED");
    public static final ResultCode REDIRECT_INDICATION = known(3006, "DIAMETER_REDIRECT_INDICATION");
    public static final ResultCode APPLICATION_UNSUPPORTED = known(3007, "DIAMETER_APPLICATION_UNSUPPORTED");
    public static final ResultCode INVALID_HDR_BITS = known(3008, "DIAMETER_INVALID_HDR_BITS");
    public static final ResultCode INVALID_AVP_BITS = known(3009, "DIAMETER_INVALID_AVP_BITS");
    public static final ResultCode UNKNOWN_PEER = known(3010, "DIAMETER_UNKNOWN_PEER");
    public static final ResultCode AUTHENTICATION_REJECTED = known(4001, "DIAMETER_AUTHENTICATION_REJECTED");
    public static final ResultCode OUT_OF_SPACE = known(4002, "DIAMETER_OUT_OF_SPACE");
    public static final ResultCode ELECTION_LOST = known(4003, "ELECTION_LOST");
    public static final ResultCode AVP_UNSUPPORTED = known(5001, "DIAMETER_AVP_UNSUPPORTED");
    public static final ResultCode UNKNOWN_SESSION_ID = known(5002, "DIAMETER_UNKNOWN_SESSION_ID");
    public static final ResultCode AUTHORIZATION_REJECTED = known(5003, "DIAMETER_AUTHORIZATION_REJECTED");
    public static final ResultCode INVALID_AVP_VALUE = known(5004, "DIAMETER_INVALID_AVP_VALUE");
    public static final ResultCode MISSING_AVP = known(5005, "DIAMETER_MISSING_AVP");
    public static final ResultCode RESOURCES_EXCEEDED = known(5006, "DIAMETER_RESOURCES_EXCEEDED");
    public static final ResultCode CONTRADICTING_AVPS = known(5007, "DIAMETER_CONTRADICTING_AVPS");
    public static final ResultCode AVP_NOT_ALLOWED = known(5008, "DIAMETER_AVP_NOT_ALLOWED");
    public static final ResultCode AVP_OCCURS_TOO_MANY_TIMES = known(5009, "DIAMETER_AVP_OCCURS_TOO_MANY_TIMES");
    public static final ResultCode NO_COMMON_APPLICATION = known(5010, "DIAMETER_NO_COMMON_APPLICATION");
    public static final ResultCode UNSUPPORTED_VERSION = known(5011, "DIAMETER_UNSUPPORTED_VERSION");
    public static final ResultCode UNABLE_TO_COMPLY = known(5012, "DIAMETER_UNABLE_TO_COMPLY");
    public static final ResultCode INVALID_BIT_IN_HEADER = known(5013, "DIAMETER_INVALID_BIT_IN_HEADER");
    public static final ResultCode INVALID_AVP_LENGTH = known(5014, "DIAMETER_INVALID_AVP_LENGTH");
    public static final ResultCode INVALID_MESSAGE_LENGTH = known(5015, "DIAMETER_INVALID_MESSAGE_LENGTH");
    public static final ResultCode INVALID_AVP_BIT_COMBO = known(5016, "DIAMETER_INVALID_AVP_BIT_COMBO");
    public static final ResultCode NO_COMMON_SECURITY = known(5017, "DIAMETER_NO_COMMON_SECURITY");

    /** TS 29.272 §7.4.3: the EIR does not know the equipment; an Experimental-Result of vendor 3GPP. */
    public static final ResultCode EQUIPMENT_UNKNOWN = new ResultCode(5422, "DIAMETER_ERROR_EQUIPMENT_UNKNOWN");

    private final long value;
    private final String name;

    private ResultCode(long value, String name) {
        this.value = value;
        this.name = name;
    }

    private static ResultCode known(long value, String name) {
        ResultCode code = new ResultCode(value, name);
        KNOWN.put(value, code);
        return code;
    }

    /** The base protocol's result with this value; never throws. */
    public static ResultCode valueOf(long value) {
        long unsigned = value & 0xffffffffL;
        ResultCode code = KNOWN.get(unsigned);
        return code != null ? code : new ResultCode(unsigned, null);
    }

    /** The experimental result with this vendor and value (TS 29.272 §7.4); never throws. */
    public static ResultCode experimental(VendorId vendor, long value) {
        if (VendorId.TGPP.equals(vendor) && value == EQUIPMENT_UNKNOWN.value) {
            return EQUIPMENT_UNKNOWN;
        }
        return new ResultCode(value & 0xffffffffL, null);
    }

    public long value() {
        return value;
    }

    /** The name in RFC 6733 §7.1 or TS 29.272 §7.4, or {@code result 1234}. */
    public String name() {
        return name == null ? "result " + value : name;
    }

    /** 2xxx: the request succeeded. */
    public boolean isSuccess() {
        return value >= 2000 && value < 3000;
    }

    /** 3xxx: a protocol error, answered with the E-bit set (RFC 6733 §7.1.3). */
    public boolean isProtocolError() {
        return value >= 3000 && value < 4000;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultCode && ((ResultCode) other).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return name == null ? "result " + value : name + " (" + value + ")";
    }
}
