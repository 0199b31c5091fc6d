package org.ceir.diameter;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.util.concurrent.ScheduledFuture;
import org.ceir.diameter.codec.CommandCode;
import org.ceir.diameter.codec.DeviceWatchdogAnswer;
import org.ceir.diameter.codec.DiameterException;
import org.ceir.diameter.codec.DiameterFramingException;
import org.ceir.diameter.codec.DiameterHeader;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DisconnectPeerAnswer;
import org.ceir.diameter.codec.ErrorAnswer;
import org.ceir.diameter.codec.Origin;
import org.ceir.diameter.codec.ResultCode;

/**
 * The client's side of a connection: numbers requests (Hop-by-Hop, End-to-End) as they go out,
 * matches answers to them, answers the server's DWR and DPR, and fails requests that time out
 * or whose connection closes. Runs on the connection's event loop: the table of requests in
 * flight is never shared.
 */
final class S13ClientHandler extends ChannelDuplexHandler {
    /** Builds a request once its identifiers are known. */
    @FunctionalInterface
    interface RequestFactory {
        DiameterMessage create(int hopByHop, int endToEnd);
    }

    /** A request on its way to the handler. */
    static final class Outgoing {
        final RequestFactory factory;
        final CompletableFuture<DiameterMessage> answer;

        Outgoing(RequestFactory factory, CompletableFuture<DiameterMessage> answer) {
            this.factory = factory;
            this.answer = answer;
        }
    }

    private static final class Pending {
        final CompletableFuture<DiameterMessage> answer;
        final long sentAt;

        Pending(CompletableFuture<DiameterMessage> answer, long sentAt) {
            this.answer = answer;
            this.sentAt = sentAt;
        }
    }

    private final IntObjectMap<Pending> pending = new IntObjectHashMap<>();
    private final Identifiers identifiers;
    private final Origin origin;
    private final long requestTimeout;
    private final String server;
    private int nextHopByHop = Identifiers.firstHopByHop();
    private ScheduledFuture<?> sweeper;

    S13ClientHandler(Identifiers identifiers, Origin origin, long requestTimeoutNanos, String server) {
        this.identifiers = identifiers;
        this.origin = origin;
        this.requestTimeout = requestTimeoutNanos;
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1),
                requestTimeout / 4));
        sweeper = ctx.executor().scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Outgoing)) {
            ctx.write(msg, promise);
            return;
        }
        Outgoing outgoing = (Outgoing) msg;
        if (!ctx.channel().isActive()) {
            outgoing.answer.completeExceptionally(closed(null));
            return;
        }
        int hopByHop = nextHopByHop++;
        DiameterMessage request;
        try {
            request = outgoing.factory.create(hopByHop, identifiers.nextEndToEnd());
        } catch (RuntimeException e) {
            outgoing.answer.completeExceptionally(e);
            return;
        }
        pending.put(hopByHop, new Pending(outgoing.answer, System.nanoTime()));
        ctx.write(request, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DiameterMessage message = (DiameterMessage) msg;
        try {
            DiameterHeader header = message.header();
            DiameterException failure = message.failure();
            if (failure instanceof DiameterFramingException || header == null) {
                ctx.close();
                failAll(new S13ClientException("the S13 server " + server + " sent a message that cannot be framed: "
                        + failure.getMessage(), null, null));
            } else if (header.isRequest()) {
                answerServer(ctx, message);
            } else {
                Pending request = pending.remove(header.hopByHop());
                if (request == null) {
                    return;
                }
                if (failure != null) {
                    request.answer.completeExceptionally(new S13ClientException("the S13 server " + server
                            + " sent an answer that cannot be decoded: " + failure.getMessage(), null, failure));
                } else {
                    request.answer.complete(message.copy());
                }
            }
        } finally {
            message.release();
        }
    }

    /** The server's own requests: DWR gets a DWA, DPR a DPA and then the connection closes. */
    private void answerServer(ChannelHandlerContext ctx, DiameterMessage request) {
        DiameterHeader header = request.header();
        if (header.command() == CommandCode.DEVICE_WATCHDOG) {
            ctx.writeAndFlush(DeviceWatchdogAnswer.to(header, ResultCode.SUCCESS, origin, OptionalLong.empty())
                    .toMessage(), ctx.voidPromise());
        } else if (header.command() == CommandCode.DISCONNECT_PEER) {
            ctx.writeAndFlush(DisconnectPeerAnswer.to(header, ResultCode.SUCCESS, origin).toMessage())
                    .addListener(future -> ctx.close());
        } else {
            ctx.writeAndFlush(ErrorAnswer.to(request, origin, new DiameterException(ResultCode.COMMAND_UNSUPPORTED,
                    null, header.command() + " is not supported by this client")).toMessage(), ctx.voidPromise());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        failAll(closed(null));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failAll(closed(cause));
        ctx.close();
    }

    private void sweep() {
        long now = System.nanoTime();
        List<Integer> expired = null;
        for (IntObjectMap.PrimitiveEntry<Pending> entry : pending.entries()) {
            if (now - entry.value().sentAt >= requestTimeout) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(entry.key());
            }
        }
        if (expired != null) {
            for (int hopByHop : expired) {
                pending.remove(hopByHop).answer.completeExceptionally(new S13ClientException("no answer from the S13"
                        + " server " + server + " within " + TimeUnit.NANOSECONDS.toMillis(requestTimeout) + " ms",
                        null, new TimeoutException()));
            }
        }
    }

    private void failAll(S13ClientException cause) {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> failed = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending request : failed) {
            request.answer.completeExceptionally(cause);
        }
    }

    private S13ClientException closed(Throwable cause) {
        return new S13ClientException("the connection to the S13 server " + server + " closed"
                + (cause == null ? "" : ": " + cause.getMessage()), null, cause);
    }
}
