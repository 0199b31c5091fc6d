package org.ceir.diameter.codec;

/** Auth-Session-State (RFC 6733 §8.11): whether the server keeps session state. S13 keeps none. */
public enum AuthSessionState {
    STATE_MAINTAINED(0),
    /** What S13 uses: every ME Identity Check stands alone (TS 29.272 §7.2.19). */
    NO_STATE_MAINTAINED(1);

    private final int value;

    AuthSessionState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The state with this value; a value RFC 6733 does not define is an error. */
    public static AuthSessionState of(int value) {
        for (AuthSessionState state : values()) {
            if (state.value == value) {
                return state;
            }
        }
        throw new IllegalArgumentException("Auth-Session-State " + value
                + " is neither STATE_MAINTAINED (0) nor NO_STATE_MAINTAINED (1)");
    }
}
