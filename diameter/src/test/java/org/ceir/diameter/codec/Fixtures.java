package org.ceir.diameter.codec;

import java.net.InetAddress;
import java.util.List;

/** Messages the tests build often. */
final class Fixtures {
    private Fixtures() {
    }

    static Capabilities capabilities(String host, String realm) {
        return Capabilities.s13(new Origin(host, realm), List.of(InetAddress.getLoopbackAddress()), 7, "test");
    }

    static MeIdentityCheckRequest ecr(int hopByHop) {
        return MeIdentityCheckRequest.create("mme;1;" + hopByHop, new Origin("mme", "op"), "eir", Wire.IMEI, "01",
                Wire.IMSI, hopByHop, hopByHop + 1000);
    }
}
