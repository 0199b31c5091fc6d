package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ME-Identity-Check-Request, ECR (TS 29.272 §7.2.19): an MME (S13) or SGSN (S13') asks the EIR
 * about the equipment of a subscriber who attaches (procedure in TS 29.272 §6.2).
 *
 * <pre>
 * &lt; ME-Identity-Check-Request &gt; ::= &lt; Diameter Header: 324, REQ, PXY, 16777252 &gt;
 *           &lt; Session-Id &gt; [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State }
 *           { Origin-Host } { Origin-Realm } [ Destination-Host ] { Destination-Realm }
 *           { Terminal-Information } [ User-Name ] * [ AVP ] * [ Proxy-Info ] * [ Route-Record ]
 * Terminal-Information ::= &lt; AVP Header: 1401 10415 &gt; [ IMEI ] [ 3GPP2-MEID ] [ Software-Version ] * [ AVP ]
 * </pre>
 *
 * <p>This is the hot path: reading one checks every AVP the EIR uses (UTF-8, identities, the
 * IMEI's presence) but makes no Strings; the values stay views into the message's buffer until
 * an accessor asks for text. The IMEI's digits are the policy's business, not the codec's: a
 * malformed IMEI still gets an Equipment-Status (TS 29.272 §6.2.1.3 leaves it to the EIR).
 */
public final class MeIdentityCheckRequest {
    private final DiameterHeader header;
    private final Avp sessionId;
    private final AuthSessionState authSessionState;
    private final Avp originHost;
    private final Avp originRealm;
    private final Avp destinationHost;
    private final Avp destinationRealm;
    private final Avp imei;
    private final Avp softwareVersion;
    private final Avp userName;
    private final List<Avp> proxyInfo;
    private final List<Avp> routeRecord;

    private MeIdentityCheckRequest(DiameterHeader header, Avp sessionId, AuthSessionState authSessionState,
                                   Avp originHost, Avp originRealm, Avp destinationHost, Avp destinationRealm,
                                   Avp imei, Avp softwareVersion, Avp userName, List<Avp> proxyInfo,
                                   List<Avp> routeRecord) {
        this.header = header;
        this.sessionId = sessionId;
        this.authSessionState = authSessionState;
        this.originHost = originHost;
        this.originRealm = originRealm;
        this.destinationHost = destinationHost;
        this.destinationRealm = destinationRealm;
        this.imei = imei;
        this.softwareVersion = softwareVersion;
        this.userName = userName;
        this.proxyInfo = proxyInfo;
        this.routeRecord = routeRecord;
    }

    /**
     * An ECR as an MME sends it.
     *
     * @param softwareVersion the IMEISV's 2-digit software version, or null
     * @param imsi            the subscriber's IMSI for User-Name, or null
     */
    public static MeIdentityCheckRequest create(String sessionId, Origin origin, String destinationRealm,
                                                CharSequence imei, CharSequence softwareVersion, CharSequence imsi,
                                                int hopByHop, int endToEnd) {
        return new MeIdentityCheckRequest(
                DiameterHeader.request(CommandCode.ME_IDENTITY_CHECK, ApplicationId.S13, true, hopByHop, endToEnd),
                Avp.utf8(AvpCode.SESSION_ID, sessionId), AuthSessionState.NO_STATE_MAINTAINED,
                origin.hostAvp(), origin.realmAvp(), null, Avp.utf8(AvpCode.DESTINATION_REALM, destinationRealm),
                Avp.utf8(AvpCode.IMEI, imei),
                softwareVersion == null ? null : Avp.utf8(AvpCode.SOFTWARE_VERSION, softwareVersion),
                imsi == null ? null : Avp.utf8(AvpCode.USER_NAME, imsi), List.of(), List.of());
    }

    /**
     * Reads an ECR.
     *
     * @throws DiameterException with the result for the ECA: 5005 (with the missing AVP as an
     *                           example in Failed-AVP), 5004, 5014, 5009, 5001, 3008 or 3007
     */
    public static MeIdentityCheckRequest from(DiameterMessage message) {
        Grammar.header(message, CommandCode.ME_IDENTITY_CHECK, ApplicationId.S13, true, true);
        Avp sessionId = null;
        Avp authSessionState = null;
        Avp originHost = null;
        Avp originRealm = null;
        Avp destinationHost = null;
        Avp destinationRealm = null;
        Avp terminalInformation = null;
        Avp userName = null;
        List<Avp> proxyInfo = List.of();
        List<Avp> routeRecord = List.of();
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.SESSION_ID)) {
                sessionId = Grammar.once(sessionId, avp);
                avp.requireUtf8();
            } else if (avp.is(AvpCode.AUTH_SESSION_STATE)) {
                authSessionState = Grammar.once(authSessionState, avp);
            } else if (avp.is(AvpCode.ORIGIN_HOST)) {
                originHost = Grammar.once(originHost, avp);
                avp.requireIdentity();
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                originRealm = Grammar.once(originRealm, avp);
                avp.requireIdentity();
            } else if (avp.is(AvpCode.DESTINATION_HOST)) {
                destinationHost = Grammar.once(destinationHost, avp);
                avp.requireIdentity();
            } else if (avp.is(AvpCode.DESTINATION_REALM)) {
                destinationRealm = Grammar.once(destinationRealm, avp);
                avp.requireIdentity();
            } else if (avp.is(AvpCode.TERMINAL_INFORMATION)) {
                terminalInformation = Grammar.once(terminalInformation, avp);
            } else if (avp.is(AvpCode.USER_NAME)) {
                userName = Grammar.once(userName, avp);
                avp.requireUtf8();
            } else if (avp.is(AvpCode.PROXY_INFO)) {
                proxyInfo = add(proxyInfo, avp);
            } else if (avp.is(AvpCode.ROUTE_RECORD)) {
                routeRecord = add(routeRecord, avp);
            } else if (!avp.is(AvpCode.DRMP) && !avp.is(AvpCode.VENDOR_SPECIFIC_APPLICATION_ID)) {
                Grammar.other(avp, "ECR");
            }
        }
        Grammar.required(sessionId, AvpCode.SESSION_ID, "ECR");
        Grammar.required(authSessionState, AvpCode.AUTH_SESSION_STATE, "ECR");
        Grammar.required(originHost, AvpCode.ORIGIN_HOST, "ECR");
        Grammar.required(originRealm, AvpCode.ORIGIN_REALM, "ECR");
        Grammar.required(destinationRealm, AvpCode.DESTINATION_REALM, "ECR");
        Grammar.required(terminalInformation, AvpCode.TERMINAL_INFORMATION, "ECR");
        AuthSessionState state;
        try {
            state = AuthSessionState.of(authSessionState.enumerated());
        } catch (IllegalArgumentException e) {
            throw DiameterException.invalidValue(authSessionState, e.getMessage());
        }
        Avp imei = null;
        Avp softwareVersion = null;
        List<Avp> members = terminalInformation.grouped();
        try {
            for (Avp member : members) {
                if (member.is(AvpCode.IMEI)) {
                    imei = Grammar.once(imei, member);
                    member.requireUtf8();
                } else if (member.is(AvpCode.SOFTWARE_VERSION)) {
                    softwareVersion = Grammar.once(softwareVersion, member);
                    member.requireUtf8();
                } else if (!member.is(AvpCode.MEID_3GPP2)) {
                    Grammar.other(member, "Terminal-Information");
                }
            }
            Grammar.required(imei, AvpCode.IMEI, "Terminal-Information");
        } catch (DiameterException e) {
            throw terminalInformation.within(e);
        }
        return new MeIdentityCheckRequest(message.header(), sessionId, state, originHost, originRealm,
                destinationHost, destinationRealm, imei, softwareVersion, userName, proxyInfo, routeRecord);
    }

    private static List<Avp> add(List<Avp> list, Avp avp) {
        List<Avp> grown = list.isEmpty() ? new ArrayList<>(2) : list;
        grown.add(avp);
        return grown;
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>(8 + proxyInfo.size() + routeRecord.size());
        avps.add(sessionId);
        avps.add(Avp.enumerated(AvpCode.AUTH_SESSION_STATE, authSessionState.value()));
        avps.add(originHost);
        avps.add(originRealm);
        if (destinationHost != null) {
            avps.add(destinationHost);
        }
        avps.add(destinationRealm);
        avps.add(Avp.grouped(AvpCode.TERMINAL_INFORMATION,
                softwareVersion == null ? List.of(imei) : List.of(imei, softwareVersion)));
        if (userName != null) {
            avps.add(userName);
        }
        avps.addAll(proxyInfo);
        avps.addAll(routeRecord);
        return DiameterMessage.owning(header, avps);
    }

    public DiameterHeader header() {
        return header;
    }

    public String sessionId() {
        return sessionId.utf8();
    }

    /** The Session-Id AVP, for echoing in the answer without decoding it. */
    public Avp sessionIdAvp() {
        return sessionId;
    }

    public AuthSessionState authSessionState() {
        return authSessionState;
    }

    public String originHost() {
        return originHost.identity();
    }

    public String originRealm() {
        return originRealm.identity();
    }

    public Optional<String> destinationHost() {
        return destinationHost == null ? Optional.empty() : Optional.of(destinationHost.identity());
    }

    public String destinationRealm() {
        return destinationRealm.identity();
    }

    /** Destination-Host, or null; for comparing without a String. */
    public Avp destinationHostAvp() {
        return destinationHost;
    }

    /** Destination-Realm; for comparing without a String. */
    public Avp destinationRealmAvp() {
        return destinationRealm;
    }

    /** The IMEI as sent: 14 digits, possibly a 15th (TS 29.272 §7.3.4); judged by the policy, not here. */
    public String imei() {
        return imei.utf8();
    }

    /** The IMEI AVP, for reading through an {@link AsciiView} without a String. */
    public Avp imeiAvp() {
        return imei;
    }

    public Optional<String> softwareVersion() {
        return softwareVersion == null ? Optional.empty() : Optional.of(softwareVersion.utf8());
    }

    /** User-Name: the subscriber's IMSI, optional on S13 (TS 29.272 §7.2.19). */
    public Optional<String> imsi() {
        return userName == null ? Optional.empty() : Optional.of(userName.utf8());
    }

    /** The User-Name AVP, or null; for reading through an {@link AsciiView}. */
    public Avp userNameAvp() {
        return userName;
    }

    /** The Proxy-Info AVPs, in order, to be copied into the answer (RFC 6733 §6.2). */
    public List<Avp> proxyInfo() {
        return proxyInfo;
    }

    public List<Avp> routeRecord() {
        return routeRecord;
    }

    @Override
    public String toString() {
        return header + " Session-Id=" + sessionId + " IMEI=" + imei + (userName == null ? "" : " " + userName);
    }
}
