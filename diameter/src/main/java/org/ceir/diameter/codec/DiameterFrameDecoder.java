package org.ceir.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the TCP byte stream into Diameter messages by the header's 24-bit length (RFC 6733 §3),
 * one {@link ByteBuf} per message, without copying.
 *
 * <p>Before framing, it checks the header: version 1, a length of at least 20 that is a multiple
 * of four, and no more than this side accepts. A header that fails can no longer be trusted to
 * say where the next message starts, so the decoder emits one failed {@link DiameterMessage}
 * (carrying the header, so that a request can still be answered) and then discards everything
 * the connection sends: the handler answers and closes. Nothing is allocated for a message that
 * is too long: its length is refused before any of it is buffered.
 *
 * <p>One per connection (it keeps the partial message).
 */
public final class DiameterFrameDecoder extends LengthFieldBasedFrameDecoder {
    private final int maxMessageLength;
    private boolean broken;

    /** @param maxMessageLength the longest message accepted, in octets (at least 20) */
    public DiameterFrameDecoder(int maxMessageLength) {
        super(maxMessageLength, 1, 3, -4, 0, true);
        if (maxMessageLength < DiameterMessage.HEADER_LENGTH) {
            throw new IllegalArgumentException("a Diameter message is at least 20 octets, not " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        if (in.readableBytes() < DiameterMessage.HEADER_LENGTH) {
            return null;
        }
        int start = in.readerIndex();
        DiameterFramingException problem = check(in.getUnsignedByte(start), in.getUnsignedMedium(start + 1),
                maxMessageLength);
        if (problem == null) {
            return super.decode(ctx, in);
        }
        broken = true;
        DiameterHeader header = DiameterMessageDecoder.readHeader(in, start);
        in.skipBytes(in.readableBytes());
        return DiameterMessage.failed(header, problem);
    }

    /** Why a header's version and length cannot be framed, or null if they can. */
    static DiameterFramingException check(int version, int length, int maxMessageLength) {
        if (version != DiameterMessage.VERSION) {
            return new DiameterFramingException(ResultCode.UNSUPPORTED_VERSION,
                    "version " + version + ": Diameter is version 1 (RFC 6733 §3)");
        }
        if (length < DiameterMessage.HEADER_LENGTH) {
            return new DiameterFramingException(ResultCode.INVALID_MESSAGE_LENGTH,
                    "message length " + length + " is shorter than the 20-octet header (RFC 6733 §3)");
        }
        if ((length & 3) != 0) {
            return new DiameterFramingException(ResultCode.INVALID_MESSAGE_LENGTH,
                    "message length " + length + " is not a multiple of 4 (RFC 6733 §3)");
        }
        if (length > maxMessageLength) {
            return new DiameterFramingException(ResultCode.INVALID_MESSAGE_LENGTH,
                    "message length " + length + " exceeds this peer's limit of " + maxMessageLength + " octets");
        }
        return null;
    }

    /** True while part of a message has arrived and the rest has not: what a slow peer looks like. */
    public boolean hasPartialMessage() {
        return actualReadableBytes() > 0;
    }
}
