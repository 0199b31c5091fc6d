package org.ceir.diameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ceir.core.check.Outcome;
import org.ceir.diameter.codec.Avp;
import org.ceir.diameter.codec.AvpCode;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark as an outside judge of the encoding: tshark captures the server's loopback traffic
 * (a capture filter on the test's ephemeral port), then decodes it as Diameter. Every ECR's IMEI
 * and every ECA's Equipment-Status, Result-Code or Experimental-Result-Code must come out as
 * sent, and tshark must raise no expert warning or error on any Diameter packet.
 *
 * <p>Needs tshark and the right to capture on {@code lo} (root, or dumpcap's capabilities): CI
 * installs it ({@code .ci/run}); elsewhere, {@code apt-get install tshark}.
 */
class TsharkTest {
    private static final String WHITE = "35209900176148";
    private static final String BLACK = "352099001761491";
    private static final String GREY = "3520990017615001";
    private static final String UNKNOWN = "35209900176151";

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void capture_ecrAndEca_decodedCleanlyByTshark() throws Exception {
        TableCheck check = new TableCheck().with(BLACK, Outcome.BLACKLISTED).with(GREY, Outcome.GREYLISTED)
                .with(UNKNOWN, Outcome.UNKNOWN);
        Path pcap = directory.resolve("s13.pcapng");
        try (S13Server server = TestServers.start(check, TestServers.registry())) {
            int port = server.start();
            Process capture = startCapture(port, pcap);
            try {
                try (S13Client client = S13Client.connect(TestServers.client(port))) {
                    assertThat(client.check(WHITE, "400011234567890").join().result()).isEqualTo(ResultCode.SUCCESS);
                    client.check(BLACK, null).join();
                    client.check(GREY, "400011234567891").join();
                    client.check(UNKNOWN, null).join();
                }
                try (RawPeer peer = RawPeer.open(port)) {
                    DiameterMessage ecr = RawPeer.ecr(77, WHITE, null).toMessage();
                    List<Avp> avps = new ArrayList<>(ecr.avps());
                    avps.removeIf(avp -> avp.is(AvpCode.AUTH_SESSION_STATE));
                    peer.send(DiameterMessage.of(ecr.header(), avps));
                    assertThat(MeIdentityCheckAnswer.from(peer.receive()).result()).isEqualTo(ResultCode.MISSING_AVP);
                    // The control: a request whose last AVP claims more octets than there are, which
                    // tshark must flag (so that an empty list of complaints means something).
                    byte[] broken = DiameterEncoder.toBytes(RawPeer.ecr(78, WHITE, "400011234567890").toMessage());
                    broken[broken.length - 17] = 0x7f; // User-Name's length: 23 -> 127
                    peer.send(broken);
                    assertThat(MeIdentityCheckAnswer.from(peer.receive()).result())
                            .isEqualTo(ResultCode.INVALID_AVP_LENGTH);
                }
                Thread.sleep(500); // let the last packets reach the capture
            } finally {
                capture.destroy(); // SIGTERM: tshark finishes the file and exits
                assertThat(capture.waitFor(20, TimeUnit.SECONDS)).as("tshark stops").isTrue();
            }

            List<String> ecrs = tshark(pcap, port, "diameter.cmd.code == 324 && diameter.flags.request == 1",
                    "diameter.IMEI");
            assertThat(ecrs).containsExactly(WHITE, BLACK, GREY, UNKNOWN, WHITE, WHITE);

            List<String> ecas = tshark(pcap, port, "diameter.cmd.code == 324 && diameter.flags.request == 0",
                    "diameter.Result-Code", "diameter.Experimental-Result-Code", "diameter.Equipment-Status");
            assertThat(ecas).containsExactly("2001||0", "2001||1", "2001||2", "|5422|", "5005||", "5014||");

            assertThat(tshark(pcap, port, "diameter.cmd.code == 257", "diameter.Result-Code"))
                    .as("CER and CEA").containsExactly("", "2001", "", "2001");
            assertThat(tshark(pcap, port, "diameter", "diameter.cmd.code")).as("every Diameter message")
                    .containsExactly("257", "257", "324", "324", "324", "324", "324", "324", "324", "324", "282",
                            "282", "257", "257", "324", "324", "324", "324");
            assertThat(tshark(pcap, port, "diameter && (_ws.expert.severity >= \"Warning\" || _ws.malformed)",
                    "diameter.flags.request", "diameter.hopbyhopid", "_ws.expert.message")).as("tshark's complaints")
                    .containsExactly("1|0x0000004e|Wrong AVP(1) length 127"); // the control request, nothing else
        }
    }

    /**
     * Starts tshark writing {@code pcap}, and returns once it is seen capturing: "Capturing on"
     * comes a moment before the capture is live, so a probe connection (TCP only, no Diameter) is
     * made until tshark reports a packet of it.
     */
    private static Process startCapture(int port, Path pcap) throws IOException, InterruptedException {
        Process capture;
        try {
            capture = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port, "-w", pcap.toString(),
                    "-P", "-l").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("this test needs tshark: apt-get install tshark (.ci/run does)", e);
        }
        CountDownLatch packetSeen = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(capture.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    packetSeen.countDown();
                }
            } catch (IOException ignored) {
                // tshark exited
            }
        }, "tshark-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!packetSeen.await(200, TimeUnit.MILLISECONDS)) {
            if (!capture.isAlive() || System.nanoTime() > deadline) {
                capture.destroyForcibly();
                throw new AssertionError("tshark did not capture on lo (exit " + (capture.isAlive() ? "none"
                        : capture.exitValue()) + "): is this user allowed to capture?");
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                probe.setSoLinger(true, 0);
            }
        }
        return capture;
    }

    /** The fields of every packet matching {@code filter}, '|'-separated, one line per Diameter message. */
    private static List<String> tshark(Path pcap, int port, String filter, String... fields)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-d",
                "tcp.port==" + port + ",diameter", "-Y", filter, "-T", "fields", "-E", "separator=|",
                "-E", "occurrence=a", "-E", "aggregator=;"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        Process decode = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(decode.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(decode.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(decode.exitValue()).as("tshark %s", command).isZero();
        List<String> lines = output.lines().collect(java.util.stream.Collectors.toList());
        return lines;
    }

}
