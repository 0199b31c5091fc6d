package org.ceir.diameter.codec;

/** Why a peer closes its connection (RFC 6733 §5.4.3). */
public enum DisconnectCause {
    /** The peer is going down and will come back. */
    REBOOTING(0),
    /** The peer is too busy; try another. */
    BUSY(1),
    /** The peer has no use for this connection. */
    DO_NOT_WANT_TO_TALK_TO_YOU(2);

    private final int value;

    DisconnectCause(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The cause with this value; a value RFC 6733 does not define is an error. */
    public static DisconnectCause of(int value) {
        for (DisconnectCause cause : values()) {
            if (cause.value == value) {
                return cause;
            }
        }
        throw new IllegalArgumentException("Disconnect-Cause " + value + " is not 0, 1 or 2 (RFC 6733 §5.4.3)");
    }
}
