package org.ceir.diameter.codec;

/**
 * A Diameter command code (RFC 6733 §3.1). The space is open (IANA assigns codes to every
 * application), so {@link #valueOf} accepts any value; the ones ceir handles are constants, and an
 * unknown one gets DIAMETER_COMMAND_UNSUPPORTED (3001) from the server.
 */
public final class CommandCode {
    /** CER/CEA, RFC 6733 §5.3. */
    public static final CommandCode CAPABILITIES_EXCHANGE = new CommandCode(257, "Capabilities-Exchange", "CE");
    /** DWR/DWA, RFC 6733 §5.5. */
    public static final CommandCode DEVICE_WATCHDOG = new CommandCode(280, "Device-Watchdog", "DW");
    /** DPR/DPA, RFC 6733 §5.4. */
    public static final CommandCode DISCONNECT_PEER = new CommandCode(282, "Disconnect-Peer", "DP");
    /** ECR/ECA, TS 29.272 §7.2.19 and §7.2.20. */
    public static final CommandCode ME_IDENTITY_CHECK = new CommandCode(324, "ME-Identity-Check", "EC");

    private final int value;
    private final String name;
    private final String abbreviation;

    private CommandCode(int value, String name, String abbreviation) {
        this.value = value;
        this.name = name;
        this.abbreviation = abbreviation;
    }

    /** The command with this 24-bit code; never throws. */
    public static CommandCode valueOf(int value) {
        switch (value) {
            case 257:
                return CAPABILITIES_EXCHANGE;
            case 280:
                return DEVICE_WATCHDOG;
            case 282:
                return DISCONNECT_PEER;
            case 324:
                return ME_IDENTITY_CHECK;
            default:
                return new CommandCode(value & 0xffffff, null, null);
        }
    }

    public int value() {
        return value;
    }

    /** True for a command ceir handles. */
    public boolean isKnown() {
        return name != null;
    }

    /** The request's short name, e.g. {@code ECR}; {@code request 999} for an unknown command. */
    public String requestName() {
        return abbreviation == null ? "request " + value : abbreviation + "R";
    }

    /** The answer's short name, e.g. {@code ECA}. */
    public String answerName() {
        return abbreviation == null ? "answer " + value : abbreviation + "A";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandCode && ((CommandCode) other).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return name == null ? "command " + value : name + " (" + value + ")";
    }
}
