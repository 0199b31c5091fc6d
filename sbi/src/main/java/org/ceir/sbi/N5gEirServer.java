package org.ceir.sbi;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.ceir.core.check.EquipmentCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 5G-EIR's N5g-eir_EquipmentIdentityCheck service (3GPP TS 29.511 §5.2.2, API 1.4.0): an
 * HTTP/2 server without TLS that clients reach with prior knowledge (h2c, RFC 9113 §3.3), answering
 * {@code GET /n5g-eir-eic/v1/equipment-status?pei=…[&supi=…][&gpsi=…][&supported-features=…]}
 * from an {@link EquipmentCheck}.
 *
 * <ul>
 *   <li>200 {@code {"status":"WHITELISTED|BLACKLISTED|GREYLISTED"}} (EirResponseData);</li>
 *   <li>404 ProblemDetails, cause {@code ERROR_EQUIPMENT_UNKNOWN}, when the check says the EIR does
 *       not know the device, or the PEI is a MAC or EUI-64 rather than an IMEI;</li>
 *   <li>400 ProblemDetails with {@code invalidParams} naming each bad query parameter, cause
 *       MANDATORY_QUERY_PARAM_MISSING/INCORRECT, OPTIONAL_QUERY_PARAM_INCORRECT or INVALID_QUERY_PARAM
 *       (TS 29.500 §5.2.7.2); 400 INVALID_API and 404 RESOURCE_URI_STRUCTURE_NOT_FOUND for other
 *       paths, 405 for other methods, 414 past {@code sbi.max-uri-length}.</li>
 * </ul>
 *
 * <p>The asking operator is the one {@link SbiSettings#operators()} maps the client's IP address
 * to, and unknown (null) for any other client: N5g-eir requests carry no operator of their own.
 *
 * <p>Typical use: {@code try (var server = new N5gEirServer(settings, check, registry)) { int port
 * = server.start(); … }}. Not restartable: make a new one.
 */
public final class N5gEirServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(N5gEirServer.class);

    private final SbiSettings settings;
    private final EquipmentCheck check;
    private final SbiMetrics metrics;
    private final Map<InetAddress, String> operators;
    private final ChannelGroup channels = new DefaultChannelGroup("n5g-eir", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup group;
    private Channel listener;

    /**
     * @param settings the {@code sbi} section
     * @param check    the decision every request asks
     * @param registry where the server's counters go
     */
    public N5gEirServer(SbiSettings settings, EquipmentCheck check, MeterRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.check = Objects.requireNonNull(check, "check");
        this.metrics = new SbiMetrics(Objects.requireNonNull(registry, "registry"));
        this.operators = settings.operatorsByAddress();
    }

    /**
     * Binds and starts serving.
     *
     * @return the port bound (the one asked for, or the one chosen when sbi.port is 0)
     * @throws IllegalStateException when already started, or when the address cannot be bound
     *                               (the message names it)
     */
    public synchronized int start() {
        if (group != null) {
            throw new IllegalStateException("the N5g-eir server is already started");
        }
        group = Transport.group(settings.ioThreads(), "n5g-eir");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        accept(channel);
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            Throwable cause = bound.cause();
            String why = cause instanceof BindException ? "in use, or not an address of this machine"
                    : String.valueOf(cause.getMessage());
            throw new IllegalStateException("N5g-eir server cannot listen on " + settings.host() + ":"
                    + settings.port() + " (sbi.host, sbi.port): " + why, cause);
        }
        listener = bound.channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        LOG.info("N5g-eir (h2c) listening on {}:{} over {}", settings.host(), port, Transport.name());
        return port;
    }

    private void accept(Channel channel) {
        if (!metrics.tryOpen(settings.maxConnections())) {
            LOG.debug("N5g-eir connection from {} refused: sbi.max-connections {} open", channel.remoteAddress(),
                    settings.maxConnections());
            channel.close();
            return;
        }
        channel.closeFuture().addListener(future -> metrics.closed());
        channels.add(channel);
        if (settings.idleTimeoutSeconds() > 0) {
            channel.pipeline().addLast(new IdleStateHandler(0, 0, settings.idleTimeoutSeconds(), TimeUnit.SECONDS));
        }
        channel.pipeline().addLast(N5gEirHandler.create(settings, check, operatorOf(channel.remoteAddress()),
                metrics));
    }

    private String operatorOf(SocketAddress remote) {
        if (operators.isEmpty() || !(remote instanceof InetSocketAddress)) {
            return null;
        }
        return operators.get(((InetSocketAddress) remote).getAddress());
    }

    /** Stops listening, closes every connection (GOAWAY first) and stops the event loops. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        channels.close().awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
