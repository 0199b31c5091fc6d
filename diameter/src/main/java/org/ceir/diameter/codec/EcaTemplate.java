package org.ceir.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.ceir.core.check.Outcome;
import org.ceir.core.status.EquipmentStatus;

/**
 * The octets of an ECA that do not depend on the request, encoded once per server: for each
 * outcome, everything after the Session-Id (Result-Code or the 5422 Experimental-Result,
 * Auth-Session-State, Origin-Host, Origin-Realm, Equipment-Status), exactly as
 * {@link MeIdentityCheckAnswer#toMessage()} writes them. Immutable; shared by every connection.
 */
public final class EcaTemplate {
    private final byte[][] tails = new byte[Outcome.values().length][];

    public EcaTemplate(Origin origin) {
        for (Outcome outcome : Outcome.values()) {
            EquipmentStatus status = outcome.equipmentStatus();
            ByteBuf out = Unpooled.buffer();
            for (Avp avp : MeIdentityCheckAnswer.afterSessionId(origin, status)) {
                avp.writeTo(out);
            }
            byte[] tail = new byte[out.readableBytes()];
            out.readBytes(tail);
            tails[outcome.ordinal()] = tail;
        }
    }

    /** The answer's AVPs after the Session-Id for this outcome; the caller must not change them. */
    byte[] tail(Outcome outcome) {
        return tails[outcome.ordinal()];
    }
}
