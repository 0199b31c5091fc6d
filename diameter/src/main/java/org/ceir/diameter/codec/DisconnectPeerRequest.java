package org.ceir.diameter.codec;

import java.util.List;

/**
 * Disconnect-Peer-Request, DPR (RFC 6733 §5.4.1): the sender is about to close the connection
 * and asks the peer not to reconnect for a while, for the given cause.
 *
 * <pre>
 * &lt;DPR&gt; ::= &lt; Diameter Header: 282, REQ &gt; { Origin-Host } { Origin-Realm } { Disconnect-Cause } * [ AVP ]
 * </pre>
 */
public record DisconnectPeerRequest(DiameterHeader header, Origin origin, DisconnectCause cause) {

    public static DisconnectPeerRequest create(Origin origin, DisconnectCause cause, int hopByHop, int endToEnd) {
        return new DisconnectPeerRequest(DiameterHeader.request(CommandCode.DISCONNECT_PEER, ApplicationId.COMMON,
                false, hopByHop, endToEnd), origin, cause);
    }

    /** Reads a DPR; 5005, 5004 (an undefined cause), 5009, 5001, 3008 or 3007 for one that breaks its grammar. */
    public static DisconnectPeerRequest from(DiameterMessage message) {
        Grammar.header(message, CommandCode.DISCONNECT_PEER, ApplicationId.COMMON, true, false);
        Avp host = null;
        Avp realm = null;
        Avp cause = null;
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.ORIGIN_HOST)) {
                host = Grammar.once(host, avp);
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                realm = Grammar.once(realm, avp);
            } else if (avp.is(AvpCode.DISCONNECT_CAUSE)) {
                cause = Grammar.once(cause, avp);
            } else {
                Grammar.other(avp, "DPR");
            }
        }
        Grammar.required(host, AvpCode.ORIGIN_HOST, "DPR");
        Grammar.required(realm, AvpCode.ORIGIN_REALM, "DPR");
        Grammar.required(cause, AvpCode.DISCONNECT_CAUSE, "DPR");
        DisconnectCause disconnectCause;
        try {
            disconnectCause = DisconnectCause.of(cause.enumerated());
        } catch (IllegalArgumentException e) {
            throw DiameterException.invalidValue(cause, e.getMessage());
        }
        return new DisconnectPeerRequest(message.header(), new Origin(host.identity(), realm.identity()),
                disconnectCause);
    }

    public DiameterMessage toMessage() {
        return DiameterMessage.of(header, List.of(origin.hostAvp(), origin.realmAvp(),
                Avp.enumerated(AvpCode.DISCONNECT_CAUSE, cause.value())));
    }
}
