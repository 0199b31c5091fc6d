package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to any request that hit a protocol error (RFC 6733 §7.2): the E-bit set, a 3xxx
 * Result-Code, and only the AVPs every answer can carry. Also the answer to a command ceir does
 * not know (3001 DIAMETER_COMMAND_UNSUPPORTED).
 *
 * <pre>
 * &lt;answer-message&gt; ::= &lt; Diameter Header: code, ERR [PXY] &gt;
 *           0*1&lt; Session-Id &gt; { Origin-Host } { Origin-Realm } { Result-Code } [ Origin-State-Id ]
 *           [ Error-Message ] [ Error-Reporting-Host ] [ Failed-AVP ] [ Experimental-Result ]
 *           * [ Proxy-Info ] * [ AVP ]
 * </pre>
 *
 * @param sessionId  the request's Session-Id, if it had one
 * @param failedAvps the AVPs inside Failed-AVP
 * @param proxyInfo  the request's Proxy-Info AVPs, in order (RFC 6733 §6.2)
 */
public record ErrorAnswer(DiameterHeader header, Optional<String> sessionId, Origin origin, ResultCode resultCode,
                          Optional<String> errorMessage, List<Avp> failedAvps, List<Avp> proxyInfo) {

    public ErrorAnswer {
        failedAvps = List.copyOf(failedAvps);
        proxyInfo = List.copyOf(proxyInfo);
    }

    /**
     * The answer to {@code request}, whose header at least could be read, for {@code error}; the
     * request's Session-Id and Proxy-Info are copied (only when they are well-formed).
     */
    public static ErrorAnswer to(DiameterMessage request, Origin origin, DiameterException error) {
        Avp session = request.first(AvpCode.SESSION_ID);
        Optional<String> sessionId = Optional.empty();
        if (session != null) {
            try {
                sessionId = Optional.of(session.utf8());
            } catch (DiameterException notText) {
                sessionId = Optional.empty();
            }
        }
        return new ErrorAnswer(request.header().answer(error.resultCode().isProtocolError()), sessionId, origin,
                error.resultCode(), Optional.ofNullable(error.getMessage()),
                error.failedAvp() == null ? List.of() : List.of(error.failedAvp()), request.all(AvpCode.PROXY_INFO));
    }

    public static ErrorAnswer from(DiameterMessage message) {
        if (message.header() == null || message.header().isRequest()) {
            throw new IllegalArgumentException("not an answer: " + message);
        }
        Avp session = null;
        Avp host = null;
        Avp realm = null;
        Avp result = null;
        Avp error = null;
        Avp failed = null;
        List<Avp> proxyInfo = new ArrayList<>(0);
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.SESSION_ID)) {
                session = Grammar.once(session, avp);
            } else if (avp.is(AvpCode.ORIGIN_HOST)) {
                host = Grammar.once(host, avp);
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                realm = Grammar.once(realm, avp);
            } else if (avp.is(AvpCode.RESULT_CODE)) {
                result = Grammar.once(result, avp);
            } else if (avp.is(AvpCode.ERROR_MESSAGE)) {
                error = Grammar.once(error, avp);
            } else if (avp.is(AvpCode.FAILED_AVP)) {
                failed = Grammar.once(failed, avp);
            } else if (avp.is(AvpCode.PROXY_INFO)) {
                proxyInfo.add(avp);
            }
        }
        Grammar.required(host, AvpCode.ORIGIN_HOST, "the answer");
        Grammar.required(realm, AvpCode.ORIGIN_REALM, "the answer");
        Grammar.required(result, AvpCode.RESULT_CODE, "the answer");
        return new ErrorAnswer(message.header(), Answers.text(session), new Origin(host.identity(), realm.identity()),
                ResultCode.valueOf(result.unsigned32()), Answers.text(error), Answers.members(failed), proxyInfo);
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>(6 + proxyInfo.size());
        sessionId.ifPresent(id -> avps.add(Avp.utf8(AvpCode.SESSION_ID, id)));
        avps.add(origin.hostAvp());
        avps.add(origin.realmAvp());
        avps.add(Answers.resultCode(resultCode));
        Answers.addErrorMessage(avps, errorMessage);
        Answers.addFailedAvp(avps, failedAvps);
        avps.addAll(proxyInfo);
        return DiameterMessage.of(header, avps);
    }
}
