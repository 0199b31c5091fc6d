package org.ceir.diameter;

import java.util.Locale;

/** Why the server closed a connection; each is a tag of the {@code ceir.diameter.disconnects} counter. */
enum CloseReason {
    /** The CER's Origin-Host/Realm is not a configured peer (3010). */
    UNKNOWN_PEER,
    /** The CER advertises neither S13 nor relay (5010). */
    NO_COMMON_APPLICATION,
    /** The CER demands TLS (5017). */
    NO_COMMON_SECURITY,
    /** The CER broke its grammar, or a second CER named another peer. */
    CER_REJECTED,
    /** A request other than CER came first (3010). */
    NOT_OPEN,
    /** The byte stream cannot be framed: bad version, length or size. */
    FRAMING,
    /** No CER within diameter.cer-timeout-seconds. */
    CER_TIMEOUT,
    /** A message took longer than diameter.message-timeout-seconds to arrive whole. */
    MESSAGE_TIMEOUT,
    /** No answer to a DWR within Tw (RFC 3539). */
    WATCHDOG_TIMEOUT,
    /** The peer left answers unread for diameter.write-timeout-seconds. */
    WRITE_STALLED,
    /** diameter.max-connections were already open. */
    CONNECTION_LIMIT,
    /** The transport failed (reset, I/O error). */
    TRANSPORT_ERROR,
    /** The peer sent a DPR: a normal goodbye. */
    PEER_DISCONNECTED,
    /** This server is shutting down (it sent a DPR). */
    SERVER_SHUTDOWN;

    /** The metric tag, e.g. {@code watchdog_timeout}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
