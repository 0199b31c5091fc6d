package org.ceir.diameter;

import org.ceir.diameter.codec.ResultCode;

/** An S13 exchange that failed: no connection, a refused capabilities exchange, a protocol error, a timeout. */
public final class S13ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ResultCode resultCode;

    public S13ClientException(String message, ResultCode resultCode, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
    }

    /** The result the server answered with, or null when there was no answer. */
    public ResultCode resultCode() {
        return resultCode;
    }
}
