package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Vendor-Specific-Application-Id (RFC 6733 §6.11): a vendor's application, for authorization or
 * for accounting (one and only one of the two). How S13 is advertised in CER and CEA.
 *
 * @param vendorId          the vendor
 * @param authApplicationId the authorization application, if this is one
 * @param acctApplicationId the accounting application, if this is one
 */
public record VendorSpecificApplicationId(VendorId vendorId, Optional<ApplicationId> authApplicationId,
                                          Optional<ApplicationId> acctApplicationId) {
    /** S13: {Vendor-Id 10415, Auth-Application-Id 16777252} (TS 29.272 §7.1.8). */
    public static final VendorSpecificApplicationId S13 = auth(VendorId.TGPP, ApplicationId.S13);

    public VendorSpecificApplicationId {
        if (vendorId == null || authApplicationId == null || acctApplicationId == null
                || authApplicationId.isPresent() == acctApplicationId.isPresent()) {
            throw new IllegalArgumentException("a Vendor-Specific-Application-Id has a vendor and one and only one of"
                    + " an Auth-Application-Id and an Acct-Application-Id");
        }
    }

    public static VendorSpecificApplicationId auth(VendorId vendor, ApplicationId application) {
        return new VendorSpecificApplicationId(vendor, Optional.of(application), Optional.empty());
    }

    public static VendorSpecificApplicationId acct(VendorId vendor, ApplicationId application) {
        return new VendorSpecificApplicationId(vendor, Optional.empty(), Optional.of(application));
    }

    /** The application, whichever kind it is. */
    public ApplicationId application() {
        return authApplicationId.orElseGet(acctApplicationId::orElseThrow);
    }

    public Avp toAvp() {
        List<Avp> members = new ArrayList<>(2);
        members.add(Avp.unsigned32(AvpCode.VENDOR_ID, vendorId.value()));
        authApplicationId.ifPresent(id -> members.add(Avp.unsigned32(AvpCode.AUTH_APPLICATION_ID, id.value())));
        acctApplicationId.ifPresent(id -> members.add(Avp.unsigned32(AvpCode.ACCT_APPLICATION_ID, id.value())));
        return Avp.grouped(AvpCode.VENDOR_SPECIFIC_APPLICATION_ID, members);
    }

    /** Reads the grouped AVP; errors carry Failed-AVP inside its header (RFC 6733 §7.5). */
    static VendorSpecificApplicationId read(Avp avp) {
        Avp vendor = null;
        Avp auth = null;
        Avp acct = null;
        List<Avp> members = avp.grouped();
        try {
            for (Avp member : members) {
                if (member.is(AvpCode.VENDOR_ID)) {
                    vendor = Grammar.once(vendor, member);
                } else if (member.is(AvpCode.AUTH_APPLICATION_ID)) {
                    auth = Grammar.once(auth, member);
                } else if (member.is(AvpCode.ACCT_APPLICATION_ID)) {
                    acct = Grammar.once(acct, member);
                } else {
                    Grammar.other(member, "Vendor-Specific-Application-Id");
                }
            }
            Grammar.required(vendor, AvpCode.VENDOR_ID, "Vendor-Specific-Application-Id");
            if (auth == null && acct == null) {
                throw DiameterException.missing(AvpCode.AUTH_APPLICATION_ID, "Vendor-Specific-Application-Id");
            }
            if (auth != null && acct != null) {
                throw new DiameterException(ResultCode.CONTRADICTING_AVPS, acct,
                        "Vendor-Specific-Application-Id has both an Auth- and an Acct-Application-Id");
            }
            return new VendorSpecificApplicationId(VendorId.valueOf(vendor.unsigned32()),
                    auth == null ? Optional.empty() : Optional.of(ApplicationId.valueOf(auth.unsigned32())),
                    acct == null ? Optional.empty() : Optional.of(ApplicationId.valueOf(acct.unsigned32())));
        } catch (DiameterException e) {
            throw avp.within(e);
        }
    }
}
