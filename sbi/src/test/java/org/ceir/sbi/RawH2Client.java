package org.ceir.sbi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;

/**
 * An HTTP/2 client that does only what a test tells it, byte by byte over a plain socket: frames
 * are made with Netty's frame writer and read with its frame reader, but nothing is automatic (no
 * SETTINGS ack, no WINDOW_UPDATE, no stream limit), so tests can misbehave as real clients do.
 */
final class RawH2Client implements AutoCloseable {
    final Socket socket;
    final Map<Integer, Integer> statuses = new HashMap<>();
    final Map<Integer, Long> resets = new HashMap<>();
    final Set<Integer> ended = new HashSet<>();
    boolean goAway;

    private final EmbeddedChannel encoding = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final ChannelHandlerContext ctx = encoding.pipeline().firstContext();
    private final DefaultHttp2FrameWriter writer = new DefaultHttp2FrameWriter();
    private final DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader();
    private final ByteBuf inbound = Unpooled.buffer();

    RawH2Client(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(200);
    }

    /** The client connection preface (RFC 9113 §3.4): the magic string and our SETTINGS. */
    byte[] preface() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf magic = Http2CodecUtil.connectionPrefaceBuf();
        out.writeBytes(bytes(magic));
        writer.writeSettings(ctx, new Http2Settings(), ctx.newPromise());
        out.writeBytes(drain());
        return out.toByteArray();
    }

    /** A request's HEADERS frame, HPACK-encoded in this connection's order. */
    byte[] request(int streamId, String method, String path, boolean endStream) {
        Http2Headers headers = new DefaultHttp2Headers().method(method).path(path).scheme("http")
                .authority("127.0.0.1");
        writer.writeHeaders(ctx, streamId, headers, 0, endStream, ctx.newPromise());
        return drain();
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Reads frames until {@code done} holds, the server closes, or 10 s pass; true when done. */
    boolean readUntil(BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        byte[] buffer = new byte[16_384];
        InputStream in = socket.getInputStream();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            int read;
            try {
                read = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (read < 0) {
                break;
            }
            inbound.writeBytes(buffer, 0, read);
            try {
                reader.readFrame(ctx, inbound, new Recorder());
            } catch (Http2Exception e) {
                throw new IOException("the server sent a frame the reader cannot read", e);
            }
            inbound.discardReadBytes();
        }
        return done.getAsBoolean();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        encoding.finishAndReleaseAll();
        inbound.release();
        reader.close();
        writer.close();
    }

    private byte[] drain() {
        encoding.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object message = encoding.readOutbound(); message != null; message = encoding.readOutbound()) {
            out.writeBytes(bytes((ByteBuf) message));
        }
        return out.toByteArray();
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        return bytes;
    }

    private final class Recorder extends Http2FrameAdapter {
        @Override
        public void onHeadersRead(ChannelHandlerContext context, int streamId, Http2Headers headers, int padding,
                                  boolean endOfStream) {
            if (headers.status() != null) {
                statuses.put(streamId, Integer.parseInt(headers.status().toString()));
            }
            if (endOfStream) {
                ended.add(streamId);
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext context, int streamId, Http2Headers headers,
                                  int streamDependency, short weight, boolean exclusive, int padding,
                                  boolean endOfStream) {
            onHeadersRead(context, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext context, int streamId, ByteBuf data, int padding,
                              boolean endOfStream) {
            if (endOfStream) {
                ended.add(streamId);
            }
            return data.readableBytes() + padding;
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext context, int streamId, long errorCode) {
            resets.put(streamId, errorCode);
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext context, int lastStreamId, long errorCode, ByteBuf debugData) {
            goAway = true;
        }
    }
}
