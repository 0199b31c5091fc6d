package org.ceir.sbi;

import java.util.List;
import java.util.Optional;

/**
 * An error answer of a 3GPP service-based interface (TS 29.571 §5.2.4.1 ProblemDetails), as the
 * N5g-eir server sends it and {@link N5gEirClient} reads it. Only the members ceir uses are kept.
 *
 * @param title         a short summary, e.g. {@code Bad Request}
 * @param status        the HTTP status it came with
 * @param detail        what went wrong, for a person
 * @param cause         the machine-readable cause (TS 29.500 §5.2.7.2 or TS 29.511 §6.2.7.3), if any
 * @param invalidParams each bad query parameter, named {@code query <name>} (TS 29.571 InvalidParam)
 */
public record ProblemDetails(String title, int status, String detail, Optional<String> cause,
                             List<InvalidParam> invalidParams) {
    public ProblemDetails {
        cause = cause == null ? Optional.empty() : cause;
        invalidParams = List.copyOf(invalidParams == null ? List.of() : invalidParams);
    }

    /**
     * One bad parameter.
     *
     * @param param  {@code query pei}, {@code query supi}, … as TS 29.571 InvalidParam asks
     * @param reason what is wrong with it and how to put it right
     */
    public record InvalidParam(String param, String reason) {
    }
}
