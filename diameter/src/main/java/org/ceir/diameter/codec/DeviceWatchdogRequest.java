package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Device-Watchdog-Request, DWR (RFC 6733 §5.5.1): sent on a quiet connection to learn whether
 * the peer is still there (RFC 3539 §3.4).
 *
 * <pre>
 * &lt;DWR&gt; ::= &lt; Diameter Header: 280, REQ &gt; { Origin-Host } { Origin-Realm } [ Origin-State-Id ] * [ AVP ]
 * </pre>
 */
public record DeviceWatchdogRequest(DiameterHeader header, Origin origin, OptionalLong originStateId) {

    public static DeviceWatchdogRequest create(Origin origin, OptionalLong originStateId, int hopByHop, int endToEnd) {
        return new DeviceWatchdogRequest(DiameterHeader.request(CommandCode.DEVICE_WATCHDOG, ApplicationId.COMMON,
                false, hopByHop, endToEnd), origin, originStateId);
    }

    /** Reads a DWR; 5005, 5004, 5009, 5001, 3008 or 3007 for one that breaks its grammar. */
    public static DeviceWatchdogRequest from(DiameterMessage message) {
        Grammar.header(message, CommandCode.DEVICE_WATCHDOG, ApplicationId.COMMON, true, false);
        Avp host = null;
        Avp realm = null;
        Avp state = null;
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.ORIGIN_HOST)) {
                host = Grammar.once(host, avp);
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                realm = Grammar.once(realm, avp);
            } else if (avp.is(AvpCode.ORIGIN_STATE_ID)) {
                state = Grammar.once(state, avp);
            } else {
                Grammar.other(avp, "DWR");
            }
        }
        Grammar.required(host, AvpCode.ORIGIN_HOST, "DWR");
        Grammar.required(realm, AvpCode.ORIGIN_REALM, "DWR");
        return new DeviceWatchdogRequest(message.header(), new Origin(host.identity(), realm.identity()),
                state == null ? OptionalLong.empty() : OptionalLong.of(state.unsigned32()));
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>(3);
        avps.add(origin.hostAvp());
        avps.add(origin.realmAvp());
        originStateId.ifPresent(id -> avps.add(Avp.unsigned32(AvpCode.ORIGIN_STATE_ID, id)));
        return DiameterMessage.of(header, avps);
    }
}
