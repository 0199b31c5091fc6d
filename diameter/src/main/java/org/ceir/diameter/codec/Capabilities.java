package org.ceir.diameter.codec;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a peer says of itself in CER and CEA (RFC 6733 §5.3.1, §5.3.2): who it is, where, and
 * which applications and security it supports.
 *
 * @param origin                       Origin-Host and Origin-Realm
 * @param hostIpAddresses              1*Host-IP-Address
 * @param vendorId                     Vendor-Id: the implementer's IANA enterprise number
 * @param productName                  Product-Name
 * @param originStateId                Origin-State-Id: grows each time the peer restarts
 * @param supportedVendorIds           *Supported-Vendor-Id
 * @param authApplicationIds           *Auth-Application-Id
 * @param inbandSecurityIds            *Inband-Security-Id (0 none, 1 TLS)
 * @param acctApplicationIds           *Acct-Application-Id
 * @param vendorSpecificApplicationIds *Vendor-Specific-Application-Id
 * @param firmwareRevision             Firmware-Revision
 */
public record Capabilities(Origin origin, List<InetAddress> hostIpAddresses, VendorId vendorId, String productName,
                           OptionalLong originStateId, List<VendorId> supportedVendorIds,
                           List<ApplicationId> authApplicationIds, List<Long> inbandSecurityIds,
                           List<ApplicationId> acctApplicationIds,
                           List<VendorSpecificApplicationId> vendorSpecificApplicationIds,
                           OptionalLong firmwareRevision) {
    /** Inband-Security-Id NO_INBAND_SECURITY (RFC 6733 §6.10): plain TCP, the only kind ceir speaks. */
    public static final long NO_INBAND_SECURITY = 0;

    public Capabilities {
        if (origin == null || vendorId == null || productName == null || originStateId == null
                || firmwareRevision == null) {
            throw new IllegalArgumentException("capabilities need an origin, a Vendor-Id and a Product-Name");
        }
        if (hostIpAddresses.isEmpty()) {
            throw new IllegalArgumentException("capabilities need at least one Host-IP-Address (RFC 6733 §5.3.1)");
        }
        hostIpAddresses = List.copyOf(hostIpAddresses);
        supportedVendorIds = List.copyOf(supportedVendorIds);
        authApplicationIds = List.copyOf(authApplicationIds);
        inbandSecurityIds = List.copyOf(inbandSecurityIds);
        acctApplicationIds = List.copyOf(acctApplicationIds);
        vendorSpecificApplicationIds = List.copyOf(vendorSpecificApplicationIds);
    }

    /**
     * An S13 node's capabilities: S13 advertised as a Vendor-Specific-Application-Id, 3GPP as a
     * supported vendor, no inband security.
     */
    public static Capabilities s13(Origin origin, List<InetAddress> hostIpAddresses, long originStateId,
                                   String productName) {
        return new Capabilities(origin, hostIpAddresses, VendorId.NONE, productName, OptionalLong.of(originStateId),
                List.of(VendorId.TGPP), List.of(), List.of(), List.of(),
                List.of(VendorSpecificApplicationId.S13), OptionalLong.empty());
    }

    /**
     * Whether the peer supports an application: named in Auth- or Acct-Application-Id, in a
     * Vendor-Specific-Application-Id, or covered by the relay application (RFC 6733 §2.4).
     */
    public boolean supports(ApplicationId application) {
        if (authApplicationIds.contains(application) || authApplicationIds.contains(ApplicationId.RELAY)
                || acctApplicationIds.contains(application)) {
            return true;
        }
        for (VendorSpecificApplicationId id : vendorSpecificApplicationIds) {
            if (id.application().equals(application) || id.application().equals(ApplicationId.RELAY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the peer accepts a plain connection: it names no Inband-Security-Id, or names 0. */
    public boolean acceptsNoInbandSecurity() {
        return inbandSecurityIds.isEmpty() || inbandSecurityIds.contains(NO_INBAND_SECURITY);
    }

    /** The AVPs, in the grammar's order. */
    List<Avp> toAvps() {
        List<Avp> avps = new ArrayList<>();
        avps.add(origin.hostAvp());
        avps.add(origin.realmAvp());
        for (InetAddress address : hostIpAddresses) {
            avps.add(Avp.address(AvpCode.HOST_IP_ADDRESS, address));
        }
        avps.add(Avp.unsigned32(AvpCode.VENDOR_ID, vendorId.value()));
        avps.add(Avp.utf8(AvpCode.PRODUCT_NAME, productName));
        originStateId.ifPresent(id -> avps.add(Avp.unsigned32(AvpCode.ORIGIN_STATE_ID, id)));
        supportedVendorIds.forEach(id -> avps.add(Avp.unsigned32(AvpCode.SUPPORTED_VENDOR_ID, id.value())));
        authApplicationIds.forEach(id -> avps.add(Avp.unsigned32(AvpCode.AUTH_APPLICATION_ID, id.value())));
        inbandSecurityIds.forEach(id -> avps.add(Avp.unsigned32(AvpCode.INBAND_SECURITY_ID, id)));
        acctApplicationIds.forEach(id -> avps.add(Avp.unsigned32(AvpCode.ACCT_APPLICATION_ID, id.value())));
        vendorSpecificApplicationIds.forEach(id -> avps.add(id.toAvp()));
        firmwareRevision.ifPresent(revision -> avps.add(Avp.unsigned32(AvpCode.FIRMWARE_REVISION, revision)));
        return avps;
    }

    /** Collects the capability AVPs of a CER or CEA, one at a time. */
    static final class Reader {
        private final String where;
        private Avp originHost;
        private Avp originRealm;
        private final List<InetAddress> hostIpAddresses = new ArrayList<>(1);
        private Avp vendorId;
        private Avp productName;
        private Avp originStateId;
        private final List<VendorId> supportedVendorIds = new ArrayList<>();
        private final List<ApplicationId> authApplicationIds = new ArrayList<>();
        private final List<Long> inbandSecurityIds = new ArrayList<>();
        private final List<ApplicationId> acctApplicationIds = new ArrayList<>();
        private final List<VendorSpecificApplicationId> vendorSpecificApplicationIds = new ArrayList<>();
        private Avp firmwareRevision;

        Reader(String where) {
            this.where = where;
        }

        /** Takes the AVP if it is a capability; false if it is not one. */
        boolean accept(Avp avp) {
            if (avp.is(AvpCode.ORIGIN_HOST)) {
                originHost = Grammar.once(originHost, avp);
                avp.identity();
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                originRealm = Grammar.once(originRealm, avp);
                avp.identity();
            } else if (avp.is(AvpCode.HOST_IP_ADDRESS)) {
                hostIpAddresses.add(avp.address());
            } else if (avp.is(AvpCode.VENDOR_ID)) {
                vendorId = Grammar.once(vendorId, avp);
                vendorId.unsigned32();
            } else if (avp.is(AvpCode.PRODUCT_NAME)) {
                productName = Grammar.once(productName, avp);
                productName.requireUtf8();
            } else if (avp.is(AvpCode.ORIGIN_STATE_ID)) {
                originStateId = Grammar.once(originStateId, avp);
                originStateId.unsigned32();
            } else if (avp.is(AvpCode.SUPPORTED_VENDOR_ID)) {
                supportedVendorIds.add(VendorId.valueOf(avp.unsigned32()));
            } else if (avp.is(AvpCode.AUTH_APPLICATION_ID)) {
                authApplicationIds.add(ApplicationId.valueOf(avp.unsigned32()));
            } else if (avp.is(AvpCode.INBAND_SECURITY_ID)) {
                inbandSecurityIds.add(avp.unsigned32());
            } else if (avp.is(AvpCode.ACCT_APPLICATION_ID)) {
                acctApplicationIds.add(ApplicationId.valueOf(avp.unsigned32()));
            } else if (avp.is(AvpCode.VENDOR_SPECIFIC_APPLICATION_ID)) {
                vendorSpecificApplicationIds.add(VendorSpecificApplicationId.read(avp));
            } else if (avp.is(AvpCode.FIRMWARE_REVISION)) {
                firmwareRevision = Grammar.once(firmwareRevision, avp);
                firmwareRevision.unsigned32();
            } else {
                return false;
            }
            return true;
        }

        /** The capabilities; 5005 for a required AVP that did not come. */
        Capabilities build() {
            Grammar.required(originHost, AvpCode.ORIGIN_HOST, where);
            Grammar.required(originRealm, AvpCode.ORIGIN_REALM, where);
            if (hostIpAddresses.isEmpty()) {
                throw DiameterException.missing(AvpCode.HOST_IP_ADDRESS, where);
            }
            Grammar.required(vendorId, AvpCode.VENDOR_ID, where);
            Grammar.required(productName, AvpCode.PRODUCT_NAME, where);
            return new Capabilities(new Origin(originHost.identity(), originRealm.identity()), hostIpAddresses,
                    VendorId.valueOf(vendorId.unsigned32()), productName.utf8(),
                    originStateId == null ? OptionalLong.empty() : OptionalLong.of(originStateId.unsigned32()),
                    supportedVendorIds, authApplicationIds, inbandSecurityIds, acctApplicationIds,
                    vendorSpecificApplicationIds,
                    firmwareRevision == null ? OptionalLong.empty() : OptionalLong.of(firmwareRevision.unsigned32()));
        }
    }
}
