package org.ceir.diameter.codec;

/**
 * A request that cannot be served as it is: the result code to answer with, the AVP to put in
 * Failed-AVP (RFC 6733 §7.5) if one is to blame, and a sentence for Error-Message.
 *
 * <p>These are expected outcomes of bad input, not bugs, and a misbehaving peer can cause many
 * per second, so they carry no stack trace.
 */
public class DiameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ResultCode resultCode;
    private final transient Avp failedAvp;

    public DiameterException(ResultCode resultCode, Avp failedAvp, String message) {
        super(message, null, false, false);
        this.resultCode = resultCode;
        this.failedAvp = failedAvp;
    }

    /** The result to answer with. */
    public ResultCode resultCode() {
        return resultCode;
    }

    /** The AVP for Failed-AVP, or null when no AVP is to blame. */
    public Avp failedAvp() {
        return failedAvp;
    }

    /** 5005: the AVP is required and absent; Failed-AVP carries a zero-filled example (RFC 6733 §7.1.5). */
    public static DiameterException missing(AvpCode code, String where) {
        return new DiameterException(ResultCode.MISSING_AVP, Avp.example(code),
                where + " has no " + code.name() + " AVP");
    }

    /** 5004: the AVP's value is not one the definition allows. */
    public static DiameterException invalidValue(Avp avp, String why) {
        return new DiameterException(ResultCode.INVALID_AVP_VALUE, avp, avp.avpCode().name() + ": " + why);
    }

    /** 5009: the AVP may occur once and occurs again. */
    public static DiameterException repeated(Avp avp) {
        return new DiameterException(ResultCode.AVP_OCCURS_TOO_MANY_TIMES, avp,
                avp.avpCode().name() + " occurs more than once");
    }

    /** 5001: the M-bit demands that the AVP be understood, and it is not part of this command. */
    public static DiameterException unsupported(Avp avp, String where) {
        return new DiameterException(ResultCode.AVP_UNSUPPORTED, avp,
                avp.avpCode().name() + " has the M-bit set and is not understood in " + where);
    }

    @Override
    public String toString() {
        return resultCode + ": " + getMessage();
    }
}
