package org.ceir.diameter.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Framing: messages split and joined arbitrarily by TCP, and headers that cannot be framed. */
class DiameterFrameDecoderTest {

    private static EmbeddedChannel channel(int maxMessageLength) {
        return new EmbeddedChannel(new DiameterFrameDecoder(maxMessageLength), DiameterMessageDecoder.INSTANCE);
    }

    @Test
    void decode_oneOctetAtATime() {
        EmbeddedChannel channel = channel(4096);
        byte[] ecr = Wire.ecr();

        for (int i = 0; i < ecr.length - 1; i++) {
            assertThat(channel.writeInbound(Unpooled.wrappedBuffer(ecr, i, 1))).isFalse();
        }
        assertThat(channel.writeInbound(Unpooled.wrappedBuffer(ecr, ecr.length - 1, 1))).isTrue();

        DiameterMessage message = channel.readInbound();
        assertThat(MeIdentityCheckRequest.from(message).imei()).isEqualTo(Wire.IMEI);
        message.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void decode_threeMessagesInOneRead() {
        EmbeddedChannel channel = channel(4096);
        byte[] ecr = Wire.ecr();

        channel.writeInbound(Unpooled.wrappedBuffer(ecr, ecr, ecr));

        for (int i = 0; i < 3; i++) {
            DiameterMessage message = channel.readInbound();
            assertThat(message.failure()).isNull();
            message.release();
        }
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void decode_tooLong_refusedBeforeBufferingAndTheStreamIsDiscarded() {
        EmbeddedChannel channel = channel(1024);
        ByteBuf header = Unpooled.wrappedBuffer(Hex.bytes(
                "01", "fffffc", "c0", "000144", "01000024", "00000009", "0000000a")); // 16 MiB promised

        channel.writeInbound(header);
        DiameterMessage message = channel.readInbound();

        assertThat(message.failure().resultCode()).isEqualTo(ResultCode.INVALID_MESSAGE_LENGTH);
        assertThat(message.failure().getMessage())
                .isEqualTo("message length 16777212 exceeds this peer's limit of 1024 octets");
        assertThat(message.header().hopByHop()).isEqualTo(9);
        channel.writeInbound(Unpooled.wrappedBuffer(Wire.ecr()));
        assertThat(channel.<Object>readInbound()).as("everything after a broken header is discarded").isNull();
        assertThat(header.refCnt()).isZero();
        channel.finish();
    }

    @Test
    void decode_shorterThanAHeader_invalidMessageLength() {
        EmbeddedChannel channel = channel(4096);

        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("01", "000010", "c0", "000144", "01000024",
                "00000001", "00000002")));

        DiameterMessage message = channel.readInbound();
        assertThat(message.failure()).isInstanceOf(DiameterFramingException.class);
        assertThat(message.failure().getMessage()).isEqualTo(
                "message length 16 is shorter than the 20-octet header (RFC 6733 §3)");
    }

    @Test
    void hasPartialMessage_whileAMessageIsIncomplete() {
        DiameterFrameDecoder frames = new DiameterFrameDecoder(4096);
        EmbeddedChannel channel = new EmbeddedChannel(frames, DiameterMessageDecoder.INSTANCE);
        byte[] ecr = Wire.ecr();

        channel.writeInbound(Unpooled.wrappedBuffer(ecr, 0, 30));
        assertThat(frames.hasPartialMessage()).isTrue();

        channel.writeInbound(Unpooled.wrappedBuffer(ecr, 30, ecr.length - 30));
        assertThat(frames.hasPartialMessage()).isFalse();
        ((DiameterMessage) channel.readInbound()).release();
    }
}
