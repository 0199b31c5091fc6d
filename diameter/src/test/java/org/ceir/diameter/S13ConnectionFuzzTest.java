package org.ceir.diameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.ceir.core.check.Outcome;
import org.ceir.diameter.codec.Avp;
import org.ceir.diameter.codec.AvpCode;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.CommandCode;
import org.ceir.diameter.codec.DeviceWatchdogAnswer;
import org.ceir.diameter.codec.DeviceWatchdogRequest;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterHeader;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DiameterMessageDecoder;
import org.ceir.diameter.codec.DisconnectCause;
import org.ceir.diameter.codec.DisconnectPeerRequest;
import org.ceir.diameter.codec.MeIdentityCheckRequest;
import org.ceir.diameter.codec.ResultCode;
import org.ceir.diameter.codec.VendorId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million random and mutated frames through the server's whole pipeline (framing, decoding,
 * the connection state machine, encoding) on an in-memory channel, each judged by an oracle that
 * reads the bytes independently:
 * <ul>
 *   <li>no exception escapes the pipeline, and nothing hangs (the whole run is bounded in time);</li>
 *   <li>every request that can be framed gets exactly one answer, in order, with its Hop-by-Hop
 *       and End-to-End, its command, the R-bit clear, its P-bit, the E-bit exactly for 3xxx, a
 *       Result-Code or Experimental-Result, and never 5012 (which would mean a bug);</li>
 *   <li>answers get no answer; a header that cannot be framed is answered (if a request) and the
 *       connection closes; so does a refused CER and a DPR; nothing else closes it (RFC 6733);</li>
 *   <li>allocation stays bounded: no buffer larger than a few messages, and every buffer the
 *       test hands in is released once the connection is done.</li>
 * </ul>
 */
class S13ConnectionFuzzTest {
    private static final int FRAMES = 1_000_000;
    private static final int MAX_MESSAGE = 4096;
    private static final long SEED = 0x5133_2025L;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final S13Node node = new S13Node(new org.ceir.diameter.codec.Origin(TestServers.HOST, TestServers.REALM),
            new PeerTable(TestServers.settings().peers()),
            new TableCheck().with("35209900176149", Outcome.BLACKLISTED).with("35209900176151", Outcome.UNKNOWN),
            new DiameterMetrics(registry),
            new ServerLimits(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10),
                    Duration.ofSeconds(10), Duration.ofSeconds(1), MAX_MESSAGE, 1_000_000));
    private final TrackingAllocator allocator = new TrackingAllocator();
    private final List<ByteBuf> inputs = new ArrayList<>();
    private EmbeddedChannel channel;
    private long answers;
    private long closes;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pipeline_millionRandomAndMutatedFrames_answersOrClosesAsRfc6733Says() {
        Random random = new Random(SEED);
        Frames frames = new Frames(random);
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = frames.next();
            try {
                feed(frame);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("frame " + i + " (seed " + SEED + "): " + hex(frame), e);
            }
        }
        retire();

        assertThat(allocator.largest.get()).as("largest buffer allocated").isLessThanOrEqualTo(4 * MAX_MESSAGE);
        assertThat(answers).as("answers").isGreaterThan(FRAMES / 2);
        assertThat(closes).as("closed connections").isGreaterThan(1000);
        assertThat(registry.find("ceir.diameter.check.failures").counter().count()).isZero();
        assertThat(registry.find("ceir.diameter.errors").counters()).hasSizeGreaterThan(8);
        assertThat(registry.find("ceir.diameter.checks").tag("outcome", "whitelisted").counter().count())
                .as("mutated ECRs that still parse").isPositive();
    }

    private void feed(byte[] frame) {
        if (channel == null) {
            open();
        }
        ByteBuf input = Unpooled.wrappedBuffer(frame);
        inputs.add(input);
        channel.writeInbound(input);
        channel.checkException();
        assertThat(channel.<Object>readInbound()).as("nothing passes the S13 handler").isNull();
        List<DiameterMessage> out = drainAnswers();
        Stream stream = Stream.read(frame);
        judge(stream, out);
        if (!channel.isActive()) {
            closes++;
            retire();
        } else if (stream.incomplete) {
            retire();
        }
    }

    /** Checks the answers against what the bytes called for. */
    private void judge(Stream stream, List<DiameterMessage> out) {
        boolean closing = false;
        int answered = 0;
        for (DiameterMessage answer : out) {
            assertThat(closing).as("nothing after the answer that closes").isFalse();
            assertThat(answered).as("more answers than requests").isLessThan(stream.requests.size());
            Request request = stream.requests.get(answered++);
            assertThat(answer.failure()).as("the answer decodes").isNull();
            DiameterHeader header = answer.header();
            assertThat(header.isRequest()).isFalse();
            assertThat(header.hopByHop()).isEqualTo(request.hopByHop);
            assertThat(header.endToEnd()).isEqualTo(request.endToEnd);
            assertThat(header.command().value()).isEqualTo(request.command);
            assertThat(header.isProxiable()).isEqualTo(request.proxiable);
            ResultCode result = resultOf(answer);
            assertThat(result).as("no answer says 'internal error'").isNotEqualTo(ResultCode.UNABLE_TO_COMPLY);
            assertThat(header.isError()).as("E-bit for %s", result).isEqualTo(result.isProtocolError());
            assertThat(answer.first(AvpCode.ORIGIN_HOST)).isNotNull();
            answers++;
            closing = request.framingError
                    || request.command == CommandCode.DISCONNECT_PEER.value()
                    || request.command == CommandCode.CAPABILITIES_EXCHANGE.value() && !result.isSuccess();
        }
        if (!closing) {
            assertThat(answered).as("every request is answered").isEqualTo(stream.requests.size());
            closing = stream.framingError;
        }
        assertThat(channel.isActive()).as("closed exactly when RFC 6733 says").isEqualTo(!closing);
    }

    private static ResultCode resultOf(DiameterMessage answer) {
        Avp result = answer.first(AvpCode.RESULT_CODE);
        if (result != null) {
            return ResultCode.valueOf(result.unsigned32());
        }
        Avp experimental = answer.first(AvpCode.EXPERIMENTAL_RESULT);
        assertThat(experimental).as("a Result-Code or an Experimental-Result").isNotNull();
        Avp code = experimental.grouped().stream().filter(avp -> avp.is(AvpCode.EXPERIMENTAL_RESULT_CODE))
                .findFirst().orElseThrow();
        return ResultCode.experimental(VendorId.TGPP, code.unsigned32());
    }

    private List<DiameterMessage> drainAnswers() {
        CompositeByteBuf written = Unpooled.compositeBuffer();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            written.addComponent(true, (ByteBuf) out);
        }
        List<DiameterMessage> answers = new ArrayList<>();
        while (written.readableBytes() > 0) {
            int length = written.getUnsignedMedium(written.readerIndex() + 1);
            assertThat(length).isBetween(20, written.readableBytes());
            answers.add(DiameterMessageDecoder.decode(Unpooled.wrappedBuffer(
                    io.netty.buffer.ByteBufUtil.getBytes(written, written.readerIndex(), length))));
            written.skipBytes(length);
        }
        written.release();
        return answers;
    }

    private void open() {
        channel = new EmbeddedChannel(false, false);
        S13Server.initPipeline(channel.pipeline(), node);
        channel.config().setAllocator(allocator);
        try {
            channel.register();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        channel.writeInbound(Unpooled.wrappedBuffer(DiameterEncoder.toBytes(CapabilitiesExchangeRequest.create(
                RawPeer.capabilities(RawPeer.MME), 1, 1).toMessage())));
        List<DiameterMessage> cea = drainAnswers();
        assertThat(cea).hasSize(1);
        assertThat(cea.get(0).first(AvpCode.RESULT_CODE).unsigned32()).isEqualTo(2001);
    }

    /** Closes the channel and checks that every buffer handed to it was released. */
    private void retire() {
        if (channel == null) {
            return;
        }
        channel.finishAndReleaseAll();
        channel.close();
        channel = null;
        for (ByteBuf input : inputs) {
            if (input.refCnt() != 0 && input != Unpooled.EMPTY_BUFFER) {
                throw new AssertionError("input not released: " + io.netty.buffer.ByteBufUtil.hexDump(input, 0,
                        input.capacity()) + " (" + inputs.indexOf(input) + " of " + inputs.size() + ")");
            }
        }
        inputs.clear();
    }

    private static String hex(byte[] frame) {
        return io.netty.buffer.ByteBufUtil.hexDump(frame);
    }

    /** One request in the byte stream, as the oracle reads it. */
    private static final class Request {
        int command;
        int hopByHop;
        int endToEnd;
        boolean proxiable;
        boolean framingError;
    }

    /** The byte stream as an independent reader frames it (RFC 6733 §3). */
    private static final class Stream {
        final List<Request> requests = new ArrayList<>();
        boolean framingError;
        boolean incomplete;

        static Stream read(byte[] bytes) {
            Stream stream = new Stream();
            int position = 0;
            while (position < bytes.length) {
                int remaining = bytes.length - position;
                if (remaining < 20) {
                    stream.incomplete = true;
                    break;
                }
                ByteBuf header = Unpooled.wrappedBuffer(bytes, position, 20);
                int version = header.getUnsignedByte(0);
                int length = header.getUnsignedMedium(1);
                int flags = header.getUnsignedByte(4);
                boolean framed = version == 1 && length >= 20 && length % 4 == 0 && length <= MAX_MESSAGE;
                if ((flags & 0x80) != 0) {
                    Request request = new Request();
                    request.command = header.getUnsignedMedium(5);
                    request.hopByHop = header.getInt(12);
                    request.endToEnd = header.getInt(16);
                    request.proxiable = (flags & 0x40) != 0;
                    request.framingError = !framed;
                    if (framed && length > remaining) {
                        stream.incomplete = true;
                        break;
                    }
                    stream.requests.add(request);
                }
                if (!framed) {
                    stream.framingError = true;
                    break;
                }
                if (length > remaining) {
                    stream.incomplete = true;
                    break;
                }
                position += length;
            }
            return stream;
        }
    }

    /** Frames to feed: mostly valid messages with a few mutations, some random noise. */
    private static final class Frames {
        private final Random random;
        private final List<byte[]> seeds = new ArrayList<>();

        Frames(Random random) {
            this.random = random;
            String[] imeis = {"35209900176148", "35209900176149", "35209900176151", "352099001761481", "12",
                "3520990017614812345"};
            for (int i = 0; i < imeis.length; i++) {
                seeds.add(DiameterEncoder.toBytes(MeIdentityCheckRequest.create("mme;1;" + i, RawPeer.MME,
                        TestServers.REALM, imeis[i], i % 2 == 0 ? "01" : null, i % 3 == 0 ? null : "400011234567890",
                        i, i).toMessage()));
            }
            seeds.add(DiameterEncoder.toBytes(CapabilitiesExchangeRequest.create(RawPeer.capabilities(RawPeer.MME),
                    7, 7).toMessage()));
            seeds.add(DiameterEncoder.toBytes(DeviceWatchdogRequest.create(RawPeer.MME,
                    java.util.OptionalLong.of(1), 8, 8).toMessage()));
            seeds.add(DiameterEncoder.toBytes(DeviceWatchdogAnswer.to(DiameterHeader.request(
                    CommandCode.DEVICE_WATCHDOG, org.ceir.diameter.codec.ApplicationId.COMMON, false, 9, 9),
                    ResultCode.SUCCESS, RawPeer.MME, java.util.OptionalLong.empty()).toMessage()));
            seeds.add(DiameterEncoder.toBytes(DisconnectPeerRequest.create(RawPeer.MME, DisconnectCause.BUSY, 10, 10)
                    .toMessage()));
        }

        byte[] next() {
            int kind = random.nextInt(100);
            if (kind < 5) {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                return noise;
            }
            if (kind < 12) {
                byte[] body = new byte[20 + 4 * random.nextInt(60)];
                random.nextBytes(body);
                body[0] = 1;
                body[1] = 0;
                body[2] = (byte) (body.length >>> 8);
                body[3] = (byte) body.length;
                return body;
            }
            // Mostly ECRs: the hot path's parser deserves the most attention.
            byte[] seed = kind < 70 ? seeds.get(random.nextInt(6)) : seeds.get(random.nextInt(seeds.size()));
            byte[] frame = seed;
            int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                frame = mutate(frame);
            }
            if (random.nextInt(10) < 7 && frame.length >= 4) {
                fixLength(frame);
            }
            if (random.nextInt(20) == 0) {
                byte[] two = Arrays.copyOf(frame, frame.length + seed.length);
                System.arraycopy(seed, 0, two, frame.length, seed.length);
                frame = two;
            }
            return frame;
        }

        private byte[] mutate(byte[] frame) {
            byte[] copy = frame.clone();
            switch (random.nextInt(9)) {
                case 0:
                    if (copy.length > 0) {
                        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    return copy;
                case 1:
                    if (copy.length > 0) {
                        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    }
                    return copy;
                case 2:
                    if (copy.length >= 20) {
                        copy[random.nextInt(20)] = (byte) random.nextInt(256);
                    }
                    return copy;
                case 3: {
                    int avp = avpStart(copy);
                    if (avp >= 0 && avp + 8 <= copy.length) {
                        int length = random.nextBoolean() ? random.nextInt(16) : random.nextInt(0x1000000);
                        copy[avp + 5] = (byte) (length >>> 16);
                        copy[avp + 6] = (byte) (length >>> 8);
                        copy[avp + 7] = (byte) length;
                    }
                    return copy;
                }
                case 4:
                    return Arrays.copyOf(copy, Math.max(0, copy.length - 1 - random.nextInt(Math.max(1, copy.length))));
                case 5: {
                    byte[] data = new byte[random.nextInt(24)];
                    random.nextBytes(data);
                    int flags = random.nextInt(256);
                    Avp avp = Avp.raw(random.nextBoolean() ? random.nextInt(2000) : random.nextInt(),
                            flags, random.nextBoolean() ? 10415 : random.nextInt(), data);
                    byte[] encoded = new byte[avp.encodedLength()];
                    avp.writeTo(Unpooled.wrappedBuffer(encoded).clear());
                    byte[] grown = Arrays.copyOf(copy, copy.length + encoded.length);
                    System.arraycopy(encoded, 0, grown, copy.length, encoded.length);
                    return grown;
                }
                case 6: {
                    int avp = avpStart(copy);
                    if (avp >= 0 && avp + 8 <= copy.length) {
                        int length = (copy[avp + 5] & 0xff) << 16 | (copy[avp + 6] & 0xff) << 8 | copy[avp + 7] & 0xff;
                        int padded = length + 3 & ~3;
                        if (length >= 8 && avp + padded <= copy.length) {
                            byte[] grown = Arrays.copyOf(copy, copy.length + padded);
                            System.arraycopy(copy, avp, grown, copy.length, padded);
                            return grown;
                        }
                    }
                    return copy;
                }
                case 7: {
                    int avp = avpStart(copy);
                    if (avp >= 0 && avp + 8 <= copy.length) {
                        int length = (copy[avp + 5] & 0xff) << 16 | (copy[avp + 6] & 0xff) << 8 | copy[avp + 7] & 0xff;
                        int padded = length + 3 & ~3;
                        if (length >= 8 && avp + padded <= copy.length) {
                            byte[] shrunk = new byte[copy.length - padded];
                            System.arraycopy(copy, 0, shrunk, 0, avp);
                            System.arraycopy(copy, avp + padded, shrunk, avp, copy.length - avp - padded);
                            return shrunk;
                        }
                    }
                    return copy;
                }
                default:
                    if (copy.length > 24) {
                        copy[4 + random.nextInt(4)] ^= (byte) (1 << random.nextInt(8)); // flags and command
                    }
                    return copy;
            }
        }

        /** The offset of a random top-level AVP, walking the lengths as written; -1 if none. */
        private int avpStart(byte[] frame) {
            List<Integer> starts = new ArrayList<>();
            int position = 20;
            while (position + 8 <= frame.length) {
                starts.add(position);
                int length = (frame[position + 5] & 0xff) << 16 | (frame[position + 6] & 0xff) << 8
                        | frame[position + 7] & 0xff;
                if (length < 8) {
                    break;
                }
                position += length + 3 & ~3;
            }
            return starts.isEmpty() ? -1 : starts.get(random.nextInt(starts.size()));
        }

        private static void fixLength(byte[] frame) {
            frame[1] = (byte) (frame.length >>> 16);
            frame[2] = (byte) (frame.length >>> 8);
            frame[3] = (byte) frame.length;
        }
    }

    /** An allocator that remembers the largest buffer anyone asked it for. */
    private static final class TrackingAllocator extends AbstractByteBufAllocator {
        private final ByteBufAllocator delegate = new UnpooledByteBufAllocator(false);
        final AtomicInteger largest = new AtomicInteger();

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            largest.accumulateAndGet(initialCapacity, Math::max);
            return delegate.heapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            largest.accumulateAndGet(initialCapacity, Math::max);
            return delegate.heapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }
}
