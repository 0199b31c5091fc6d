package org.ceir.diameter;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured peers, by Origin-Realm and Origin-Host, compared without regard to case as DNS
 * names are (RFC 6733 §4.3.1). A peer named by host wins over a realm-wide entry.
 */
final class PeerTable {
    private final Map<String, DiameterPeer> byHostAndRealm = new HashMap<>();
    private final Map<String, DiameterPeer> byRealm = new HashMap<>();

    PeerTable(List<DiameterPeer> peers) {
        for (DiameterPeer peer : peers) {
            String realm = peer.realm().toLowerCase(Locale.ROOT);
            if (peer.host().isEmpty()) {
                byRealm.put(realm, peer);
            } else {
                byHostAndRealm.put(peer.host().toLowerCase(Locale.ROOT) + "@" + realm, peer);
            }
        }
    }

    /** The peer with this identity, or null when it is not configured. */
    DiameterPeer match(String originHost, String originRealm) {
        String realm = originRealm.toLowerCase(Locale.ROOT);
        DiameterPeer exact = byHostAndRealm.get(originHost.toLowerCase(Locale.ROOT) + "@" + realm);
        return exact != null ? exact : byRealm.get(realm);
    }

    boolean isEmpty() {
        return byHostAndRealm.isEmpty() && byRealm.isEmpty();
    }
}
