package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Disconnect-Peer-Answer, DPA (RFC 6733 §5.4.2); after it, the connection closes.
 *
 * <pre>
 * &lt;DPA&gt; ::= &lt; Diameter Header: 282 &gt; { Result-Code } { Origin-Host } { Origin-Realm }
 *           [ Error-Message ] [ Failed-AVP ] * [ AVP ]
 * </pre>
 */
public record DisconnectPeerAnswer(DiameterHeader header, ResultCode resultCode, Origin origin,
                                   Optional<String> errorMessage, List<Avp> failedAvps) {

    public DisconnectPeerAnswer {
        failedAvps = List.copyOf(failedAvps);
    }

    public static DisconnectPeerAnswer to(DiameterHeader request, ResultCode resultCode, Origin origin) {
        return new DisconnectPeerAnswer(request.answer(resultCode.isProtocolError()), resultCode, origin,
                Optional.empty(), List.of());
    }

    /** The answer to a DPR that broke its grammar, with Error-Message and Failed-AVP. */
    public static DisconnectPeerAnswer failed(DiameterHeader request, DiameterException error, Origin origin) {
        return new DisconnectPeerAnswer(request.answer(error.resultCode().isProtocolError()), error.resultCode(),
                origin, Optional.ofNullable(error.getMessage()),
                error.failedAvp() == null ? List.of() : List.of(error.failedAvp()));
    }

    public static DisconnectPeerAnswer from(DiameterMessage message) {
        Grammar.header(message, CommandCode.DISCONNECT_PEER, ApplicationId.COMMON, false, false);
        Avp result = null;
        Avp host = null;
        Avp realm = null;
        Avp error = null;
        Avp failed = null;
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.RESULT_CODE)) {
                result = Grammar.once(result, avp);
            } else if (avp.is(AvpCode.ORIGIN_HOST)) {
                host = Grammar.once(host, avp);
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                realm = Grammar.once(realm, avp);
            } else if (avp.is(AvpCode.ERROR_MESSAGE)) {
                error = Grammar.once(error, avp);
            } else if (avp.is(AvpCode.FAILED_AVP)) {
                failed = Grammar.once(failed, avp);
            } else {
                Grammar.other(avp, "DPA");
            }
        }
        Grammar.required(result, AvpCode.RESULT_CODE, "DPA");
        Grammar.required(host, AvpCode.ORIGIN_HOST, "DPA");
        Grammar.required(realm, AvpCode.ORIGIN_REALM, "DPA");
        return new DisconnectPeerAnswer(message.header(), ResultCode.valueOf(result.unsigned32()),
                new Origin(host.identity(), realm.identity()), Answers.text(error), Answers.members(failed));
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>(3);
        avps.add(Answers.resultCode(resultCode));
        avps.add(origin.hostAvp());
        avps.add(origin.realmAvp());
        Answers.addErrorMessage(avps, errorMessage);
        Answers.addFailedAvp(avps, failedAvps);
        return DiameterMessage.of(header, avps);
    }
}
