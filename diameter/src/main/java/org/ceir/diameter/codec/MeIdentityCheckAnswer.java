package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceir.core.status.EquipmentStatus;

/**
 * ME-Identity-Check-Answer, ECA (TS 29.272 §7.2.20): the EIR's verdict. DIAMETER_SUCCESS with an
 * Equipment-Status (§7.3.51: 0 whitelisted, 1 blacklisted, 2 greylisted), or an Experimental-Result
 * DIAMETER_ERROR_EQUIPMENT_UNKNOWN (5422, §7.4.3) and no Result-Code, or a permanent failure
 * (5xxx) with Failed-AVP when the request was at fault.
 *
 * <pre>
 * &lt; ME-Identity-Check-Answer &gt; ::= &lt; Diameter Header: 324, PXY, 16777252 &gt;
 *           &lt; Session-Id &gt; [ DRMP ] [ Vendor-Specific-Application-Id ] [ Result-Code ]
 *           [ Experimental-Result ] { Auth-Session-State } { Origin-Host } { Origin-Realm }
 *           [ Equipment-Status ] * [ AVP ] [ Failed-AVP ] * [ Proxy-Info ] * [ Route-Record ]
 * </pre>
 *
 * <p>The answers the EIR sends most are built from AVPs encoded once (Auth-Session-State, each
 * Equipment-Status, the 5422 Experimental-Result) and the request's own Session-Id and Proxy-Info,
 * so that answering copies octets and encodes nothing.
 */
public final class MeIdentityCheckAnswer {
    private static final Avp NO_STATE_MAINTAINED =
            Avp.enumerated(AvpCode.AUTH_SESSION_STATE, AuthSessionState.NO_STATE_MAINTAINED.value());
    private static final Avp SUCCESS = Answers.resultCode(ResultCode.SUCCESS);
    private static final Avp[] STATUS = {
        Avp.enumerated(AvpCode.EQUIPMENT_STATUS, EquipmentStatus.WHITELISTED.s13Code()),
        Avp.enumerated(AvpCode.EQUIPMENT_STATUS, EquipmentStatus.BLACKLISTED.s13Code()),
        Avp.enumerated(AvpCode.EQUIPMENT_STATUS, EquipmentStatus.GREYLISTED.s13Code()),
    };
    private static final Avp EQUIPMENT_UNKNOWN = experimentalResult(ResultCode.EQUIPMENT_UNKNOWN);

    private final DiameterHeader header;
    private final Avp sessionId;
    private final ResultCode resultCode;
    private final ResultCode experimentalResult;
    private final Avp originHost;
    private final Avp originRealm;
    private final EquipmentStatus equipmentStatus;
    private final String errorMessage;
    private final List<Avp> failedAvps;
    private final List<Avp> proxyInfo;

    private MeIdentityCheckAnswer(DiameterHeader header, Avp sessionId, ResultCode resultCode,
                                  ResultCode experimentalResult, Avp originHost, Avp originRealm,
                                  EquipmentStatus equipmentStatus, String errorMessage, List<Avp> failedAvps,
                                  List<Avp> proxyInfo) {
        this.header = header;
        this.sessionId = sessionId;
        this.resultCode = resultCode;
        this.experimentalResult = experimentalResult;
        this.originHost = originHost;
        this.originRealm = originRealm;
        this.equipmentStatus = equipmentStatus;
        this.errorMessage = errorMessage;
        this.failedAvps = failedAvps;
        this.proxyInfo = proxyInfo;
    }

    /** DIAMETER_SUCCESS with the equipment's status. */
    public static MeIdentityCheckAnswer status(MeIdentityCheckRequest request, Origin origin, EquipmentStatus status) {
        return new MeIdentityCheckAnswer(request.header().answer(false), request.sessionIdAvp(), ResultCode.SUCCESS,
                null, origin.hostAvp(), origin.realmAvp(), status, null, List.of(), request.proxyInfo());
    }

    /** Experimental-Result DIAMETER_ERROR_EQUIPMENT_UNKNOWN (5422), no Result-Code, no Equipment-Status. */
    public static MeIdentityCheckAnswer equipmentUnknown(MeIdentityCheckRequest request, Origin origin) {
        return new MeIdentityCheckAnswer(request.header().answer(false), request.sessionIdAvp(), null,
                ResultCode.EQUIPMENT_UNKNOWN, origin.hostAvp(), origin.realmAvp(), null, null, List.of(),
                request.proxyInfo());
    }

    /**
     * The answer to an ECR that could not be served (a 5xxx, or a 4xxx): the error's Result-Code,
     * Error-Message and Failed-AVP; the request's Session-Id and Proxy-Info, when well-formed.
     */
    public static MeIdentityCheckAnswer failed(DiameterMessage request, Origin origin, DiameterException error) {
        Avp session = request.first(AvpCode.SESSION_ID);
        if (session != null && !isUtf8(session)) {
            session = null;
        }
        return new MeIdentityCheckAnswer(request.header().answer(error.resultCode().isProtocolError()), session,
                error.resultCode(), null, origin.hostAvp(), origin.realmAvp(), null, error.getMessage(),
                error.failedAvp() == null ? List.of() : List.of(error.failedAvp()), request.all(AvpCode.PROXY_INFO));
    }

    private static boolean isUtf8(Avp avp) {
        try {
            avp.requireUtf8();
            return true;
        } catch (DiameterException e) {
            return false;
        }
    }

    /**
     * What follows the Session-Id in the answer to a well-formed ECR without Proxy-Info, in
     * {@link #toMessage()}'s order: DIAMETER_SUCCESS and the status, or 5422 when {@code status}
     * is null. {@link EcaTemplate} encodes these once per server.
     */
    static List<Avp> afterSessionId(Origin origin, EquipmentStatus status) {
        return status == null
                ? List.of(EQUIPMENT_UNKNOWN, NO_STATE_MAINTAINED, origin.hostAvp(), origin.realmAvp())
                : List.of(SUCCESS, NO_STATE_MAINTAINED, origin.hostAvp(), origin.realmAvp(),
                        STATUS[status.s13Code()]);
    }

    /** Reads an ECA: it must carry a Result-Code or an Experimental-Result, not both. */
    public static MeIdentityCheckAnswer from(DiameterMessage message) {
        Grammar.header(message, CommandCode.ME_IDENTITY_CHECK, ApplicationId.S13, false, true);
        Avp sessionId = null;
        Avp result = null;
        Avp experimental = null;
        Avp state = null;
        Avp host = null;
        Avp realm = null;
        Avp status = null;
        Avp error = null;
        Avp failed = null;
        List<Avp> proxyInfo = new ArrayList<>(0);
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.SESSION_ID)) {
                sessionId = Grammar.once(sessionId, avp);
                avp.requireUtf8();
            } else if (avp.is(AvpCode.RESULT_CODE)) {
                result = Grammar.once(result, avp);
            } else if (avp.is(AvpCode.EXPERIMENTAL_RESULT)) {
                experimental = Grammar.once(experimental, avp);
            } else if (avp.is(AvpCode.AUTH_SESSION_STATE)) {
                state = Grammar.once(state, avp);
            } else if (avp.is(AvpCode.ORIGIN_HOST)) {
                host = Grammar.once(host, avp);
                avp.requireIdentity();
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                realm = Grammar.once(realm, avp);
                avp.requireIdentity();
            } else if (avp.is(AvpCode.EQUIPMENT_STATUS)) {
                status = Grammar.once(status, avp);
            } else if (avp.is(AvpCode.ERROR_MESSAGE)) {
                error = Grammar.once(error, avp);
            } else if (avp.is(AvpCode.FAILED_AVP)) {
                failed = Grammar.once(failed, avp);
            } else if (avp.is(AvpCode.PROXY_INFO)) {
                proxyInfo.add(avp);
            } else if (!avp.is(AvpCode.DRMP) && !avp.is(AvpCode.VENDOR_SPECIFIC_APPLICATION_ID)
                    && !avp.is(AvpCode.ROUTE_RECORD)) {
                Grammar.other(avp, "ECA");
            }
        }
        Grammar.required(sessionId, AvpCode.SESSION_ID, "ECA");
        Grammar.required(state, AvpCode.AUTH_SESSION_STATE, "ECA");
        Grammar.required(host, AvpCode.ORIGIN_HOST, "ECA");
        Grammar.required(realm, AvpCode.ORIGIN_REALM, "ECA");
        if (result == null && experimental == null) {
            throw DiameterException.missing(AvpCode.RESULT_CODE, "ECA");
        }
        if (result != null && experimental != null) {
            throw new DiameterException(ResultCode.CONTRADICTING_AVPS, experimental,
                    "ECA has both a Result-Code and an Experimental-Result");
        }
        EquipmentStatus equipmentStatus = null;
        if (status != null) {
            try {
                equipmentStatus = EquipmentStatus.ofS13Code(status.enumerated());
            } catch (IllegalArgumentException e) {
                throw DiameterException.invalidValue(status, e.getMessage());
            }
        }
        return new MeIdentityCheckAnswer(message.header(), sessionId,
                result == null ? null : ResultCode.valueOf(result.unsigned32()),
                experimental == null ? null : readExperimentalResult(experimental), host, realm, equipmentStatus,
                error == null ? null : error.utf8(), Answers.members(failed), proxyInfo);
    }

    /** Experimental-Result ::= &lt; AVP Header: 297 &gt; { Vendor-Id } { Experimental-Result-Code } (RFC 6733 §7.6). */
    private static ResultCode readExperimentalResult(Avp avp) {
        Avp vendor = null;
        Avp code = null;
        List<Avp> members = avp.grouped();
        try {
            for (Avp member : members) {
                if (member.is(AvpCode.VENDOR_ID)) {
                    vendor = Grammar.once(vendor, member);
                } else if (member.is(AvpCode.EXPERIMENTAL_RESULT_CODE)) {
                    code = Grammar.once(code, member);
                } else {
                    Grammar.other(member, "Experimental-Result");
                }
            }
            Grammar.required(vendor, AvpCode.VENDOR_ID, "Experimental-Result");
            Grammar.required(code, AvpCode.EXPERIMENTAL_RESULT_CODE, "Experimental-Result");
            return ResultCode.experimental(VendorId.valueOf(vendor.unsigned32()), code.unsigned32());
        } catch (DiameterException e) {
            throw avp.within(e);
        }
    }

    private static Avp experimentalResult(ResultCode code) {
        return Avp.grouped(AvpCode.EXPERIMENTAL_RESULT, List.of(
                Avp.unsigned32(AvpCode.VENDOR_ID, VendorId.TGPP.value()),
                Avp.unsigned32(AvpCode.EXPERIMENTAL_RESULT_CODE, code.value())));
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>(7 + proxyInfo.size());
        if (sessionId != null) {
            avps.add(sessionId);
        }
        if (resultCode != null) {
            avps.add(resultCode.equals(ResultCode.SUCCESS) ? SUCCESS : Answers.resultCode(resultCode));
        } else {
            avps.add(experimentalResult.equals(ResultCode.EQUIPMENT_UNKNOWN) ? EQUIPMENT_UNKNOWN
                    : experimentalResult(experimentalResult));
        }
        avps.add(NO_STATE_MAINTAINED);
        avps.add(originHost);
        avps.add(originRealm);
        if (equipmentStatus != null) {
            avps.add(STATUS[equipmentStatus.s13Code()]);
        }
        if (errorMessage != null) {
            avps.add(Avp.utf8(AvpCode.ERROR_MESSAGE, errorMessage));
        }
        Answers.addFailedAvp(avps, failedAvps);
        avps.addAll(proxyInfo);
        return DiameterMessage.owning(header, avps);
    }

    public DiameterHeader header() {
        return header;
    }

    /** The Session-Id; empty only in an error answer to a request that had none. */
    public Optional<String> sessionId() {
        return sessionId == null ? Optional.empty() : Optional.of(sessionId.utf8());
    }

    /** The outcome: the Result-Code, or else the Experimental-Result-Code. */
    public ResultCode result() {
        return resultCode != null ? resultCode : experimentalResult;
    }

    /** True when the outcome came in Experimental-Result (e.g. 5422) rather than Result-Code. */
    public boolean isExperimentalResult() {
        return resultCode == null;
    }

    public Optional<EquipmentStatus> equipmentStatus() {
        return Optional.ofNullable(equipmentStatus);
    }

    public String originHost() {
        return originHost.identity();
    }

    public String originRealm() {
        return originRealm.identity();
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** The AVPs inside Failed-AVP. */
    public List<Avp> failedAvps() {
        return failedAvps;
    }

    public List<Avp> proxyInfo() {
        return proxyInfo;
    }

    @Override
    public String toString() {
        return header + " " + result() + (equipmentStatus == null ? "" : " " + equipmentStatus)
                + (errorMessage == null ? "" : " \"" + errorMessage + "\"");
    }
}
