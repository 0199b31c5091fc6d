package org.ceir.bench.diameter;

import java.net.InetAddress;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.ceir.core.status.EquipmentStatus;
import org.ceir.diameter.codec.ApplicationId;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.CapabilitiesExchangeAnswer;
import org.ceir.diameter.codec.CommandCode;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterHeader;
import org.ceir.diameter.codec.DisconnectPeerAnswer;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.MeIdentityCheckRequest;
import org.ceir.diameter.codec.Origin;
import org.ceir.diameter.codec.ResultCode;

/**
 * The baseline's whole logic: answer each framed message with canned octets (a CEA to a CER, a
 * DPA to a DPR, an ECA WHITELISTED to anything else), patching in only the Hop-by-Hop and
 * End-to-End identifiers; written as messages are read, flushed once per read, as the S13 server
 * does. Used by {@link CannedEcaServer} and {@code S13PipelineBenchmark}.
 */
@Sharable
public final class CannedAnswers extends ChannelInboundHandlerAdapter {
    private final byte[] cea;
    private final byte[] dpa;
    private final byte[] eca;

    public CannedAnswers() {
        Origin origin = new Origin("eir.canned", DiameterLoadServer.REALM);
        DiameterHeader cer = DiameterHeader.request(CommandCode.CAPABILITIES_EXCHANGE,
                ApplicationId.COMMON, false, 0, 0);
        cea = DiameterEncoder.toBytes(CapabilitiesExchangeAnswer.to(cer, ResultCode.SUCCESS,
                Capabilities.s13(origin, List.of(InetAddress.getLoopbackAddress()), 1, "canned"), null, null)
                .toMessage());
        DiameterHeader dpr = DiameterHeader.request(CommandCode.DISCONNECT_PEER,
                ApplicationId.COMMON, false, 0, 0);
        dpa = DiameterEncoder.toBytes(DisconnectPeerAnswer.to(dpr, ResultCode.SUCCESS, origin).toMessage());
        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.create(DiameterLoadClient.ORIGIN_HOST + ";1;1",
                new Origin(DiameterLoadClient.ORIGIN_HOST, DiameterLoadClient.ORIGIN_REALM),
                DiameterLoadServer.REALM, "35209900176148", null, null, 0, 0);
        eca = DiameterEncoder.toBytes(MeIdentityCheckAnswer.status(ecr, origin, EquipmentStatus.WHITELISTED)
                .toMessage());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf request = (ByteBuf) msg;
        int start = request.readerIndex();
        int command = request.getUnsignedMedium(start + 5);
        int hopByHop = request.getInt(start + 12);
        int endToEnd = request.getInt(start + 16);
        request.release();
        byte[] answer = command == CommandCode.CAPABILITIES_EXCHANGE.value() ? cea
                : command == CommandCode.DISCONNECT_PEER.value() ? dpa : eca;
        ByteBuf out = ctx.alloc().ioBuffer(answer.length);
        out.writeBytes(answer).setInt(12, hopByHop).setInt(16, endToEnd);
        ctx.write(out, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }
}
