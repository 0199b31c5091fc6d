package org.ceir.sbi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import org.ceir.core.identity.Imei;
import org.ceir.core.status.EquipmentStatus;

/**
 * A client of the N5g-eir_EquipmentIdentityCheck service (TS 29.511) over one h2c connection with
 * prior knowledge; requests run concurrently as streams of that connection. For {@code ceir check
 * --via 5g}, tests and load drivers: an AMF's view of the 5G-EIR.
 *
 * <p>Thread-safe. Typical use: {@code try (var eir = new N5gEirClient("127.0.0.1", 8081)) {
 * eir.status("imei-352099001761481", "imsi-400011234567890", null); }}
 */
public final class N5gEirClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String authority;
    private final EventLoopGroup group;
    private final Channel channel;

    /**
     * Connects to the server.
     *
     * @throws UncheckedIOException when the connection cannot be made (the message names the address)
     */
    public N5gEirClient(String host, int port) {
        this.authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        this.group = Transport.group(1, "n5g-eir-client");
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(Transport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient()
                                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                                .build());
                        ch.pipeline().addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                });
        ChannelFuture connected = bootstrap.connect(host, port).awaitUninterruptibly();
        if (!connected.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            Throwable cause = connected.cause();
            String why = cause instanceof ConnectException ? "connection refused; is ceir serve running?"
                    : String.valueOf(cause.getMessage());
            throw new UncheckedIOException("N5g-eir server " + authority + ": " + why,
                    cause instanceof IOException ? (IOException) cause : new IOException(cause));
        }
        this.channel = connected.channel();
    }

    /**
     * Asks for a device's status and waits for the answer.
     *
     * @param pei  {@code imei-…} or {@code imeisv-…} (TS 29.571 Pei); bare digits are given the
     *             prefix (14 digits get their check digit)
     * @param supi {@code imsi-…}, bare IMSI digits, or null
     * @param gpsi {@code msisdn-…}, bare or {@code +}-led E.164 digits, or null
     * @return the answer: a status, or the server's ProblemDetails
     * @throws UncheckedIOException when no answer comes (connection lost, stream refused, timeout)
     */
    public N5gEirAnswer status(String pei, String supi, String gpsi) {
        return await(statusAsync(pei, supi, gpsi));
    }

    /** {@link #status} without waiting: many may be in flight on the one connection. */
    public CompletableFuture<N5gEirAnswer> statusAsync(String pei, String supi, String gpsi) {
        return exchange("GET", path(pei, supi, gpsi), null).thenApply(N5gEirClient::decode);
    }

    /** The request path of a status request: the values given their TS 29.571 prefixes and percent-encoded. */
    static String path(String pei, String supi, String gpsi) {
        StringBuilder path = new StringBuilder(N5gEirHandler.RESOURCE).append("?pei=").append(encode(peiForm(pei)));
        if (supi != null && !supi.isBlank()) {
            path.append("&supi=").append(encode(digits(supi.strip()) ? "imsi-" + supi.strip() : supi.strip()));
        }
        if (gpsi != null && !gpsi.isBlank()) {
            String number = gpsi.strip().startsWith("+") ? gpsi.strip().substring(1) : gpsi.strip();
            path.append("&gpsi=").append(encode(digits(number) ? "msisdn-" + number : gpsi.strip()));
        }
        return path.toString();
    }

    /** One raw request on a new stream: for tests and load drivers that need more than {@link #status}. */
    CompletableFuture<RawResponse> exchange(String method, String pathAndQuery, byte[] body) {
        CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        new Http2StreamChannelBootstrap(channel).handler(new ResponseCollector(answer)).open().addListener(opened -> {
            if (!opened.isSuccess()) {
                answer.completeExceptionally(new IOException("N5g-eir server " + authority
                        + ": cannot open a stream: " + opened.cause().getMessage(), opened.cause()));
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) opened.getNow();
            Http2Headers headers = new DefaultHttp2Headers().method(method).path(pathAndQuery).scheme("http")
                    .authority(authority);
            if (body == null) {
                stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true));
            } else {
                stream.write(new DefaultHttp2HeadersFrame(headers, false));
                stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
            }
        });
        return answer;
    }

    /** Closes the connection (GOAWAY first) and the client's event loop. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new UncheckedIOException("N5g-eir server " + authority + ": no answer within "
                    + TIMEOUT.toSeconds() + " s", new IOException(e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException) {
                throw (UncheckedIOException) cause;
            }
            throw new UncheckedIOException("N5g-eir server " + authority + ": " + cause.getMessage(),
                    cause instanceof IOException ? (IOException) cause : new IOException(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("interrupted while waiting for the N5g-eir server " + authority,
                    new IOException(e));
        }
    }

    private static N5gEirAnswer decode(RawResponse response) {
        try {
            if (response.status() == 200) {
                String status = SbiJson.readStatus(response.body());
                try {
                    return new N5gEirAnswer(200, Optional.of(EquipmentStatus.valueOf(status)), Optional.empty());
                } catch (IllegalArgumentException e) {
                    throw new IOException("unknown equipment status \"" + status + "\" (TS 29.511 EquipmentStatus)");
                }
            }
            ProblemDetails problem = response.body().length == 0
                    ? new ProblemDetails("HTTP " + response.status(), response.status(), "", Optional.empty(), null)
                    : SbiJson.readProblem(response.body(), response.status());
            return new N5gEirAnswer(response.status(), Optional.empty(), Optional.of(problem));
        } catch (IOException e) {
            throw new UncheckedIOException("the N5g-eir server answered " + response.status()
                    + " with a body that is not TS 29.511's: " + e.getMessage(), e);
        }
    }

    private static String peiForm(String pei) {
        String value = pei == null ? "" : pei.strip();
        if (digits(value)) {
            switch (value.length()) {
                case 14:
                    return "imei-" + Imei.ofKey(Imei.networkKey(value));
                case 15:
                    return "imei-" + value;
                case 16:
                    return "imeisv-" + value;
                default:
                    return value;
            }
        }
        return value;
    }

    private static boolean digits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, as UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** An answer as it came: status, headers, body. */
    record RawResponse(int status, Http2Headers headers, byte[] body) {
        String contentType() {
            CharSequence type = headers.get(HttpHeaderNames.CONTENT_TYPE);
            return type == null ? "" : type.toString();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Gathers one stream's answer. */
    private static final class ResponseCollector extends SimpleChannelInboundHandler<Http2StreamFrame> {
        private final CompletableFuture<RawResponse> answer;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        private Http2Headers headers;

        ResponseCollector(CompletableFuture<RawResponse> answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            if (frame instanceof Http2HeadersFrame) {
                Http2HeadersFrame headersFrame = (Http2HeadersFrame) frame;
                if (headers == null) {
                    CharSequence status = headersFrame.headers().status();
                    if (status != null && status.length() == 3 && status.charAt(0) == '1') {
                        return; // an interim answer (1xx)
                    }
                    headers = headersFrame.headers();
                }
                if (headersFrame.isEndStream()) {
                    complete(ctx);
                }
            } else if (frame instanceof Http2DataFrame) {
                Http2DataFrame data = (Http2DataFrame) frame;
                byte[] bytes = new byte[data.content().readableBytes()];
                data.content().readBytes(bytes);
                body.writeBytes(bytes);
                if (data.isEndStream()) {
                    complete(ctx);
                }
            } else if (frame instanceof Http2ResetFrame && !answer.isDone()) {
                Http2Error error = Http2Error.valueOf(((Http2ResetFrame) frame).errorCode());
                answer.completeExceptionally(new IOException("the server reset the stream: "
                        + (error == null ? ((Http2ResetFrame) frame).errorCode() : error)));
                ctx.close();
            }
        }

        private void complete(ChannelHandlerContext ctx) {
            if (headers == null || headers.status() == null) {
                answer.completeExceptionally(new IOException("the answer has no :status"));
            } else {
                answer.complete(new RawResponse(Integer.parseInt(headers.status().toString()), headers,
                        body.toByteArray()));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!answer.isDone()) {
                answer.completeExceptionally(new IOException("the stream closed before the answer came"));
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            answer.completeExceptionally(cause);
            ctx.close();
        }
    }
}
