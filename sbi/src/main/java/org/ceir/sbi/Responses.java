package org.ceir.sbi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;

/**
 * The answers the server gives most, made once: the three EirResponseData bodies and the 404
 * ERROR_EQUIPMENT_UNKNOWN. Their headers are shared by every stream of every connection; that is
 * safe because the HPACK encoder only reads them, and it saves building four header entries per
 * answer. Their bodies are read-only, unreleasable buffers that each answer writes a duplicate of.
 * Errors about a request are built per request ({@link #problem}): they carry its parameters.
 */
final class Responses {
    static final AsciiString JSON = AsciiString.cached("application/json");
    static final AsciiString PROBLEM_JSON = AsciiString.cached("application/problem+json");
    static final AsciiString ALLOWED = AsciiString.cached("GET, HEAD");

    /** One prepared answer. */
    record Prepared(Http2Headers headers, ByteBuf body) {
        /** A duplicate of the body for one write: its own indexes, the same bytes. */
        ByteBuf bodyToWrite() {
            return body.duplicate();
        }
    }

    private static final Map<ResponseKind, Prepared> PREPARED = new EnumMap<>(ResponseKind.class);

    static {
        for (ResponseKind kind : new ResponseKind[] {ResponseKind.WHITELISTED, ResponseKind.BLACKLISTED,
                ResponseKind.GREYLISTED}) {
            PREPARED.put(kind, prepare(200, JSON, SbiJson.eirResponseData(kind.name()), true));
        }
        PREPARED.put(ResponseKind.EQUIPMENT_UNKNOWN, prepare(404, PROBLEM_JSON, SbiJson.problem(new ProblemDetails(
                ResponseKind.EQUIPMENT_UNKNOWN.title(), 404, "The 5G-EIR does not know this equipment (TS 29.511"
                + " §6.2.7.3).", Optional.of(ResponseKind.EQUIPMENT_UNKNOWN.cause()), null)), true));
    }

    private Responses() {
    }

    /** The prepared answer of a 200 status or of EQUIPMENT_UNKNOWN. */
    static Prepared prepared(ResponseKind kind) {
        return PREPARED.get(kind);
    }

    /** A ProblemDetails answer for this request. */
    static Prepared problem(ResponseKind kind, String detail, List<ProblemDetails.InvalidParam> params) {
        byte[] body = SbiJson.problem(new ProblemDetails(kind.title(), kind.status(), detail,
                Optional.ofNullable(kind.cause()), params));
        Prepared prepared = prepare(kind.status(), PROBLEM_JSON, body, false);
        if (kind == ResponseKind.METHOD_NOT_ALLOWED) {
            prepared.headers().set(HttpHeaderNames.ALLOW, ALLOWED); // RFC 9110 §15.5.6
        }
        return prepared;
    }

    /** A direct body is written to the socket without a copy: worth it for the answers made once. */
    private static Prepared prepare(int status, AsciiString contentType, byte[] body, boolean direct) {
        Http2Headers headers = new DefaultHttp2Headers()
                .status(AsciiString.of(Integer.toString(status)))
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ByteBuf bytes = direct ? Unpooled.directBuffer(body.length).writeBytes(body) : Unpooled.wrappedBuffer(body);
        ByteBuf buffer = Unpooled.unreleasableBuffer(bytes.asReadOnly());
        return new Prepared(headers, buffer);
    }
}
