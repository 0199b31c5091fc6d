package org.ceir.diameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterFrameDecoder;
import org.ceir.diameter.codec.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EIR's Diameter door: an S13/S13' server (TS 29.272 §6.2) over TCP, answering each
 * ME-Identity-Check-Request from {@link EquipmentCheck}, with the RFC 6733 base protocol around
 * it (capabilities exchange with configured peers only, watchdog, disconnect).
 *
 * <pre>{@code
 * try (S13Server server = new S13Server(settings, engine, registry)) {
 *     int port = server.start();
 *     ...
 * }
 * }</pre>
 */
public final class S13Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S13Server.class);

    private final DiameterSettings settings;
    private final S13Node node;
    private final ChannelGroup channels = new DefaultChannelGroup("ceir-diameter", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup group;
    private Channel serverChannel;
    private boolean closed;

    /**
     * @param settings the {@code diameter} section
     * @param check    the decision; called on the event loop threads, so it must not block
     * @param registry where the {@code ceir.diameter.*} counters go
     */
    public S13Server(DiameterSettings settings, EquipmentCheck check, MeterRegistry registry) {
        this(settings, check, registry, ServerLimits.of(settings));
    }

    S13Server(DiameterSettings settings, EquipmentCheck check, MeterRegistry registry, ServerLimits limits) {
        this.settings = settings;
        this.node = new S13Node(new Origin(settings.originHost(), settings.originRealm()),
                new PeerTable(settings.peers()), check, new DiameterMetrics(registry), limits);
    }

    /**
     * Starts listening.
     *
     * @return the bound port (the chosen one when {@code diameter.port} is 0)
     * @throws UncheckedIOException when the address cannot be bound
     */
    public synchronized int start() {
        if (group != null) {
            throw new IllegalStateException("the S13 server is already started");
        }
        if (node.peers.isEmpty()) {
            LOG.warn("diameter.peers is empty: every CER will be refused with DIAMETER_UNKNOWN_PEER");
        }
        group = Transport.group(settings.ioThreads(), "ceir-diameter");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(ServerLimits.WRITE_BUFFER_LOW, ServerLimits.WRITE_BUFFER_HIGH))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        initPipeline(channel.pipeline(), node);
                        channels.add(channel);
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
            Throwable cause = bound.cause();
            throw new UncheckedIOException("diameter: cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + cause.getMessage() + " (see diameter.host and diameter.port)",
                    cause instanceof IOException ? (IOException) cause : new IOException(cause));
        }
        serverChannel = bound.channel();
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("S13 server {} listening on {}:{} ({}), {} peer entries", node.origin, settings.host(), port,
                Transport.name(), settings.peers().size());
        return port;
    }

    /**
     * A connection's handlers: frames cut by length, then the connection, which answers the common
     * ECR straight from its frame and decodes everything else into a {@link org.ceir.diameter.codec.DiameterMessage}
     * first. Tests and benchmarks build their in-memory channels with this too.
     */
    static void initPipeline(ChannelPipeline pipeline, S13Node node) {
        DiameterFrameDecoder frames = new DiameterFrameDecoder(node.limits.maxMessageBytes());
        pipeline.addLast("frames", frames)
                .addLast("encoder", DiameterEncoder.INSTANCE)
                .addLast("s13", new S13Connection(node, frames));
    }

    /**
     * Stops accepting, sends every open peer a DPR (REBOOTING) and waits briefly for the DPAs,
     * then closes everything. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (group == null || closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        for (Channel channel : channels) {
            S13Connection connection = channel.pipeline().get(S13Connection.class);
            if (connection != null) {
                channel.eventLoop().execute(connection::disconnect);
            }
        }
        long wait = node.limits.disconnectWait().toMillis() + 1000;
        channels.newCloseFuture().awaitUninterruptibly(wait);
        channels.close().awaitUninterruptibly(1000);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
