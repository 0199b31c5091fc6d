package org.ceir.web;

import java.util.Map;

/**
 * A request that cannot be answered as asked, thrown by handlers and turned into a response in one
 * place ({@link ProblemMapper}): an {@code application/problem+json} body (RFC 9457) for APIs, a
 * page for browsers.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457 Problem Details for HTTP APIs</a>
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final transient Map<String, Object> extensions;
    private final transient Map<String, String> headers;

    /**
     * @param status     the HTTP status
     * @param type       a short name of the kind of problem ({@code invalid-imei}); its title comes
     *                   from the messages ({@code problem.<type>})
     * @param detail     what happened here, for a person, in the request's language
     * @param extensions further members of the body (e.g. {@code invalidParams})
     * @param headers    response headers (e.g. {@code Retry-After})
     */
    Problem(int status, String type, String detail, Map<String, Object> extensions, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    Problem(int status, String type, String detail) {
        this(status, type, detail, Map.of(), Map.of());
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String detail() {
        return getMessage();
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    Map<String, String> headers() {
        return headers;
    }
}
