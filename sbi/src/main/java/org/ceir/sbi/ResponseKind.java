package org.ceir.sbi;

/**
 * Every kind of answer the server gives, with its HTTP status and ProblemDetails cause: the
 * closed set that the response counters are tagged with, so that each has a counter made once.
 * Causes are TS 29.500 §5.2.7.2 (protocol errors) and TS 29.511 §6.2.7.3 (ERROR_EQUIPMENT_UNKNOWN).
 */
enum ResponseKind {
    WHITELISTED(200, "OK", null),
    BLACKLISTED(200, "OK", null),
    GREYLISTED(200, "OK", null),
    EQUIPMENT_UNKNOWN(404, "Not Found", "ERROR_EQUIPMENT_UNKNOWN"),
    MANDATORY_QUERY_PARAM_MISSING(400, "Bad Request", "MANDATORY_QUERY_PARAM_MISSING"),
    MANDATORY_QUERY_PARAM_INCORRECT(400, "Bad Request", "MANDATORY_QUERY_PARAM_INCORRECT"),
    OPTIONAL_QUERY_PARAM_INCORRECT(400, "Bad Request", "OPTIONAL_QUERY_PARAM_INCORRECT"),
    INVALID_QUERY_PARAM(400, "Bad Request", "INVALID_QUERY_PARAM"),
    INVALID_API(400, "Bad Request", "INVALID_API"),
    RESOURCE_NOT_FOUND(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", null),
    URI_TOO_LONG(414, "URI Too Long", null),
    SYSTEM_FAILURE(500, "Internal Server Error", "SYSTEM_FAILURE");

    private final int status;
    private final String title;
    private final String cause;

    ResponseKind(int status, String title, String cause) {
        this.status = status;
        this.title = title;
        this.cause = cause;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    /** The ProblemDetails cause, or null where the specifications define none. */
    String cause() {
        return cause;
    }

    /** The counter tag: the cause where there is one, else the kind (the equipment status on 200). */
    String tag() {
        return cause != null ? cause : name();
    }
}
