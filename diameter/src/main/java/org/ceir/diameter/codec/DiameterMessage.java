package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.util.ReferenceCounted;

/**
 * A Diameter message as the wire has it (RFC 6733 §3): a header and its top-level AVPs, in order.
 * The typed messages ({@link MeIdentityCheckRequest}, {@link CapabilitiesExchangeRequest}…) are
 * read from and written to this form.
 *
 * <p>A decoded message holds its frame's buffer, which its AVPs view without copying: release it
 * (Netty's {@link io.netty.channel.SimpleChannelInboundHandler} does) once answered. A message
 * that could not be decoded says why in {@link #decoderResult()}: its header is there when the
 * first 20 octets were, and so are the AVPs before the broken one, so that the error can be
 * answered with the request's Session-Id.
 */
public final class DiameterMessage implements ReferenceCounted, DecoderResultProvider {
    /** RFC 6733 §3: the only version. */
    public static final int VERSION = 1;
    /** RFC 6733 §3: version, length, flags, command, Application-Id, Hop-by-Hop, End-to-End. */
    public static final int HEADER_LENGTH = 20;

    private final DiameterHeader header;
    private final List<Avp> avps;
    private final ByteBuf frame;
    private DecoderResult decoderResult;

    private DiameterMessage(DiameterHeader header, List<Avp> avps, ByteBuf frame, DecoderResult decoderResult) {
        this.header = header;
        this.avps = avps;
        this.frame = frame;
        this.decoderResult = decoderResult;
    }

    /** A message to send. */
    public static DiameterMessage of(DiameterHeader header, List<Avp> avps) {
        return new DiameterMessage(header, List.copyOf(avps), Unpooled.EMPTY_BUFFER, DecoderResult.SUCCESS);
    }

    /** A message to send, taking over {@code avps}, which nobody changes afterwards (saves a copy on the hot path). */
    static DiameterMessage owning(DiameterHeader header, List<Avp> avps) {
        return new DiameterMessage(header, avps, Unpooled.EMPTY_BUFFER, DecoderResult.SUCCESS);
    }

    /** A message that was framed and parsed; takes over the caller's reference to {@code frame}. */
    static DiameterMessage decoded(DiameterHeader header, List<Avp> avps, ByteBuf frame) {
        return new DiameterMessage(header, avps, frame, DecoderResult.SUCCESS);
    }

    /** A message that could not be framed: the header if it could be read (else null), and why. */
    static DiameterMessage failed(DiameterHeader header, DiameterException cause) {
        return new DiameterMessage(header, List.of(), Unpooled.EMPTY_BUFFER, DecoderResult.failure(cause));
    }

    /** A framed message with a broken AVP: the AVPs before it (views into {@code frame}, which it takes over), and why. */
    static DiameterMessage failed(DiameterHeader header, List<Avp> avpsBefore, ByteBuf frame, DiameterException cause) {
        return new DiameterMessage(header, avpsBefore, frame, DecoderResult.failure(cause));
    }

    /** The header; null only for a failed message whose header could not be read. */
    public DiameterHeader header() {
        return header;
    }

    /** The top-level AVPs in wire order. */
    public List<Avp> avps() {
        return avps;
    }

    /** The first top-level AVP with this code, or null. */
    public Avp first(AvpCode code) {
        for (Avp avp : avps) {
            if (avp.is(code)) {
                return avp;
            }
        }
        return null;
    }

    /** Every top-level AVP with this code, in order. */
    public List<Avp> all(AvpCode code) {
        List<Avp> found = new ArrayList<>(2);
        for (Avp avp : avps) {
            if (avp.is(code)) {
                found.add(avp);
            }
        }
        return found;
    }

    /** Why decoding failed, as the {@link DiameterException} to answer with; null if it did not. */
    public DiameterException failure() {
        return decoderResult.isFailure() ? (DiameterException) decoderResult.cause() : null;
    }

    @Override
    public DecoderResult decoderResult() {
        return decoderResult;
    }

    @Override
    public void setDecoderResult(DecoderResult result) {
        if (result.isFailure() && !(result.cause() instanceof DiameterException)) {
            throw new IllegalArgumentException("a Diameter decoding failure is a DiameterException", result.cause());
        }
        this.decoderResult = result;
    }

    /**
     * The same message in a buffer of its own (heap memory, nothing to release), for keeping
     * after the frame is released.
     */
    public DiameterMessage copy() {
        if (decoderResult.isFailure()) {
            List<Avp> copies = new ArrayList<>(avps.size());
            for (Avp avp : avps) {
                copies.add(avp.copy());
            }
            return new DiameterMessage(header, copies, Unpooled.EMPTY_BUFFER, decoderResult);
        }
        DiameterMessage copy = DiameterMessageDecoder.decode(Unpooled.wrappedBuffer(DiameterEncoder.toBytes(this)));
        copy.frame.release();
        return copy;
    }

    /** The octets this message takes on the wire. */
    public int encodedLength() {
        int length = HEADER_LENGTH;
        for (Avp avp : avps) {
            length += avp.encodedLength();
        }
        return length;
    }

    @Override
    public int refCnt() {
        return frame.refCnt();
    }

    @Override
    public DiameterMessage retain() {
        frame.retain();
        return this;
    }

    @Override
    public DiameterMessage retain(int increment) {
        frame.retain(increment);
        return this;
    }

    @Override
    public DiameterMessage touch() {
        frame.touch();
        return this;
    }

    @Override
    public DiameterMessage touch(Object hint) {
        frame.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return frame.release();
    }

    @Override
    public boolean release(int decrement) {
        return frame.release(decrement);
    }

    @Override
    public String toString() {
        return (header == null ? "undecodable message" : header.toString())
                + (decoderResult.isFailure() ? " failed: " + decoderResult.cause() : " " + avps);
    }
}
