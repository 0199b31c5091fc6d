package org.ceir.diameter;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.ceir.core.check.EquipmentCheck;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.EcaTemplate;
import org.ceir.diameter.codec.Origin;

/**
 * What every connection of one S13 server shares: who the server is, whom it accepts, the check
 * it asks, its counters and limits.
 */
final class S13Node {
    /** Product-Name in CEA (RFC 6733 §5.3.7). */
    static final String PRODUCT_NAME = "ceir";

    final Origin origin;
    /** The octets of the common ECAs, encoded once for every connection's fast path. */
    final EcaTemplate ecaTemplate;
    /** Origin-State-Id (RFC 6733 §8.16): the start time in seconds, so that it grows with each restart. */
    final long originStateId;
    final PeerTable peers;
    final EquipmentCheck check;
    final DiameterMetrics metrics;
    final ServerLimits limits;
    final Identifiers identifiers = new Identifiers();
    final LogLimiter refusedCers = new LogLimiter(Duration.ofSeconds(10));
    final LogLimiter failedChecks = new LogLimiter(Duration.ofSeconds(10));

    S13Node(Origin origin, PeerTable peers, EquipmentCheck check, DiameterMetrics metrics, ServerLimits limits) {
        this.origin = origin;
        this.ecaTemplate = new EcaTemplate(origin);
        this.originStateId = System.currentTimeMillis() / 1000 & 0xffffffffL;
        this.peers = peers;
        this.check = check;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** This server's capabilities as seen on a connection that arrived at {@code localAddress}. */
    Capabilities capabilities(InetAddress localAddress) {
        return Capabilities.s13(origin, List.of(localAddress), originStateId, PRODUCT_NAME);
    }
}
