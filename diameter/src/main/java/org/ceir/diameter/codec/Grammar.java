package org.ceir.diameter.codec;

/**
 * The checks every command's grammar (its Command Code Format, RFC 6733 §3.2) shares: an AVP
 * that may occur once, one that must occur, an AVP the command does not know, and the header's
 * command, application and flags.
 */
final class Grammar {
    private Grammar() {
    }

    /** An AVP of at most one occurrence: 5009 on the second. */
    static Avp once(Avp seen, Avp avp) {
        if (seen != null) {
            throw DiameterException.repeated(avp);
        }
        return avp;
    }

    /** An AVP of at least one occurrence: 5005 when absent. */
    static Avp required(Avp avp, AvpCode code, String where) {
        if (avp == null) {
            throw DiameterException.missing(code, where);
        }
        return avp;
    }

    /**
     * An AVP this command does not name: allowed by the grammar's {@code *[AVP]} and ignored,
     * unless its M-bit demands understanding (RFC 6733 §4.1): 5001.
     */
    static void other(Avp avp, String where) {
        if (avp.isMandatory()) {
            throw DiameterException.unsupported(avp, where);
        }
    }

    /**
     * Checks the header against the command's definition: the command (a caller's mistake if
     * not), the application (3007), the R-bit (the caller's mistake), the P-bit (3008), and for a
     * request the E-bit (3008, RFC 6733 §3).
     */
    static void header(DiameterMessage message, CommandCode command, ApplicationId application, boolean request,
                       boolean proxiable) {
        DiameterHeader header = message.header();
        if (header == null || !header.command().equals(command) || header.isRequest() != request) {
            throw new IllegalArgumentException("not a " + (request ? command.requestName() : command.answerName())
                    + ": " + message);
        }
        String name = request ? command.requestName() : command.answerName();
        if (!header.application().equals(application)) {
            throw new DiameterException(ResultCode.APPLICATION_UNSUPPORTED, null,
                    name + " belongs to " + application + ", not " + header.application());
        }
        if (header.isProxiable() != proxiable) {
            throw new DiameterException(ResultCode.INVALID_HDR_BITS, null,
                    name + " must " + (proxiable ? "" : "not ") + "have the P-bit set");
        }
        if (request && header.isError()) {
            throw new DiameterException(ResultCode.INVALID_HDR_BITS, null, "a request must not have the E-bit set");
        }
    }
}
