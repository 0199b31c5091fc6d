package org.ceir.diameter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.diameter.codec.ApplicationId;
import org.ceir.diameter.codec.AsciiView;
import org.ceir.diameter.codec.Avp;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.CapabilitiesExchangeAnswer;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.CommandCode;
import org.ceir.diameter.codec.DeviceWatchdogAnswer;
import org.ceir.diameter.codec.DeviceWatchdogRequest;
import org.ceir.diameter.codec.DiameterException;
import org.ceir.diameter.codec.DiameterFrameDecoder;
import org.ceir.diameter.codec.DiameterFramingException;
import org.ceir.diameter.codec.DiameterHeader;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DiameterMessageDecoder;
import org.ceir.diameter.codec.DisconnectCause;
import org.ceir.diameter.codec.DisconnectPeerAnswer;
import org.ceir.diameter.codec.DisconnectPeerRequest;
import org.ceir.diameter.codec.EcrFastPath;
import org.ceir.diameter.codec.ErrorAnswer;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.MeIdentityCheckRequest;
import org.ceir.diameter.codec.ResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's connection to the S13 server: the responder's half of the RFC 6733 peer state
 * machine (§5.6), the watchdog (RFC 3539 §3.4), and the guards against slow, silent and flooding
 * peers. Everything runs on the connection's event loop, so nothing here is locked.
 *
 * <p>Every request gets an answer with a precise result, and every error path counts:
 * <ul>
 *   <li>a request before the CER: 3010 DIAMETER_UNKNOWN_PEER, then close (§5.3);</li>
 *   <li>a CER from a peer not configured: 3010, then close; one with no S13 (nor relay): 5010;
 *       one that demands TLS: 5017; one that breaks its grammar: its error; all then close;</li>
 *   <li>a stream that cannot be framed: 5011 or 5015 if the header can be read, then close;</li>
 *   <li>an ECR that breaks its grammar: an ECA with 5005/5004/5014/5009/5001 and Failed-AVP;
 *       one for another realm or host: 3003/3002; an unknown command: 3001; all with the E-bit
 *       for 3xxx (§7.2);</li>
 *   <li>a DPR: a DPA, then close; a DWR: a DWA.</li>
 * </ul>
 *
 * <p>The common ECR (well-formed, no Proxy-Info, for this EIR, on an open connection) is answered
 * by {@link EcrFastPath} straight from its frame, its ECA appended to a batch of answers; every
 * other frame is decoded into a {@link DiameterMessage} and answered the general way, after the
 * batch so far, so that answers keep the requests' order. The batch is written once per read (or
 * every {@value #BATCH_BYTES} octets) and flushed, so that a peer with many requests in flight
 * gets its answers in as few buffers and system calls as possible. When the peer
 * stops reading, the server stops reading from it (the write buffer's high-water mark), and
 * drops it after {@code writeTimeout}.
 */
final class S13Connection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(S13Connection.class);

    /** Octets of fast-path answers gathered before they are written: about 50 ECAs. */
    static final int BATCH_BYTES = 8192;

    private enum State { WAITING_FOR_CER, OPEN, DISCONNECTING, CLOSED }

    private final S13Node node;
    private final DiameterFrameDecoder frames;
    private final EcrFastPath ecrs;
    /** Heap, not from the channel's allocator: it lives as long as the connection, and is copied out once per batch. */
    private final ByteBuf batch = new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, 1024, Integer.MAX_VALUE);
    private final AsciiView imei = new AsciiView();
    private final AsciiView imsi = new AsciiView();
    private ChannelHandlerContext ctx;
    private State state = State.WAITING_FOR_CER;
    private DiameterPeer peer;
    private Capabilities capabilities;
    private boolean counted;
    private boolean unflushed;
    private ScheduledFuture<?> ticker;
    private int nextHopByHop = Identifiers.firstHopByHop();

    // Clocks, read by tick(); the hot path only counts messages.
    private long messages;
    private long messagesAtLastTick;
    private long connectedAt;
    private long lastMessageAt;
    private long partialSince;
    private long unwritableSince;
    private long watchdogInterval;
    private boolean watchdogPending;
    private long watchdogSentAt;
    private int watchdogHopByHop;
    private int disconnectHopByHop;

    S13Connection(S13Node node, DiameterFrameDecoder frames) {
        this.node = node;
        this.frames = frames;
        this.ecrs = new EcrFastPath(node.ecaTemplate);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (!node.metrics.connectionOpened(node.limits.maxConnections())) {
            LOG.warn("Diameter connection from {} refused: {} connections are open (diameter.max-connections)",
                    ctx.channel().remoteAddress(), node.limits.maxConnections());
            close(CloseReason.CONNECTION_LIMIT);
            return;
        }
        counted = true;
        capabilities = node.capabilities(ctx.channel().localAddress() instanceof InetSocketAddress
                ? ((InetSocketAddress) ctx.channel().localAddress()).getAddress() : InetAddress.getLoopbackAddress());
        connectedAt = System.nanoTime();
        lastMessageAt = connectedAt;
        watchdogInterval = jitteredWatchdog();
        long tick = node.limits.tick().toNanos();
        ticker = ctx.executor().scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (counted) {
            counted = false;
            node.metrics.connectionClosed();
        }
        if (peer != null) {
            LOG.info("S13 peer {} disconnected ({})", peer, ctx.channel().remoteAddress());
        }
        state = State.CLOSED;
        batch.clear();
        ctx.fireChannelInactive();
    }

    /** A frame from {@link DiameterFrameDecoder}, or the failed message it emits for a stream that cannot be framed. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf)) {
            read((DiameterMessage) msg);
            return;
        }
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (state == State.OPEN && ecrs.scan(frame) && ecrs.isFor(node.origin)) {
                messages++;
                answerScanned(frame);
            } else {
                read(DiameterMessageDecoder.decode(frame));
            }
        } finally {
            frame.release();
        }
    }

    private void read(DiameterMessage message) {
        try {
            if (state == State.CLOSED) {
                node.metrics.discarded("after_close");
            } else {
                receive(message);
            }
        } finally {
            message.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writeBatch();
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (state != State.CLOSED) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Diameter connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("Diameter connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        close(CloseReason.TRANSPORT_ERROR);
        ctx.close();
    }

    private void receive(DiameterMessage message) {
        messages++;
        DiameterHeader header = message.header();
        DiameterException failure = message.failure();
        if (failure instanceof DiameterFramingException) {
            node.metrics.error(failure.resultCode());
            if (header != null && header.isRequest()) {
                send(ErrorAnswer.to(message, node.origin, failure).toMessage());
            }
            LOG.debug("Diameter connection {}: {}", ctx.channel().remoteAddress(), failure.getMessage());
            close(CloseReason.FRAMING);
            return;
        }
        if (!header.isRequest()) {
            onAnswer(message, failure);
            return;
        }
        if (state == State.WAITING_FOR_CER && header.command() != CommandCode.CAPABILITIES_EXCHANGE) {
            answerError(message, new DiameterException(ResultCode.UNKNOWN_PEER, null,
                    "no capabilities exchange yet on this connection: send a CER first (RFC 6733 §5.3)"));
            close(CloseReason.NOT_OPEN);
            return;
        }
        try {
            if (failure != null) {
                throw failure;
            }
            if (header.isError()) {
                throw new DiameterException(ResultCode.INVALID_HDR_BITS, null,
                        "a request must not have the E-bit set (RFC 6733 §3)");
            }
            CommandCode command = header.command();
            if (command == CommandCode.ME_IDENTITY_CHECK) {
                onEcr(message);
            } else if (command == CommandCode.CAPABILITIES_EXCHANGE) {
                onCer(message);
            } else if (command == CommandCode.DEVICE_WATCHDOG) {
                onDwr(message);
            } else if (command == CommandCode.DISCONNECT_PEER) {
                onDpr(message);
            } else {
                throw new DiameterException(ResultCode.COMMAND_UNSUPPORTED, null, command
                        + " is not supported: this EIR answers S13 ECRs and the base protocol's CER, DWR and DPR");
            }
        } catch (DiameterException e) {
            answerError(message, e);
        } catch (RuntimeException bug) {
            LOG.error("Diameter: failed to handle {}", header, bug);
            answerError(message, new DiameterException(ResultCode.UNABLE_TO_COMPLY, null, "internal error"));
        }
    }

    /** ECR → ECA (TS 29.272 §6.2.1.3) for the ECR {@link EcrFastPath} scanned: the hot path. */
    private void answerScanned(ByteBuf frame) {
        int verdict;
        try {
            verdict = check(ecrs.imei(), ecrs.imsi());
        } catch (DiameterException e) {
            answerError(frame, e);
            return;
        }
        Outcome outcome = Verdict.outcome(verdict);
        node.metrics.check(outcome);
        int length = ecrs.answerLength(outcome);
        if (batch.isReadable() && batch.readableBytes() + length > BATCH_BYTES) {
            writeBatch();
        }
        ecrs.writeAnswer(batch, outcome);
    }

    /** The error answer to a frame the fast path took: decoded after all, as the general answer needs. */
    private void answerError(ByteBuf frame, DiameterException error) {
        DiameterMessage message = DiameterMessageDecoder.decode(frame);
        try {
            answerError(message, error);
        } finally {
            message.release();
        }
    }

    /** ECR → ECA (TS 29.272 §6.2.1.3) for an ECR the fast path left: Proxy-Info, an error to report. */
    private void onEcr(DiameterMessage message) {
        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.from(message);
        if (!ecr.destinationRealmAvp().valueEqualsIgnoreCase(node.origin.realm())) {
            throw new DiameterException(ResultCode.REALM_NOT_SERVED, null, "Destination-Realm "
                    + ecr.destinationRealm() + " is not this EIR's realm " + node.origin.realm());
        }
        Avp destinationHost = ecr.destinationHostAvp();
        if (destinationHost != null && !destinationHost.valueEqualsIgnoreCase(node.origin.host())) {
            throw new DiameterException(ResultCode.UNABLE_TO_DELIVER, null, "Destination-Host "
                    + destinationHost.identity() + " is not this EIR (" + node.origin.host() + ")");
        }
        Avp userName = ecr.userNameAvp();
        int verdict = check(imei.wrap(ecr.imeiAvp()), userName == null ? null : imsi.wrap(userName));
        Outcome outcome = Verdict.outcome(verdict);
        node.metrics.check(outcome);
        MeIdentityCheckAnswer answer = outcome == Outcome.UNKNOWN
                ? MeIdentityCheckAnswer.equipmentUnknown(ecr, node.origin)
                : MeIdentityCheckAnswer.status(ecr, node.origin, outcome.equipmentStatus());
        send(answer.toMessage());
    }

    /** The engine's verdict; 5012 DIAMETER_UNABLE_TO_COMPLY when the engine throws. */
    private int check(CharSequence imei, CharSequence imsi) {
        try {
            return node.check.check(imei, imsi, null, peer.operator());
        } catch (RuntimeException e) {
            node.metrics.checkFailure();
            long held = node.failedChecks.permit();
            if (held >= 0) {
                LOG.error("the equipment check failed, answering DIAMETER_UNABLE_TO_COMPLY ({} more since the last"
                        + " report)", held, e);
            }
            throw new DiameterException(ResultCode.UNABLE_TO_COMPLY, null, "the equipment check failed; try again");
        }
    }

    /** CER → CEA (RFC 6733 §5.3): only configured peers that speak S13 over plain TCP get in. */
    private void onCer(DiameterMessage message) {
        Capabilities theirs = CapabilitiesExchangeRequest.from(message).capabilities();
        String host = theirs.origin().host();
        String realm = theirs.origin().realm();
        DiameterPeer match = node.peers.match(host, realm);
        if (match == null) {
            throw new DiameterException(ResultCode.UNKNOWN_PEER, null,
                    "Origin-Host " + host + " of realm " + realm + " is not a configured peer of this EIR");
        }
        if (peer != null && !peer.equals(match)) {
            throw new DiameterException(ResultCode.UNABLE_TO_COMPLY, null, "this connection belongs to " + peer
                    + "; a CER as " + host + " needs a connection of its own");
        }
        if (!theirs.supports(ApplicationId.S13)) {
            throw new DiameterException(ResultCode.NO_COMMON_APPLICATION, null, "the CER advertises neither S13"
                    + " (Vendor-Specific-Application-Id {Vendor-Id 10415, Auth-Application-Id 16777252}) nor relay");
        }
        if (!theirs.acceptsNoInbandSecurity()) {
            throw new DiameterException(ResultCode.NO_COMMON_SECURITY, null, "the CER demands TLS"
                    + " (Inband-Security-Id 1) and this EIR speaks plain TCP: protect the link with IPsec");
        }
        if (peer == null) {
            LOG.info("S13 peer {} connected from {}", match, ctx.channel().remoteAddress());
        }
        peer = match;
        state = State.OPEN;
        send(CapabilitiesExchangeAnswer.to(message.header(), ResultCode.SUCCESS, capabilities, null, null)
                .toMessage());
    }

    /** DWR → DWA (RFC 6733 §5.5). */
    private void onDwr(DiameterMessage message) {
        DeviceWatchdogRequest.from(message);
        send(DeviceWatchdogAnswer.to(message.header(), ResultCode.SUCCESS, node.origin,
                OptionalLong.of(node.originStateId)).toMessage());
    }

    /** DPR → DPA, then close (RFC 6733 §5.4, §5.6: R-Rcv-DPR → R-Snd-DPA, R-Disc). */
    private void onDpr(DiameterMessage message) {
        DisconnectPeerRequest dpr = DisconnectPeerRequest.from(message);
        LOG.info("S13 peer {} disconnects: {}", peer, dpr.cause());
        send(DisconnectPeerAnswer.to(message.header(), ResultCode.SUCCESS, node.origin).toMessage());
        close(CloseReason.PEER_DISCONNECTED);
    }

    private void onAnswer(DiameterMessage message, DiameterException failure) {
        DiameterHeader header = message.header();
        if (failure == null && watchdogPending && header.command() == CommandCode.DEVICE_WATCHDOG
                && header.hopByHop() == watchdogHopByHop) {
            watchdogPending = false;
        } else if (failure == null && state == State.DISCONNECTING && header.command() == CommandCode.DISCONNECT_PEER
                && header.hopByHop() == disconnectHopByHop) {
            close(CloseReason.SERVER_SHUTDOWN);
        } else {
            node.metrics.discarded(failure != null ? "undecodable_answer" : "unexpected_answer");
        }
    }

    /**
     * The answer to a request that cannot be served: the E-bit answer-message for a protocol
     * error (3xxx) or a command ceir does not know, otherwise the command's own answer with
     * Error-Message and Failed-AVP (RFC 6733 §7.2, §7.5). A failed CER or any DPR closes.
     */
    private void answerError(DiameterMessage message, DiameterException error) {
        node.metrics.error(error.resultCode());
        DiameterHeader header = message.header();
        CommandCode command = header.command();
        if (command == CommandCode.CAPABILITIES_EXCHANGE) {
            send(CapabilitiesExchangeAnswer.to(header, error.resultCode(), capabilities, error.getMessage(),
                    error.failedAvp()).toMessage());
            long held = node.refusedCers.permit();
            if (held >= 0) {
                LOG.warn("Diameter CER from {} refused: {} ({} more refused since the last report)",
                        ctx.channel().remoteAddress(), error.toString(), held);
            }
            close(closeReasonForCer(error.resultCode()));
        } else if (error.resultCode().isProtocolError() || !command.isKnown()) {
            send(ErrorAnswer.to(message, node.origin, error).toMessage());
        } else if (command == CommandCode.ME_IDENTITY_CHECK) {
            send(MeIdentityCheckAnswer.failed(message, node.origin, error).toMessage());
        } else if (command == CommandCode.DEVICE_WATCHDOG) {
            send(DeviceWatchdogAnswer.failed(header, error, node.origin, OptionalLong.of(node.originStateId))
                    .toMessage());
        } else {
            send(DisconnectPeerAnswer.failed(header, error, node.origin).toMessage());
        }
        if (command == CommandCode.DISCONNECT_PEER) {
            close(CloseReason.PEER_DISCONNECTED); // the peer is leaving, however it said so
        }
    }

    private static CloseReason closeReasonForCer(ResultCode result) {
        if (result.equals(ResultCode.UNKNOWN_PEER)) {
            return CloseReason.UNKNOWN_PEER;
        }
        if (result.equals(ResultCode.NO_COMMON_APPLICATION)) {
            return CloseReason.NO_COMMON_APPLICATION;
        }
        if (result.equals(ResultCode.NO_COMMON_SECURITY)) {
            return CloseReason.NO_COMMON_SECURITY;
        }
        return CloseReason.CER_REJECTED;
    }

    /** Looks at the clocks: CER deadline, slow messages, unread answers, and the watchdog. */
    private void tick() {
        if (state == State.CLOSED) {
            return;
        }
        long now = System.nanoTime();
        ServerLimits limits = node.limits;
        if (state == State.WAITING_FOR_CER && now - connectedAt >= limits.cerTimeout().toNanos()) {
            close(CloseReason.CER_TIMEOUT);
            return;
        }
        if (messages != messagesAtLastTick) {
            messagesAtLastTick = messages;
            lastMessageAt = now;
            partialSince = 0;
            watchdogPending = false;
        }
        if (frames.hasPartialMessage()) {
            if (partialSince == 0) {
                partialSince = now;
            } else if (now - partialSince >= limits.messageTimeout().toNanos()) {
                close(CloseReason.MESSAGE_TIMEOUT);
                return;
            }
        } else {
            partialSince = 0;
        }
        if (ctx.channel().isWritable()) {
            unwritableSince = 0;
        } else if (unwritableSince == 0) {
            unwritableSince = now;
        } else if (now - unwritableSince >= limits.writeTimeout().toNanos()) {
            close(CloseReason.WRITE_STALLED);
            ctx.close();
            return;
        }
        if (state == State.OPEN) {
            if (watchdogPending) {
                if (now - watchdogSentAt >= watchdogInterval) {
                    LOG.warn("S13 peer {} did not answer a DWR within {} ms: closing", peer,
                            TimeUnit.NANOSECONDS.toMillis(watchdogInterval));
                    close(CloseReason.WATCHDOG_TIMEOUT);
                }
            } else if (now - lastMessageAt >= watchdogInterval) {
                watchdogPending = true;
                watchdogSentAt = now;
                watchdogHopByHop = nextHopByHop++;
                watchdogInterval = jitteredWatchdog();
                writeBatch();
                ctx.writeAndFlush(DeviceWatchdogRequest.create(node.origin, OptionalLong.of(node.originStateId),
                        watchdogHopByHop, node.identifiers.nextEndToEnd()).toMessage(), ctx.voidPromise());
            }
        }
    }

    /** Tw ± the jitter (RFC 3539 §3.4.1), in nanoseconds. */
    private long jitteredWatchdog() {
        long jitter = node.limits.watchdogJitter().toNanos();
        long offset = jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
        return node.limits.watchdog().toNanos() + offset;
    }

    /** On server shutdown: a DPR (REBOOTING) to an open peer, closing on its DPA or after a wait. */
    void disconnect() {
        if (state == State.OPEN) {
            state = State.DISCONNECTING;
            disconnectHopByHop = nextHopByHop++;
            writeBatch();
            ctx.writeAndFlush(DisconnectPeerRequest.create(node.origin, DisconnectCause.REBOOTING, disconnectHopByHop,
                    node.identifiers.nextEndToEnd()).toMessage(), ctx.voidPromise());
            ctx.executor().schedule(() -> close(CloseReason.SERVER_SHUTDOWN),
                    node.limits.disconnectWait().toNanos(), TimeUnit.NANOSECONDS);
        } else if (state != State.DISCONNECTING) {
            close(CloseReason.SERVER_SHUTDOWN);
        }
    }

    /** Writes an answer after the fast path's answers so far, keeping the requests' order. */
    private void send(DiameterMessage answer) {
        writeBatch();
        ctx.write(answer, ctx.voidPromise());
        unflushed = true;
    }

    /** Writes the fast path's answers so far as one buffer from the channel's allocator. */
    private void writeBatch() {
        if (!batch.isReadable()) {
            return;
        }
        ByteBuf out = ctx.alloc().ioBuffer(batch.readableBytes());
        out.writeBytes(batch);
        batch.clear();
        ctx.write(out, ctx.voidPromise());
        unflushed = true;
    }

    /** Flushes what was written, then closes; stops reading at once. Counted once. */
    private void close(CloseReason reason) {
        if (state == State.CLOSED) {
            return;
        }
        writeBatch();
        state = State.CLOSED;
        node.metrics.disconnect(reason);
        ctx.channel().config().setAutoRead(false);
        unflushed = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        // A peer that reads nothing never lets the flush finish: close regardless after a while.
        ctx.executor().schedule(() -> ctx.close(), node.limits.disconnectWait().toNanos(), TimeUnit.NANOSECONDS);
    }
}
