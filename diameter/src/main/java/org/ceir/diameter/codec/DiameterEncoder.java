package org.ceir.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link DiameterMessage}s (RFC 6733 §3): the header with the length worked out, then
 * every AVP padded to four octets, into one buffer of exactly the right size.
 *
 * <p>Stateless: one instance serves every connection.
 */
@Sharable
public final class DiameterEncoder extends MessageToByteEncoder<DiameterMessage> {
    public static final DiameterEncoder INSTANCE = new DiameterEncoder();
    private static final int MAX_LENGTH = 0xffffff;

    private DiameterEncoder() {
        super(DiameterMessage.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, DiameterMessage message, boolean preferDirect) {
        int length = message.encodedLength();
        return preferDirect ? ctx.alloc().ioBuffer(length, length) : ctx.alloc().heapBuffer(length, length);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DiameterMessage message, ByteBuf out) {
        encode(message, out);
    }

    /** Appends the message to {@code out}. */
    public static void encode(DiameterMessage message, ByteBuf out) {
        int length = message.encodedLength();
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(message.header() + " would take " + length
                    + " octets; a Diameter message has at most 2^24-1 (RFC 6733 §3)");
        }
        DiameterHeader header = message.header();
        out.writeInt(DiameterMessage.VERSION << 24 | length);
        out.writeInt(header.flags() << 24 | header.command().value());
        out.writeInt((int) header.application().value());
        out.writeInt(header.hopByHop());
        out.writeInt(header.endToEnd());
        for (Avp avp : message.avps()) {
            avp.writeTo(out);
        }
    }

    /** The message's octets. */
    public static byte[] toBytes(DiameterMessage message) {
        byte[] bytes = new byte[message.encodedLength()];
        encode(message, Unpooled.wrappedBuffer(bytes).clear());
        return bytes;
    }
}
