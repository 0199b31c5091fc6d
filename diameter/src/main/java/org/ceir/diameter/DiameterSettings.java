package org.ceir.diameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code diameter} section: where the S13 server listens, who it is, whom it accepts, and the
 * limits that keep a bad peer from exhausting it. Validated here: a contradiction throws naming
 * the setting; a soft value out of range is clamped with a warning.
 *
 * @param host                  the address to listen on
 * @param port                  the TCP port (3868, RFC 6733 §11.4); 0 for any free port
 * @param originHost            this EIR's Origin-Host: the name operators' DRAs route S13 to
 * @param originRealm           this EIR's Origin-Realm: what ECRs carry as Destination-Realm
 * @param peers                 the peers allowed to connect; a CER from anyone else gets 3010
 * @param watchdogSeconds       RFC 3539 Tw: a DWR after this long without a message, and the
 *                              connection closed if the peer stays silent as long again
 * @param maxMessageBytes       the longest message accepted; a longer one closes the connection
 * @param maxConnections        connections at once; more are closed at once
 * @param cerTimeoutSeconds     how long a new connection may take to send its CER
 * @param messageTimeoutSeconds how long a message may take to arrive whole (slow peers)
 * @param writeTimeoutSeconds   how long a peer may leave answers unread before it is dropped
 * @param ioThreads             event-loop threads; 0 for one per core
 */
public record DiameterSettings(String host, int port, String originHost, String originRealm, List<DiameterPeer> peers,
                               int watchdogSeconds, int maxMessageBytes, int maxConnections, int cerTimeoutSeconds,
                               int messageTimeoutSeconds, int writeTimeoutSeconds, int ioThreads) {
    /** RFC 3539 §3.4.1: Tw must not be set lower than 6 seconds. */
    public static final int MIN_WATCHDOG_SECONDS = 6;
    /** Room for a CER with every AVP a real peer sends; an ECR takes about 250 octets. */
    public static final int MIN_MESSAGE_BYTES = 1024;
    /** The 24-bit length field's limit, rounded down to a multiple of 4 (RFC 6733 §3). */
    public static final int MAX_MESSAGE_BYTES = 0xfffffc;

    private static final Logger LOG = LoggerFactory.getLogger(DiameterSettings.class);
    private static final Pattern OPERATOR_CODE = Pattern.compile("[a-z][a-z0-9]{0,31}");

    public DiameterSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("diameter.host is empty: give the address to listen on"
                    + " (127.0.0.1 for this machine only, or the address facing the operators' signalling network)");
        }
        host = host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("diameter.port " + port + ": 0 (any free port) or a TCP port up to 65535");
        }
        originHost = identity(originHost, "diameter.origin-host");
        originRealm = identity(originRealm, "diameter.origin-realm");
        peers = validPeers(peers);
        if (watchdogSeconds < MIN_WATCHDOG_SECONDS) {
            LOG.warn("diameter.watchdog-seconds {} is below RFC 3539's minimum; using {}", watchdogSeconds,
                    MIN_WATCHDOG_SECONDS);
            watchdogSeconds = MIN_WATCHDOG_SECONDS;
        }
        if (maxMessageBytes < MIN_MESSAGE_BYTES || maxMessageBytes > MAX_MESSAGE_BYTES) {
            int clamped = Math.max(MIN_MESSAGE_BYTES, Math.min(MAX_MESSAGE_BYTES, maxMessageBytes));
            LOG.warn("diameter.max-message-bytes {} is outside {}–{}; using {}", maxMessageBytes, MIN_MESSAGE_BYTES,
                    MAX_MESSAGE_BYTES, clamped);
            maxMessageBytes = clamped;
        }
        positive(maxConnections, "diameter.max-connections", "connections at once");
        positive(cerTimeoutSeconds, "diameter.cer-timeout-seconds", "seconds");
        positive(messageTimeoutSeconds, "diameter.message-timeout-seconds", "seconds");
        positive(writeTimeoutSeconds, "diameter.write-timeout-seconds", "seconds");
        if (ioThreads < 0) {
            throw new IllegalArgumentException("diameter.io-threads " + ioThreads + ": 0 (one per core) or more");
        }
    }

    /** These settings listening on another port (tests and load drivers use 0). */
    public DiameterSettings withPort(int newPort) {
        return new DiameterSettings(host, newPort, originHost, originRealm, peers, watchdogSeconds, maxMessageBytes,
                maxConnections, cerTimeoutSeconds, messageTimeoutSeconds, writeTimeoutSeconds, ioThreads);
    }

    private static String identity(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is empty: a Diameter identity is a host or realm name");
        }
        String identity = value.strip();
        if (!identity.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException(setting + " '" + identity
                    + "': a Diameter identity is printable ASCII without spaces, like a host name");
        }
        return identity;
    }

    private static List<DiameterPeer> validPeers(List<DiameterPeer> peers) {
        if (peers == null) {
            return List.of();
        }
        List<DiameterPeer> valid = new ArrayList<>(peers.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < peers.size(); i++) {
            DiameterPeer peer = peers.get(i);
            String setting = "diameter.peers[" + i + "]";
            if (peer == null) {
                throw new IllegalArgumentException(setting + " is empty: give realm, host (or \"\" for any) and operator");
            }
            String realm = identity(peer.realm(), setting + ".realm");
            String host = peer.host().isEmpty() ? "" : identity(peer.host(), setting + ".host");
            if (!OPERATOR_CODE.matcher(peer.operator()).matches()) {
                throw new IllegalArgumentException(setting + ".operator '" + peer.operator()
                        + "': an operator code, lower-case letters and digits (e.g. azercell)");
            }
            String key = host.toLowerCase(Locale.ROOT) + "@" + realm.toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw new IllegalArgumentException(setting + " repeats " + (host.isEmpty() ? "any host" : "host " + host)
                        + " of realm " + realm + ": each peer may map to one operator only");
            }
            valid.add(new DiameterPeer(host, realm, peer.operator()));
        }
        return List.copyOf(valid);
    }

    private static void positive(int value, String setting, String unit) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " " + value + ": at least 1 (" + unit + ")");
        }
    }
}
