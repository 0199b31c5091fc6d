package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Capabilities-Exchange-Answer, CEA (RFC 6733 §5.3.2): the answer to a CER, with the answering
 * peer's own capabilities. DIAMETER_SUCCESS opens the connection; DIAMETER_UNKNOWN_PEER (3010),
 * DIAMETER_NO_COMMON_APPLICATION (5010) or DIAMETER_NO_COMMON_SECURITY (5017) refuse it.
 *
 * <pre>
 * &lt;CEA&gt; ::= &lt; Diameter Header: 257 &gt;
 *           { Result-Code } { Origin-Host } { Origin-Realm } 1* { Host-IP-Address } { Vendor-Id }
 *           { Product-Name } [ Origin-State-Id ] [ Error-Message ] [ Failed-AVP ]
 *           * [ Supported-Vendor-Id ] * [ Auth-Application-Id ] * [ Inband-Security-Id ]
 *           * [ Acct-Application-Id ] * [ Vendor-Specific-Application-Id ] [ Firmware-Revision ] * [ AVP ]
 * </pre>
 *
 * @param failedAvps the AVPs inside Failed-AVP, if the request was at fault
 */
public record CapabilitiesExchangeAnswer(DiameterHeader header, ResultCode resultCode, Capabilities capabilities,
                                         Optional<String> errorMessage, List<Avp> failedAvps) {

    public CapabilitiesExchangeAnswer {
        failedAvps = List.copyOf(failedAvps);
    }

    /** The answer to a CER, with the E-bit set for a protocol error (3xxx). */
    public static CapabilitiesExchangeAnswer to(DiameterHeader request, ResultCode resultCode, Capabilities ours,
                                                String errorMessage, Avp failedAvp) {
        return new CapabilitiesExchangeAnswer(request.answer(resultCode.isProtocolError()), resultCode, ours,
                Optional.ofNullable(errorMessage), failedAvp == null ? List.of() : List.of(failedAvp));
    }

    /** Reads a CEA; a CEA missing what its grammar requires is a {@link DiameterException}. */
    public static CapabilitiesExchangeAnswer from(DiameterMessage message) {
        Grammar.header(message, CommandCode.CAPABILITIES_EXCHANGE, ApplicationId.COMMON, false, false);
        Capabilities.Reader reader = new Capabilities.Reader("CEA");
        Avp resultCode = null;
        Avp errorMessage = null;
        Avp failedAvp = null;
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.RESULT_CODE)) {
                resultCode = Grammar.once(resultCode, avp);
            } else if (avp.is(AvpCode.ERROR_MESSAGE)) {
                errorMessage = Grammar.once(errorMessage, avp);
            } else if (avp.is(AvpCode.FAILED_AVP)) {
                failedAvp = Grammar.once(failedAvp, avp);
            } else if (!reader.accept(avp)) {
                Grammar.other(avp, "CEA");
            }
        }
        Grammar.required(resultCode, AvpCode.RESULT_CODE, "CEA");
        return new CapabilitiesExchangeAnswer(message.header(), ResultCode.valueOf(resultCode.unsigned32()),
                reader.build(), Answers.text(errorMessage), Answers.members(failedAvp));
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>();
        avps.add(Answers.resultCode(resultCode));
        avps.addAll(capabilities.toAvps());
        Answers.addErrorMessage(avps, errorMessage);
        Answers.addFailedAvp(avps, failedAvps);
        return DiameterMessage.of(header, avps);
    }
}
