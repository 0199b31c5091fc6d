package org.ceir.sbi;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One h2c connection of the N5g-eir server: reads each request's HEADERS frame and answers it at
 * once, on the connection's event loop.
 *
 * <p>This is the hot path, so it is written against Netty's {@link Http2ConnectionHandler} and
 * frame listener directly rather than through a stream channel per request
 * ({@code Http2MultiplexHandler}), which would cost a channel, a pipeline and their handlers for
 * every check. A good request allocates nothing here beyond what Netty's own frame decoding does:
 * the query is decoded into buffers kept by the connection ({@link EquipmentStatusQuery}), the
 * check answers an {@code int}, and the answer's headers and body are made once
 * ({@link Responses}) and counted on a counter already in hand ({@link SbiMetrics}).
 *
 * <p>Answers are not flushed one by one: Netty flushes when a read burst ends, so a client that
 * sends many requests in one packet gets its answers in few packets. A client that stops reading
 * is not read from either ({@link #channelWritabilityChanged}), so it cannot make the server queue
 * answers without bound.
 */
final class N5gEirHandler extends Http2ConnectionHandler {
    static final String API_ROOT = "/n5g-eir-eic/v1/";
    static final String RESOURCE = "/n5g-eir-eic/v1/equipment-status";

    private static final Logger LOG = LoggerFactory.getLogger(N5gEirHandler.class);
    private static final AsciiString GET = HttpMethod.GET.asciiName();
    private static final AsciiString HEAD = HttpMethod.HEAD.asciiName();

    private final EquipmentCheck check;
    private final String operator;
    private final SbiMetrics metrics;
    private final int maxUriLength;
    private final EquipmentStatusQuery query = new EquipmentStatusQuery();

    private N5gEirHandler(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initial,
                          EquipmentCheck check, String operator, SbiMetrics metrics, int maxUriLength) {
        super(decoder, encoder, initial);
        // In force at once, not only when the client acknowledges our SETTINGS (RFC 9113 §6.5.3): a
        // client that never acknowledges must not get unlimited streams. A conformant client that
        // sends before it has read our SETTINGS gets REFUSED_STREAM, which it may safely retry.
        connection().remote().maxActiveStreams(initial.maxConcurrentStreams().intValue());
        this.check = check;
        this.operator = operator;
        this.metrics = metrics;
        this.maxUriLength = maxUriLength;
        decoder.frameListener(new Listener());
    }

    /** A handler for one new connection from a client of {@code operator} (null when unknown). */
    static N5gEirHandler create(SbiSettings settings, EquipmentCheck check, String operator, SbiMetrics metrics) {
        return new Builder(settings, check, operator, metrics).build();
    }

    /** Reads HEADERS and answers; swallows request bodies, which this API has none of. */
    private final class Listener extends Http2FrameAdapter {
        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
                                  boolean endOfStream) {
            Http2Stream stream = connection().stream(streamId);
            if (stream == null || stream.isHeadersSent()) {
                return; // trailers of a request already answered
            }
            ChannelFuture written;
            try {
                written = answer(ctx, streamId, headers);
            } catch (RuntimeException e) {
                LOG.error("N5g-eir request {} {} failed; answering 500", headers.method(), headers.path(), e);
                written = send(ctx, streamId, ResponseKind.SYSTEM_FAILURE, Responses.problem(
                        ResponseKind.SYSTEM_FAILURE, "The 5G-EIR failed to answer; it has logged why.", null), false);
            }
            if (!endOfStream) {
                // The answer is complete while the client still sends: tell it to stop (RFC 9113 §8.1).
                written.addListener(future -> {
                    Http2Stream open = connection().stream(streamId);
                    if (future.isSuccess() && open != null) {
                        resetStream(ctx, streamId, Http2Error.NO_ERROR.code(), ctx.newPromise());
                    }
                });
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                                  short weight, boolean exclusive, int padding, boolean endOfStream) {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
            return data.readableBytes() + padding; // consumed: gives the flow-control window back
        }
    }

    private ChannelFuture answer(ChannelHandlerContext ctx, int streamId, Http2Headers headers) {
        CharSequence path = headers.path();
        CharSequence method = headers.method();
        boolean head = HEAD.contentEquals(method);
        if (path.length() > maxUriLength) {
            return problem(ctx, streamId, ResponseKind.URI_TOO_LONG, "The URI has " + path.length()
                    + " characters; this server takes at most " + maxUriLength + " (sbi.max-uri-length).", null, head);
        }
        int queryStart = EquipmentStatusQuery.indexOf(path, '?', 0, path.length());
        if (!regionIs(path, queryStart, RESOURCE)) {
            return unknownResource(ctx, streamId, path, queryStart, head);
        }
        if (!head && !GET.contentEquals(method)) {
            return problem(ctx, streamId, ResponseKind.METHOD_NOT_ALLOWED, "equipment-status takes GET (and HEAD),"
                    + " not " + method + " (TS 29.511 §6.2.3.2.3).", null, false);
        }
        if (!query.parse(path, Math.min(queryStart + 1, path.length()), path.length())) {
            List<ProblemDetails.InvalidParam> problems = query.problems();
            String detail = problems.size() == 1 ? "The query parameter " + problems.get(0).param().substring(6)
                    + " is not right; see invalidParams." : problems.size() + " query parameters are not right;"
                    + " see invalidParams.";
            return problem(ctx, streamId, query.problemKind(), detail, problems, head);
        }
        if (query.peiForm() == EquipmentStatusQuery.PeiForm.NOT_IMEI) {
            return send(ctx, streamId, ResponseKind.EQUIPMENT_UNKNOWN, Responses.prepared(ResponseKind.EQUIPMENT_UNKNOWN),
                    head); // a MAC or EUI-64: the register holds IMEIs only
        }
        int verdict = check.check(query.imei(), query.imsi(), query.msisdn(), operator);
        ResponseKind kind;
        switch (Verdict.outcome(verdict)) {
            case WHITELISTED:
                kind = ResponseKind.WHITELISTED;
                break;
            case BLACKLISTED:
                kind = ResponseKind.BLACKLISTED;
                break;
            case GREYLISTED:
                kind = ResponseKind.GREYLISTED;
                break;
            default:
                kind = ResponseKind.EQUIPMENT_UNKNOWN;
        }
        return send(ctx, streamId, kind, Responses.prepared(kind), head);
    }

    /** TS 29.500 §5.2.7.2: an API this server does not offer is INVALID_API, an unknown resource of it 404. */
    private ChannelFuture unknownResource(ChannelHandlerContext ctx, int streamId, CharSequence path, int pathEnd,
                                          boolean head) {
        String shown = path.subSequence(0, Math.min(pathEnd, 80)).toString();
        if (startsWith(path, pathEnd, API_ROOT)) {
            return problem(ctx, streamId, ResponseKind.RESOURCE_NOT_FOUND, "No resource " + shown + ": the"
                    + " N5g-eir_EquipmentIdentityCheck API has " + RESOURCE + " only.", null, head);
        }
        return problem(ctx, streamId, ResponseKind.INVALID_API, "No API at " + shown + ": this server offers"
                + " N5g-eir_EquipmentIdentityCheck v1 at " + RESOURCE + " (TS 29.511).", null, head);
    }

    private ChannelFuture problem(ChannelHandlerContext ctx, int streamId, ResponseKind kind, String detail,
                                  List<ProblemDetails.InvalidParam> params, boolean head) {
        return send(ctx, streamId, kind, Responses.problem(kind, detail, params), head);
    }

    private ChannelFuture send(ChannelHandlerContext ctx, int streamId, ResponseKind kind, Responses.Prepared answer,
                               boolean head) {
        metrics.answered(kind);
        Http2ConnectionEncoder encoder = encoder();
        if (head) { // RFC 9110 §9.3.2: the GET answer's headers, no content
            return encoder.writeHeaders(ctx, streamId, answer.headers(), 0, true, ctx.newPromise());
        }
        encoder.writeHeaders(ctx, streamId, answer.headers(), 0, false, ctx.newPromise());
        return encoder.writeData(ctx, streamId, answer.bodyToWrite(), 0, true, ctx.newPromise());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        // Read requests only while answers can be written: a client that does not read stalls itself.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.channel().close(); // through this handler: GOAWAY, then close (sbi.idle-timeout-seconds)
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void onStreamError(ChannelHandlerContext ctx, boolean outbound, Throwable cause,
                                 Http2Exception.StreamException http2Ex) {
        metrics.streamError();
        super.onStreamError(ctx, outbound, cause, http2Ex);
    }

    @Override
    protected void onConnectionError(ChannelHandlerContext ctx, boolean outbound, Throwable cause,
                                     Http2Exception http2Ex) {
        metrics.connectionError();
        LOG.debug("N5g-eir connection {} closed on error", ctx.channel().remoteAddress(), cause);
        super.onConnectionError(ctx, outbound, cause, http2Ex);
    }

    /** Whether {@code text[0, end)} is exactly {@code expected}. */
    private static boolean regionIs(CharSequence text, int end, String expected) {
        return end == expected.length() && startsWith(text, end, expected);
    }

    private static boolean startsWith(CharSequence text, int end, String prefix) {
        if (end < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Netty's way to make a connection handler with our HTTP/2 settings and limits. */
    private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<N5gEirHandler, Builder> {
        private final SbiSettings settings;
        private final EquipmentCheck check;
        private final String operator;
        private final SbiMetrics metrics;

        Builder(SbiSettings settings, EquipmentCheck check, String operator, SbiMetrics metrics) {
            this.settings = settings;
            this.check = check;
            this.operator = operator;
            this.metrics = metrics;
            server(true);
            initialSettings(new Http2Settings()
                    .maxConcurrentStreams(settings.maxConcurrentStreams())
                    .maxHeaderListSize(settings.maxHeaderListSize()));
            gracefulShutdownTimeoutMillis(2_000);
        }

        @Override
        public N5gEirHandler build() {
            return super.build();
        }

        @Override
        protected N5gEirHandler build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                                      Http2Settings initialSettings) {
            return new N5gEirHandler(decoder, encoder, initialSettings, check, operator, metrics,
                    settings.maxUriLength());
        }
    }
}
