package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * Parses one framed message (from {@link DiameterFrameDecoder}) into a {@link DiameterMessage}:
 * the header and the top-level AVPs, checking every AVP length (RFC 6733 §4.1). Grouped AVPs are
 * parsed when the typed message reads them. A message that cannot be parsed is passed on as a
 * failed message with its header, to be answered, never as an exception.
 *
 * <p>Stateless: one instance serves every connection.
 */
@Sharable
public final class DiameterMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    public static final DiameterMessageDecoder INSTANCE = new DiameterMessageDecoder();

    private DiameterMessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode(frame));
    }

    /**
     * Parses exactly one message occupying {@code frame}'s readable bytes. The result holds its
     * own reference to {@code frame} (release it); the caller keeps its own.
     */
    public static DiameterMessage decode(ByteBuf frame) {
        int start = frame.readerIndex();
        int available = frame.readableBytes();
        if (available < DiameterMessage.HEADER_LENGTH) {
            return DiameterMessage.failed(null, new DiameterFramingException(ResultCode.INVALID_MESSAGE_LENGTH,
                    "a message of " + available + " octets is shorter than the 20-octet header"));
        }
        DiameterHeader header = readHeader(frame, start);
        int length = frame.getUnsignedMedium(start + 1);
        DiameterFramingException problem = DiameterFrameDecoder.check(frame.getUnsignedByte(start), length,
                Integer.MAX_VALUE);
        if (problem == null && length != available) {
            problem = new DiameterFramingException(ResultCode.INVALID_MESSAGE_LENGTH,
                    "message length " + length + " but the frame has " + available + " octets");
        }
        if (problem != null) {
            return DiameterMessage.failed(header, problem);
        }
        List<Avp> avps = new ArrayList<>(8);
        try {
            Avp.decodeAll(frame, start + DiameterMessage.HEADER_LENGTH, start + length, avps);
            return DiameterMessage.decoded(header, avps, frame.retain());
        } catch (DiameterException e) {
            // The AVPs before the broken one stay readable, so that the answer can still carry the
            // request's Session-Id and Proxy-Info.
            return DiameterMessage.failed(header, avps, frame.retain(), e);
        }
    }

    static DiameterHeader readHeader(ByteBuf in, int start) {
        return new DiameterHeader(in.getUnsignedByte(start + 4),
                CommandCode.valueOf(in.getUnsignedMedium(start + 5)),
                ApplicationId.valueOf(in.getUnsignedInt(start + 8)),
                in.getInt(start + 12), in.getInt(start + 16));
    }
}
