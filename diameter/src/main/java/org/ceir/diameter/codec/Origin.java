package org.ceir.diameter.codec;

/**
 * Who a Diameter node is: its Origin-Host and Origin-Realm (RFC 6733 §6.3, §6.4), with both AVPs
 * encoded once, since every message carries them.
 */
public final class Origin {
    private final String host;
    private final String realm;
    private final Avp hostAvp;
    private final Avp realmAvp;

    /**
     * @throws IllegalArgumentException when either is not a Diameter identity (printable ASCII, no spaces)
     */
    public Origin(String host, String realm) {
        this.host = requireIdentity(host, "origin host");
        this.realm = requireIdentity(realm, "origin realm");
        this.hostAvp = Avp.utf8(AvpCode.ORIGIN_HOST, host);
        this.realmAvp = Avp.utf8(AvpCode.ORIGIN_REALM, realm);
    }

    /** Returns the identity, or throws naming {@code what}, when it is not printable ASCII without spaces. */
    static String requireIdentity(String identity, String what) {
        if (identity == null || identity.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty: a Diameter identity is a host or realm name");
        }
        for (int i = 0; i < identity.length(); i++) {
            char c = identity.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException(what + " '" + identity
                        + "': a Diameter identity is printable ASCII without spaces, like a host name");
            }
        }
        return identity;
    }

    public String host() {
        return host;
    }

    public String realm() {
        return realm;
    }

    public Avp hostAvp() {
        return hostAvp;
    }

    public Avp realmAvp() {
        return realmAvp;
    }

    @Override
    public String toString() {
        return host + " (realm " + realm + ")";
    }
}
