package org.ceir.diameter.codec;

/**
 * Capabilities-Exchange-Request, CER (RFC 6733 §5.3.1): the first message on a connection, in
 * which the connecting peer says who it is and what it supports.
 *
 * <pre>
 * &lt;CER&gt; ::= &lt; Diameter Header: 257, REQ &gt;
 *           { Origin-Host } { Origin-Realm } 1* { Host-IP-Address } { Vendor-Id } { Product-Name }
 *           [ Origin-State-Id ] * [ Supported-Vendor-Id ] * [ Auth-Application-Id ]
 *           * [ Inband-Security-Id ] * [ Acct-Application-Id ] * [ Vendor-Specific-Application-Id ]
 *           [ Firmware-Revision ] * [ AVP ]
 * </pre>
 */
public record CapabilitiesExchangeRequest(DiameterHeader header, Capabilities capabilities) {

    public static CapabilitiesExchangeRequest create(Capabilities capabilities, int hopByHop, int endToEnd) {
        return new CapabilitiesExchangeRequest(DiameterHeader.request(CommandCode.CAPABILITIES_EXCHANGE,
                ApplicationId.COMMON, false, hopByHop, endToEnd), capabilities);
    }

    /**
     * Reads a CER.
     *
     * @throws DiameterException with the result for the CEA: 5005, 5004, 5009, 5001, 3008, 3007
     */
    public static CapabilitiesExchangeRequest from(DiameterMessage message) {
        Grammar.header(message, CommandCode.CAPABILITIES_EXCHANGE, ApplicationId.COMMON, true, false);
        Capabilities.Reader reader = new Capabilities.Reader("CER");
        for (Avp avp : message.avps()) {
            if (!reader.accept(avp)) {
                Grammar.other(avp, "CER");
            }
        }
        return new CapabilitiesExchangeRequest(message.header(), reader.build());
    }

    public DiameterMessage toMessage() {
        return DiameterMessage.of(header, capabilities.toAvps());
    }
}
