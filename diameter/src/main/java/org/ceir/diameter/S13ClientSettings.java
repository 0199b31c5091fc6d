package org.ceir.diameter;

import java.time.Duration;

/**
 * Where an {@link S13Client} connects and who it says it is. The server accepts it only if its
 * Origin-Host/Realm is one of the server's {@code diameter.peers}.
 *
 * @param host             the server's address
 * @param port             the server's port
 * @param originHost       this client's Origin-Host (as an MME's, e.g. {@code mme1.epc.mnc001.mcc400.3gppnetwork.org})
 * @param originRealm      this client's Origin-Realm (e.g. {@code epc.mnc001.mcc400.3gppnetwork.org})
 * @param destinationRealm the EIR's realm ({@code diameter.origin-realm} of the server)
 * @param connectTimeout   time for the TCP connection and the capabilities exchange
 * @param requestTimeout   time for each answer
 * @param maxMessageBytes  the longest answer accepted
 */
public record S13ClientSettings(String host, int port, String originHost, String originRealm, String destinationRealm,
                                Duration connectTimeout, Duration requestTimeout, int maxMessageBytes) {
    public S13ClientSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the S13 server's host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the S13 server's port " + port + " is not a TCP port");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("S13 client timeouts must be positive");
        }
        if (maxMessageBytes < DiameterSettings.MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException("an S13 client accepts answers of at least "
                    + DiameterSettings.MIN_MESSAGE_BYTES + " octets, not " + maxMessageBytes);
        }
    }

    /** With 5-second timeouts and answers up to 64 KiB. */
    public static S13ClientSettings of(String host, int port, String originHost, String originRealm,
                                       String destinationRealm) {
        return new S13ClientSettings(host, port, originHost, originRealm, destinationRealm, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 64 * 1024);
    }
}
