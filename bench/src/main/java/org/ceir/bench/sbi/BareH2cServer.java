package org.ceir.bench.sbi;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.AsciiString;

/**
 * The baseline of the N5g-eir benchmark: Netty's h2c server (the shape of Netty's own
 * {@code HelloWorldHttp2Handler}) answering every request with the constant
 * {@code 200 {"status":"WHITELISTED"}}, with the same transport, threads, HTTP/2 settings and
 * flushing as {@link org.ceir.sbi.N5gEirServer}, and nothing else: no parsing, no check, no counters.
 */
final class BareH2cServer implements AutoCloseable {
    private static final byte[] BODY = "{\"status\":\"WHITELISTED\"}".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf CONSTANT = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(BODY.length).writeBytes(BODY).asReadOnly());
    private static final Http2Headers HEADERS = new DefaultHttp2Headers().status(AsciiString.of("200"))
            .set(HttpHeaderNames.CONTENT_TYPE, AsciiString.of("application/json"))
            .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);

    private final int port;
    private final EventLoopGroup group;
    private Channel listener;

    BareH2cServer(int port, int threads) {
        this.port = port;
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, io);
    }

    int start() {
        Class<? extends ServerChannel> channel = Epoll.isAvailable() ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        listener = new ServerBootstrap().group(group).channel(channel)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Builder().build());
                    }
                })
                .bind("127.0.0.1", port).syncUninterruptibly().channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }

    private static final class Handler extends Http2ConnectionHandler {
        Handler(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
            super(decoder, encoder, settings);
            decoder.frameListener(new Http2FrameAdapter() {
                @Override
                public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
                                          boolean endOfStream) {
                    encoder().writeHeaders(ctx, streamId, HEADERS, 0, false, ctx.newPromise());
                    encoder().writeData(ctx, streamId, CONSTANT.duplicate(), 0, true, ctx.newPromise());
                }

                @Override
                public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                                          int streamDependency, short weight, boolean exclusive, int padding,
                                          boolean endOfStream) {
                    onHeadersRead(ctx, streamId, headers, padding, endOfStream);
                }
            });
        }
    }

    private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<Handler, Builder> {
        Builder() {
            server(true);
            initialSettings(new Http2Settings().maxConcurrentStreams(256).maxHeaderListSize(8192));
        }

        @Override
        public Handler build() {
            return super.build();
        }

        @Override
        protected Handler build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                                Http2Settings initialSettings) {
            return new Handler(decoder, encoder, initialSettings);
        }
    }
}
