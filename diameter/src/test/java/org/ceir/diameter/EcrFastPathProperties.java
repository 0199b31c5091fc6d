package org.ceir.diameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.diameter.codec.ApplicationId;
import org.ceir.diameter.codec.Avp;
import org.ceir.diameter.codec.AvpCode;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.CommandCode;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterFrameDecoder;
import org.ceir.diameter.codec.DiameterHeader;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DiameterMessageDecoder;
import org.ceir.diameter.codec.EcaTemplate;
import org.ceir.diameter.codec.EcrFastPath;
import org.ceir.diameter.codec.Origin;

/**
 * The fast path answers exactly as the general decoder does: the same frames go through the
 * server's pipeline (fast path first) and through a reference pipeline whose
 * {@link DiameterMessageDecoder} turns every frame into a {@link DiameterMessage} before the
 * connection sees it (so the fast path never runs), and both must write the same octets, count
 * the same outcomes and errors, and close the same way. The generated ECRs are mostly the common
 * kind the fast path takes, and also every kind it must leave to the decoder: Proxy-Info, repeated
 * and missing AVPs, unknown M-bit AVPs (top level and inside Terminal-Information), non-ASCII and
 * invalid UTF-8, ECRs longer than the fast path takes, bad identities and Auth-Session-State,
 * other realms and hosts, wrong header bits and application, an engine that throws, and random
 * single-octet mutations of all of them; several frames arrive at once, so that fast and general
 * answers must interleave in order.
 */
class EcrFastPathProperties {
    private static final Origin EIR = new Origin(TestServers.HOST, TestServers.REALM);
    private static final Origin MME = RawPeer.MME;
    /** The engine throws for this IMEI: 5012 either way. */
    private static final String BROKEN_IMEI = "99999999999999";

    @Property(tries = 3_000)
    void pipeline_generatedEcrs_fastPathAnswersAsTheGeneralDecoder(@ForAll long seed) {
        Random random = new Random(seed);
        List<byte[]> frames = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            frames.add(frame(random, i));
        }
        EcrFastPath scanner = new EcrFastPath(new EcaTemplate(EIR));
        for (byte[] frame : frames) {
            Statistics.label("fast path").collect(scanner.scan(Unpooled.wrappedBuffer(frame)));
        }

        Side fast = new Side(true);
        Side general = new Side(false);
        byte[] fastAnswers = fast.feed(frames);
        byte[] generalAnswers = general.feed(frames);

        assertThat(fastAnswers).as("answers").isEqualTo(generalAnswers);
        assertThat(fast.channel.isActive()).as("open").isEqualTo(general.channel.isActive());
        assertThat(fast.counters()).as("counters").isEqualTo(general.counters());
        fast.channel.finishAndReleaseAll();
        general.channel.finishAndReleaseAll();

        Statistics.label("fast path").coverage(checker -> {
            checker.check(true).percentage(p -> p > 30);
            checker.check(false).percentage(p -> p > 20);
        });
    }

    @Example
    void scan_commonEcr_takesTheFastPath() {
        EcrFastPath scanner = new EcrFastPath(new EcaTemplate(EIR));
        byte[] ecr = DiameterEncoder.toBytes(RawPeer.ecr(7, "35209900176148", "400011234567890").toMessage());

        assertThat(scanner.scan(Unpooled.wrappedBuffer(ecr))).isTrue();
        assertThat(scanner.isFor(EIR)).isTrue();
        assertThat(scanner.imei().toString()).isEqualTo("35209900176148");
        assertThat(scanner.imsi().toString()).isEqualTo("400011234567890");
    }

    @Example
    void scan_ecrWithProxyInfo_fallsBack() {
        EcrFastPath scanner = new EcrFastPath(new EcaTemplate(EIR));
        DiameterMessage plain = RawPeer.ecr(7, "35209900176148", null).toMessage();
        List<Avp> avps = new ArrayList<>(plain.avps());
        avps.add(Avp.grouped(AvpCode.PROXY_INFO, List.of(Avp.utf8(AvpCode.PROXY_HOST, "dra.example"),
                Avp.of(AvpCode.PROXY_STATE, new byte[] {1, 2, 3}))));

        byte[] ecr = DiameterEncoder.toBytes(DiameterMessage.of(plain.header(), avps));

        assertThat(scanner.scan(Unpooled.wrappedBuffer(ecr))).isFalse();
    }

    /** One pipeline, its own counters, after a successful capabilities exchange. */
    private static final class Side {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final EmbeddedChannel channel;

        Side(boolean fastPath) {
            S13Node node = new S13Node(EIR, new PeerTable(TestServers.settings().peers()), new DigitCheck(),
                    new DiameterMetrics(registry), new ServerLimits(Duration.ofSeconds(30), Duration.ZERO,
                            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10),
                            Duration.ofSeconds(1), 4096, 8));
            if (fastPath) {
                channel = new EmbeddedChannel(false, false);
                S13Server.initPipeline(channel.pipeline(), node);
                try {
                    channel.register();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            } else {
                DiameterFrameDecoder frames = new DiameterFrameDecoder(4096);
                channel = new EmbeddedChannel(frames, DiameterMessageDecoder.INSTANCE, DiameterEncoder.INSTANCE,
                        new S13Connection(node, frames));
            }
            channel.writeInbound(Unpooled.wrappedBuffer(DiameterEncoder.toBytes(
                    CapabilitiesExchangeRequest.create(RawPeer.capabilities(MME), 1, 1).toMessage())));
            assertThat(drain()).isNotEmpty();
        }

        /** All the frames in one read, then everything written back. */
        byte[] feed(List<byte[]> frames) {
            ByteBuf input = Unpooled.buffer();
            for (byte[] frame : frames) {
                input.writeBytes(frame);
            }
            channel.writeInbound(input);
            channel.checkException();
            return drain();
        }

        private byte[] drain() {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                ByteBuf buffer = (ByteBuf) out;
                byte[] bytes = new byte[buffer.readableBytes()];
                buffer.readBytes(bytes);
                buffer.release();
                written.writeBytes(bytes);
            }
            return written.toByteArray();
        }

        /** Every counter's name, tags and count. */
        List<String> counters() {
            List<String> counters = new ArrayList<>();
            for (Counter counter : registry.find("ceir.diameter.checks").counters()) {
                counters.add(counter.getId() + "=" + counter.count());
            }
            for (Counter counter : registry.find("ceir.diameter.errors").counters()) {
                counters.add(counter.getId() + "=" + counter.count());
            }
            for (Counter counter : registry.find("ceir.diameter.check.failures").counters()) {
                counters.add(counter.getId() + "=" + counter.count());
            }
            Collections.sort(counters);
            return counters;
        }
    }

    /** A verdict from the IMEI's last digit, so that every outcome occurs; throws for {@link #BROKEN_IMEI}. */
    private static final class DigitCheck implements EquipmentCheck {
        @Override
        public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
            if (BROKEN_IMEI.contentEquals(imei)) {
                throw new IllegalStateException("a broken engine");
            }
            int last = imei.length() == 0 ? 0 : imei.charAt(imei.length() - 1) + (imsi == null ? 0 : 1);
            Outcome outcome = Outcome.values()[last % 4];
            return Verdict.of(outcome, CheckReason.REGISTERED, 0);
        }

        @Override
        public DeviceState describe(long imei) {
            return new DeviceState(imei, false, false, false, true, false, 0, Optional.of(LocalDate.EPOCH),
                    Optional.empty());
        }
    }

    // ---- generating ECRs ------------------------------------------------------------------

    private static byte[] frame(Random random, int index) {
        List<Avp> avps = new ArrayList<>();
        avps.add(utf8(AvpCode.SESSION_ID, sessionId(random, index), random));
        if (chance(random, 97)) {
            avps.add(authSessionState(random));
        }
        if (chance(random, 97)) {
            avps.add(identity(AvpCode.ORIGIN_HOST, MME.host(), random));
        }
        if (chance(random, 97)) {
            avps.add(identity(AvpCode.ORIGIN_REALM, MME.realm(), random));
        }
        if (chance(random, 30)) {
            avps.add(identity(AvpCode.DESTINATION_HOST, chance(random, 85) ? randomCase(EIR.host(), random)
                    : "other-eir.ceir.test", random));
        }
        if (chance(random, 96)) {
            avps.add(identity(AvpCode.DESTINATION_REALM, chance(random, 92) ? randomCase(EIR.realm(), random)
                    : "elsewhere.test", random));
        }
        if (chance(random, 97)) {
            avps.add(terminalInformation(random));
        }
        if (chance(random, 60)) {
            avps.add(utf8(AvpCode.USER_NAME, "40001" + digits(random, 10), random));
        }
        if (chance(random, 10)) {
            avps.add(Avp.enumerated(AvpCode.DRMP, random.nextInt(16)));
        }
        if (chance(random, 10)) {
            avps.add(Avp.grouped(AvpCode.VENDOR_SPECIFIC_APPLICATION_ID, List.of(
                    Avp.unsigned32(AvpCode.VENDOR_ID, 10415), Avp.unsigned32(AvpCode.AUTH_APPLICATION_ID, 16777252))));
        }
        for (int i = random.nextInt(100) < 10 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
            avps.add(Avp.utf8(AvpCode.ROUTE_RECORD, "dra" + i + ".example"));
        }
        if (chance(random, 10)) {
            avps.add(Avp.grouped(AvpCode.PROXY_INFO, List.of(Avp.utf8(AvpCode.PROXY_HOST, "dra.example"),
                    Avp.of(AvpCode.PROXY_STATE, bytes(random, 1 + random.nextInt(9))))));
        }
        if (chance(random, 15)) {
            avps.add(unknown(random));
        }
        if (chance(random, 4)) {
            avps.add(avps.get(random.nextInt(avps.size()))); // a repeated AVP
        }
        if (chance(random, 10)) {
            Collections.shuffle(avps, random);
        }
        int flags = DiameterHeader.REQUEST | DiameterHeader.PROXIABLE;
        if (chance(random, 6)) {
            flags ^= new int[] {DiameterHeader.PROXIABLE, DiameterHeader.ERROR, DiameterHeader.RETRANSMITTED, 0x01}
                    [random.nextInt(4)];
        }
        ApplicationId application = chance(random, 97) ? ApplicationId.S13 : ApplicationId.valueOf(16777251);
        DiameterHeader header = new DiameterHeader(flags, CommandCode.ME_IDENTITY_CHECK, application,
                random.nextInt(), random.nextInt());
        byte[] frame = DiameterEncoder.toBytes(DiameterMessage.of(header, avps));
        if (chance(random, 8)) {
            // One octet changed past the length field, so that framing still holds.
            int at = 4 + random.nextInt(frame.length - 4);
            frame[at] = (byte) random.nextInt(256);
        }
        return frame;
    }

    private static String sessionId(Random random, int index) {
        int kind = random.nextInt(100);
        String id = MME.host() + ";" + random.nextInt(1_000_000) + ";" + index + "x".repeat(random.nextInt(4));
        // Now and then non-ASCII, or too long for the fast path.
        return kind < 3 ? id + ";é" : kind < 5 ? id + ";" + "z".repeat(2000) : id;
    }

    /** A UTF-8 AVP, now and then with an octet that is not UTF-8. */
    private static Avp utf8(AvpCode code, String value, Random random) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (chance(random, 2) && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xff;
        }
        return Avp.of(code, bytes);
    }

    /** A Diameter identity, now and then empty or with a space. */
    private static Avp identity(AvpCode code, String value, Random random) {
        int kind = random.nextInt(100);
        return Avp.utf8(code, kind < 1 ? "" : kind < 2 ? value + " x" : value);
    }

    private static Avp authSessionState(Random random) {
        int kind = random.nextInt(100);
        if (kind < 3) {
            return Avp.of(AvpCode.AUTH_SESSION_STATE, new byte[] {0, 1}); // the wrong length
        }
        return Avp.enumerated(AvpCode.AUTH_SESSION_STATE, kind < 8 ? 2 : kind < 20 ? 0 : 1);
    }

    private static Avp terminalInformation(Random random) {
        List<Avp> members = new ArrayList<>();
        if (chance(random, 96)) {
            members.add(utf8(AvpCode.IMEI, imei(random), random));
        }
        if (chance(random, 30)) {
            members.add(Avp.utf8(AvpCode.SOFTWARE_VERSION, digits(random, 2)));
        }
        if (chance(random, 5)) {
            members.add(Avp.of(AvpCode.MEID_3GPP2, bytes(random, 7)));
        }
        if (chance(random, 8)) {
            members.add(unknown(random));
        }
        if (chance(random, 3) && !members.isEmpty()) {
            members.add(members.get(0));
        }
        if (chance(random, 10)) {
            Collections.shuffle(members, random);
        }
        return Avp.grouped(AvpCode.TERMINAL_INFORMATION, members);
    }

    private static String imei(Random random) {
        int kind = random.nextInt(100);
        if (kind < 2) {
            return BROKEN_IMEI;
        }
        if (kind < 5) {
            return "35209900A7614";
        }
        return digits(random, 13 + random.nextInt(4));
    }

    /** An AVP ceir does not know: IETF or a vendor's, with or without the M-bit. */
    private static Avp unknown(Random random) {
        boolean vendor = random.nextBoolean();
        int flags = (vendor ? Avp.FLAG_VENDOR : 0) | (random.nextBoolean() ? Avp.FLAG_MANDATORY : 0);
        return Avp.raw(vendor ? 9000 + random.nextInt(10) : 900 + random.nextInt(10), flags, 10415,
                bytes(random, random.nextInt(7)));
    }

    private static String randomCase(String ascii, Random random) {
        if (chance(random, 80)) {
            return ascii;
        }
        StringBuilder mixed = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static byte[] bytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean chance(Random random, int percent) {
        return random.nextInt(100) < percent;
    }
}
