package org.ceir.diameter.codec;

/**
 * The byte stream itself is broken (RFC 6733 §3: bad version, a length that is not a multiple of
 * four or shorter than a header, or longer than this side accepts): nothing after this point can
 * be framed, so the connection is answered if its header allows and then closed.
 */
public final class DiameterFramingException extends DiameterException {
    private static final long serialVersionUID = 1L;

    public DiameterFramingException(ResultCode resultCode, String message) {
        super(resultCode, null, message);
    }
}
