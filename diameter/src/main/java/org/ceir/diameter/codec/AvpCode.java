package org.ceir.diameter.codec;

import io.netty.util.collection.IntObjectHashMap;

/**
 * An AVP's identity: its code within its vendor's space (RFC 6733 §4.1), with the name, data
 * format and M-bit of its definition when ceir knows it. The space is open: {@link #valueOf}
 * never throws, and an AVP ceir does not know reads as an octet string.
 */
public final class AvpCode {
    private static final IntObjectHashMap<AvpCode> IETF = new IntObjectHashMap<>();
    private static final IntObjectHashMap<AvpCode> TGPP = new IntObjectHashMap<>();

    // RFC 6733 §4.5 (the base protocol's AVPs) and RFC 7944 (DRMP).
    public static final AvpCode USER_NAME = ietf(1, "User-Name", AvpType.UTF8_STRING, true);
    public static final AvpCode PROXY_STATE = ietf(33, "Proxy-State", AvpType.OCTET_STRING, true);
    public static final AvpCode HOST_IP_ADDRESS = ietf(257, "Host-IP-Address", AvpType.ADDRESS, true);
    public static final AvpCode AUTH_APPLICATION_ID = ietf(258, "Auth-Application-Id", AvpType.UNSIGNED32, true);
    public static final AvpCode ACCT_APPLICATION_ID = ietf(259, "Acct-Application-Id", AvpType.UNSIGNED32, true);
    public static final AvpCode VENDOR_SPECIFIC_APPLICATION_ID =
            ietf(260, "Vendor-Specific-Application-Id", AvpType.GROUPED, true);
    public static final AvpCode SESSION_ID = ietf(263, "Session-Id", AvpType.UTF8_STRING, true);
    public static final AvpCode ORIGIN_HOST = ietf(264, "Origin-Host", AvpType.DIAMETER_IDENTITY, true);
    public static final AvpCode SUPPORTED_VENDOR_ID = ietf(265, "Supported-Vendor-Id", AvpType.UNSIGNED32, true);
    public static final AvpCode VENDOR_ID = ietf(266, "Vendor-Id", AvpType.UNSIGNED32, true);
    public static final AvpCode FIRMWARE_REVISION = ietf(267, "Firmware-Revision", AvpType.UNSIGNED32, false);
    public static final AvpCode RESULT_CODE = ietf(268, "Result-Code", AvpType.UNSIGNED32, true);
    public static final AvpCode PRODUCT_NAME = ietf(269, "Product-Name", AvpType.UTF8_STRING, false);
    public static final AvpCode DISCONNECT_CAUSE = ietf(273, "Disconnect-Cause", AvpType.ENUMERATED, true);
    public static final AvpCode AUTH_SESSION_STATE = ietf(277, "Auth-Session-State", AvpType.ENUMERATED, true);
    public static final AvpCode ORIGIN_STATE_ID = ietf(278, "Origin-State-Id", AvpType.UNSIGNED32, true);
    public static final AvpCode FAILED_AVP = ietf(279, "Failed-AVP", AvpType.GROUPED, true);
    public static final AvpCode PROXY_HOST = ietf(280, "Proxy-Host", AvpType.DIAMETER_IDENTITY, true);
    public static final AvpCode ERROR_MESSAGE = ietf(281, "Error-Message", AvpType.UTF8_STRING, false);
    public static final AvpCode ROUTE_RECORD = ietf(282, "Route-Record", AvpType.DIAMETER_IDENTITY, true);
    public static final AvpCode DESTINATION_REALM = ietf(283, "Destination-Realm", AvpType.DIAMETER_IDENTITY, true);
    public static final AvpCode PROXY_INFO = ietf(284, "Proxy-Info", AvpType.GROUPED, true);
    public static final AvpCode DESTINATION_HOST = ietf(293, "Destination-Host", AvpType.DIAMETER_IDENTITY, true);
    public static final AvpCode ERROR_REPORTING_HOST =
            ietf(294, "Error-Reporting-Host", AvpType.DIAMETER_IDENTITY, false);
    public static final AvpCode ORIGIN_REALM = ietf(296, "Origin-Realm", AvpType.DIAMETER_IDENTITY, true);
    public static final AvpCode EXPERIMENTAL_RESULT = ietf(297, "Experimental-Result", AvpType.GROUPED, true);
    public static final AvpCode EXPERIMENTAL_RESULT_CODE =
            ietf(298, "Experimental-Result-Code", AvpType.UNSIGNED32, true);
    public static final AvpCode INBAND_SECURITY_ID = ietf(299, "Inband-Security-Id", AvpType.UNSIGNED32, true);
    public static final AvpCode DRMP = ietf(301, "DRMP", AvpType.ENUMERATED, false);

    // TS 29.272 §7.3 (S13).
    public static final AvpCode TERMINAL_INFORMATION = tgpp(1401, "Terminal-Information", AvpType.GROUPED);
    public static final AvpCode IMEI = tgpp(1402, "IMEI", AvpType.UTF8_STRING);
    public static final AvpCode SOFTWARE_VERSION = tgpp(1403, "Software-Version", AvpType.UTF8_STRING);
    public static final AvpCode EQUIPMENT_STATUS = tgpp(1445, "Equipment-Status", AvpType.ENUMERATED);
    public static final AvpCode MEID_3GPP2 = tgpp(1471, "3GPP2-MEID", AvpType.OCTET_STRING);

    private final int code;
    private final VendorId vendor;
    private final String name;
    private final AvpType type;
    private final boolean mandatory;

    private AvpCode(int code, VendorId vendor, String name, AvpType type, boolean mandatory) {
        this.code = code;
        this.vendor = vendor;
        this.name = name;
        this.type = type;
        this.mandatory = mandatory;
    }

    private static AvpCode ietf(int code, String name, AvpType type, boolean mandatory) {
        AvpCode avpCode = new AvpCode(code, VendorId.NONE, name, type, mandatory);
        IETF.put(code, avpCode);
        return avpCode;
    }

    /** Every S13 AVP is sent with the V and M bits set (TS 29.272 §7.3.1, table 7.3.1/1). */
    private static AvpCode tgpp(int code, String name, AvpType type) {
        AvpCode avpCode = new AvpCode(code, VendorId.TGPP, name, type, true);
        TGPP.put(code, avpCode);
        return avpCode;
    }

    /**
     * The AVP with this code and vendor (0 for none); never throws. Known codes return the shared
     * constant, so identity comparison ({@code ==}) works for them.
     */
    public static AvpCode valueOf(int code, long vendorId) {
        AvpCode known = vendorId == 0 ? IETF.get(code) : vendorId == VendorId.TGPP.value() ? TGPP.get(code) : null;
        return known != null ? known : new AvpCode(code, VendorId.valueOf(vendorId), null, AvpType.OCTET_STRING, false);
    }

    public int code() {
        return code;
    }

    public VendorId vendor() {
        return vendor;
    }

    /** The name in its specification, or {@code AVP 1234} (with the vendor) for one ceir does not know. */
    public String name() {
        if (name != null) {
            return name;
        }
        return vendor.value() == 0 ? "AVP " + code : "AVP " + code + " of " + vendor;
    }

    public AvpType type() {
        return type;
    }

    /** True when ceir knows this AVP's definition. */
    public boolean isKnown() {
        return name != null;
    }

    /** Whether the definition says the M-bit must be set when this AVP is sent. */
    public boolean isMandatory() {
        return mandatory;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AvpCode && ((AvpCode) other).code == code && ((AvpCode) other).vendor.equals(vendor);
    }

    @Override
    public int hashCode() {
        return code * 31 + vendor.hashCode();
    }

    @Override
    public String toString() {
        return name() + " (" + code + ")";
    }
}
