package org.ceir.diameter;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.CapabilitiesExchangeAnswer;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterFrameDecoder;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DiameterMessageDecoder;
import org.ceir.diameter.codec.DisconnectCause;
import org.ceir.diameter.codec.DisconnectPeerRequest;
import org.ceir.diameter.codec.ErrorAnswer;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.MeIdentityCheckRequest;
import org.ceir.diameter.codec.Origin;

/**
 * An S13 client, as an MME is one: connects, exchanges capabilities, then sends
 * ME-Identity-Check-Requests, as many in flight as the caller likes, each answered through its
 * own future. For {@code ceir check --via diameter} and the load driver.
 *
 * <pre>{@code
 * try (S13Client client = S13Client.connect(S13ClientSettings.of("127.0.0.1", 3868,
 *         "mme1.epc.mnc001.mcc400.3gppnetwork.org", "epc.mnc001.mcc400.3gppnetwork.org", "ceir.local"))) {
 *     MeIdentityCheckAnswer answer = client.check("35209900176148", "400011234567890").join();
 *     answer.equipmentStatus();   // or answer.result() = DIAMETER_ERROR_EQUIPMENT_UNKNOWN
 * }
 * }</pre>
 *
 * <p>Thread-safe. Futures complete on the connection's event-loop thread: a callback that sends
 * the next request from there adds no thread hop, and its write is flushed with the others of
 * the same read (which is how the load driver keeps many requests in flight cheaply).
 */
public final class S13Client implements AutoCloseable {
    private static final String PRODUCT_NAME = "ceir-s13-client";

    private final S13ClientSettings settings;
    private final EventLoopGroup group;
    private final Channel channel;
    private final Origin origin;
    private final String sessionPrefix;
    private final AtomicInteger sessions = new AtomicInteger();
    private CapabilitiesExchangeAnswer capabilities;

    private S13Client(S13ClientSettings settings, EventLoopGroup group, Channel channel, Origin origin) {
        this.settings = settings;
        this.group = group;
        this.channel = channel;
        this.origin = origin;
        // Session-Id: <DiameterIdentity>;<high 32 bits>;<low 32 bits> (RFC 6733 §8.8), high = this client's start.
        this.sessionPrefix = origin.host() + ";" + (System.currentTimeMillis() / 1000 & 0xffffffffL) + ";";
    }

    /**
     * Connects and exchanges capabilities.
     *
     * @throws S13ClientException when the server cannot be reached or refuses the CER (e.g.
     *                            DIAMETER_UNKNOWN_PEER: this origin is not one of its peers)
     */
    public static S13Client connect(S13ClientSettings settings) {
        Origin origin = new Origin(settings.originHost(), settings.originRealm());
        Identifiers identifiers = new Identifiers();
        String server = settings.host() + ":" + settings.port();
        EventLoopGroup group = Transport.group(1, "ceir-s13-client");
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(Transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("flush", new FlushConsolidationHandler(256, true))
                                .addLast("frames", new DiameterFrameDecoder(settings.maxMessageBytes()))
                                .addLast("decoder", DiameterMessageDecoder.INSTANCE)
                                .addLast("encoder", DiameterEncoder.INSTANCE)
                                .addLast("s13", new S13ClientHandler(identifiers, origin,
                                        settings.requestTimeout().toNanos(), server));
                    }
                });
        ChannelFuture connected = bootstrap.connect(settings.host(), settings.port()).awaitUninterruptibly();
        if (!connected.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new S13ClientException("cannot connect to the S13 server " + server + ": "
                    + connected.cause().getMessage(), null, connected.cause());
        }
        S13Client client = new S13Client(settings, group, connected.channel(), origin);
        try {
            client.exchangeCapabilities();
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
        return client;
    }

    private void exchangeCapabilities() {
        Capabilities ours = Capabilities.s13(origin,
                List.of(((InetSocketAddress) channel.localAddress()).getAddress()),
                System.currentTimeMillis() / 1000 & 0xffffffffL, PRODUCT_NAME);
        DiameterMessage answer = await(request((hopByHop, endToEnd) ->
                CapabilitiesExchangeRequest.create(ours, hopByHop, endToEnd).toMessage()), settings.connectTimeout()
                .toNanos());
        CapabilitiesExchangeAnswer cea = CapabilitiesExchangeAnswer.from(answer);
        if (!cea.resultCode().isSuccess()) {
            throw new S13ClientException("the S13 server " + server() + " refused the capabilities exchange: "
                    + cea.resultCode() + cea.errorMessage().map(text -> ": " + text).orElse(""), cea.resultCode(),
                    null);
        }
        capabilities = cea;
    }

    /** Checks an IMEI, optionally with the subscriber's IMSI (User-Name). */
    public CompletableFuture<MeIdentityCheckAnswer> check(CharSequence imei, CharSequence imsi) {
        return check(imei, null, imsi);
    }

    /**
     * Checks an IMEI with its software version (Terminal-Information, TS 29.272 §7.3.3) and
     * optionally an IMSI. The future fails with {@link S13ClientException} on a protocol error
     * (an E-bit answer), a timeout or a closed connection; an ECA with a failure result (e.g.
     * 5005) is returned as it is.
     */
    public CompletableFuture<MeIdentityCheckAnswer> check(CharSequence imei, CharSequence softwareVersion,
                                                          CharSequence imsi) {
        String imeiText = imei.toString();
        String versionText = softwareVersion == null ? null : softwareVersion.toString();
        String imsiText = imsi == null ? null : imsi.toString();
        String sessionId = sessionPrefix + Integer.toUnsignedString(sessions.incrementAndGet());
        String destinationRealm = settings.destinationRealm();
        return request((hopByHop, endToEnd) -> MeIdentityCheckRequest.create(sessionId, origin, destinationRealm,
                imeiText, versionText, imsiText, hopByHop, endToEnd).toMessage())
                .thenApply(this::toCheckAnswer);
    }

    private MeIdentityCheckAnswer toCheckAnswer(DiameterMessage answer) {
        if (answer.header().isError()) {
            ErrorAnswer error = ErrorAnswer.from(answer);
            throw new S13ClientException("the S13 server " + server() + " answered " + error.resultCode()
                    + error.errorMessage().map(text -> ": " + text).orElse(""), error.resultCode(), null);
        }
        return MeIdentityCheckAnswer.from(answer);
    }

    /** Sends any request, built once its identifiers are known; the future gets the raw answer. */
    CompletableFuture<DiameterMessage> request(S13ClientHandler.RequestFactory factory) {
        CompletableFuture<DiameterMessage> answer = new CompletableFuture<>();
        channel.writeAndFlush(new S13ClientHandler.Outgoing(factory, answer), channel.voidPromise());
        return answer;
    }

    /** The server's CEA. */
    public CapabilitiesExchangeAnswer capabilities() {
        return capabilities;
    }

    /** True while the connection is open. */
    public boolean isOpen() {
        return channel.isActive();
    }

    private String server() {
        return settings.host() + ":" + settings.port();
    }

    /** Says goodbye (DPR, DO_NOT_WANT_TO_TALK_TO_YOU), waits briefly for the DPA, and closes. */
    @Override
    public void close() {
        if (channel.isActive()) {
            try {
                await(request((hopByHop, endToEnd) -> DisconnectPeerRequest.create(origin,
                        DisconnectCause.DO_NOT_WANT_TO_TALK_TO_YOU, hopByHop, endToEnd).toMessage()),
                        TimeUnit.SECONDS.toNanos(1));
            } catch (S13ClientException ignored) {
                // The server went first, or is too slow to say goodbye: close regardless.
            }
        }
        shutdown();
    }

    private void shutdown() {
        channel.close().awaitUninterruptibly(1000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2000);
    }

    private <T> T await(CompletableFuture<T> future, long timeoutNanos) {
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S13ClientException("interrupted while waiting for the S13 server " + server(), null, e);
        } catch (TimeoutException e) {
            throw new S13ClientException("no answer from the S13 server " + server() + " within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms", null, e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof S13ClientException) {
                throw (S13ClientException) cause;
            }
            throw new S13ClientException("the exchange with the S13 server " + server() + " failed: " + cause,
                    null, cause);
        }
    }
}
