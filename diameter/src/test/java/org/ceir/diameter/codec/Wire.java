package org.ceir.diameter.codec;

/**
 * An ME-Identity-Check-Request as an MME puts it on the wire (TS 29.272 §7.2.19), field by field,
 * and the offsets of the fields the tests corrupt.
 */
final class Wire {
    static final String IMEI = "35209900176148";
    static final String IMSI = "400011234567890";

    static final int VERSION = 0;
    static final int LENGTH = 1;
    static final int FLAGS = 4;
    static final int APPLICATION = 8;
    static final int SESSION_ID_DATA = 28;
    static final int AUTH_SESSION_STATE_VALUE = 43;
    static final int ORIGIN_REALM_CODE = 56;
    static final int IMEI_CODE = 92;
    static final int USER_NAME_FLAGS = 124;

    private Wire() {
    }

    static byte[] ecr() {
        return Hex.bytes(
                // header: version 1, length 144, flags R+P, command 324, application 16777252 (S13)
                "01", "000090", "c0", "000144", "01000024",
                "00000001",                                   // Hop-by-Hop
                "00000002",                                   // End-to-End
                // Session-Id (263), M, length 11, "s;1", 1 octet of padding            offset 20
                "00000107", "40", "00000b", Hex.ascii("s;1"), "00",
                // Auth-Session-State (277), M, length 12, NO_STATE_MAINTAINED (1)       offset 32
                "00000115", "40", "00000c", "00000001",
                // Origin-Host (264), M, length 11, "mme", padding                        offset 44
                "00000108", "40", "00000b", Hex.ascii("mme"), "00",
                // Origin-Realm (296), M, length 10, "op", padding                         offset 56
                "00000128", "40", "00000a", Hex.ascii("op"), "0000",
                // Destination-Realm (283), M, length 11, "eir", padding                  offset 68
                "0000011b", "40", "00000b", Hex.ascii("eir"), "00",
                // Terminal-Information (1401), V+M, length 40, vendor 10415              offset 80
                "00000579", "c0", "000028", "000028af",
                //   IMEI (1402), V+M, length 26, vendor 10415, 14 digits, padding        offset 92
                "0000057a", "c0", "00001a", "000028af", Hex.ascii(IMEI), "0000",
                // User-Name (1), M, length 23, the IMSI, padding                         offset 120
                "00000001", "40", "000017", Hex.ascii(IMSI), "00");
    }
}
