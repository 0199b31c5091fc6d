package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http2.Http2Error;
import org.ceir.core.check.Outcome;
import org.ceir.core.status.EquipmentStatus;
import org.junit.jupiter.api.Test;

/** Many streams, misbehaving clients and the server's limits: bounded, and still answering others. */
class N5gEirLimitsTest {
    private static final String REGISTERED = N5gEirServerTest.REGISTERED;
    private static final String STOLEN = N5gEirServerTest.STOLEN;
    private static final String PATH = "/n5g-eir-eic/v1/equipment-status?pei=imei-";

    private final FakeCheck check = new FakeCheck().with(REGISTERED, Outcome.WHITELISTED)
            .with(STOLEN, Outcome.BLACKLISTED);

    private static SbiSettings limits(int maxConnections, int maxStreams, int idleSeconds) {
        return new SbiSettings("127.0.0.1", 0, 2, maxConnections, maxStreams, 8192, 2048, idleSeconds, Map.of());
    }

    @Test
    void manyStreams_shareOneConnection() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (N5gEirServer server = new N5gEirServer(limits(16, 100, 0), check, meters);
             N5gEirClient client = new N5gEirClient("127.0.0.1", server.start())) {
            Semaphore inFlight = new Semaphore(100); // the server's SETTINGS_MAX_CONCURRENT_STREAMS
            List<CompletableFuture<N5gEirAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                inFlight.acquire();
                CompletableFuture<N5gEirAnswer> answer = client.statusAsync("imei-" + (i % 2 == 0 ? REGISTERED : STOLEN),
                        null, null);
                answer.whenComplete((a, e) -> inFlight.release());
                answers.add(answer);
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS).status())
                        .contains(i % 2 == 0 ? EquipmentStatus.WHITELISTED : EquipmentStatus.BLACKLISTED);
            }
            assertThat(meters.get("ceir.sbi.connections.active").gauge().value()).isEqualTo(1);
            assertThat(meters.get("ceir.sbi.responses").tag("result", "WHITELISTED").counter().count())
                    .isEqualTo(1_500);
        }
    }

    @Test
    void streams_beyondTheLimitAreRefusedAndTheConnectionGoesOn() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (N5gEirServer server = new N5gEirServer(limits(16, 5, 0), check, meters);
             RawH2Client raw = new RawH2Client(server.start())) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            burst.writeBytes(raw.preface());
            for (int stream = 1; stream <= 79; stream += 2) { // 40 requests in one write, never acknowledging SETTINGS
                burst.writeBytes(raw.request(stream, "GET", PATH + REGISTERED, true));
            }
            raw.send(burst.toByteArray());
            assertThat(raw.readUntil(() -> raw.ended.size() + raw.resets.size() >= 40)).isTrue();
            assertThat(raw.resets).isNotEmpty().allSatisfy((stream, code) ->
                    assertThat(code).isEqualTo(Http2Error.REFUSED_STREAM.code()));
            assertThat(raw.ended).allSatisfy(stream -> assertThat(raw.statuses).containsEntry(stream, 200));
            assertThat(raw.ended.size()).isGreaterThanOrEqualTo(5);

            raw.send(raw.request(81, "GET", PATH + STOLEN, true));
            assertThat(raw.readUntil(() -> raw.ended.contains(81))).isTrue();
            assertThat(raw.statuses).containsEntry(81, 200);
            assertThat(meters.get("ceir.sbi.protocol.errors").tag("level", "stream").counter().count())
                    .isEqualTo(raw.resets.size());
        }
    }

    @Test
    void clientThatNeverReads_isStoppedAndOthersAreStillAnswered() throws Exception {
        try (N5gEirServer server = new N5gEirServer(limits(16, 256, 0), check, new SimpleMeterRegistry())) {
            int port = server.start();
            RawH2Client frames = new RawH2Client(port); // only its encoder is used; its socket stays idle
            long accepted = 0;
            boolean stalled = false;
            try (SocketChannel greedy = SocketChannel.open()) {
                greedy.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
                greedy.connect(new InetSocketAddress("127.0.0.1", port));
                greedy.configureBlocking(false);
                ByteBuffer pending = ByteBuffer.wrap(frames.preface());
                int stream = 1;
                long idleSince = System.nanoTime();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && accepted < 256L << 20) {
                    if (!pending.hasRemaining()) {
                        ByteArrayOutputStream batch = new ByteArrayOutputStream();
                        for (int i = 0; i < 200; i++, stream += 2) {
                            batch.writeBytes(frames.request(stream, "GET", PATH + REGISTERED, true));
                        }
                        pending = ByteBuffer.wrap(batch.toByteArray());
                    }
                    int written;
                    try {
                        written = greedy.write(pending);
                    } catch (IOException closedByServer) {
                        stalled = true;
                        break;
                    }
                    accepted += written;
                    if (written > 0) {
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince > TimeUnit.SECONDS.toNanos(2)) {
                        stalled = true; // the server stopped reading from it
                        break;
                    } else {
                        Thread.sleep(5);
                    }
                }
                assertThat(stalled).as("the server stopped taking requests from a client that never reads").isTrue();
                assertThat(accepted).as("bytes of requests the server took before stopping").isLessThan(64L << 20);

                try (N5gEirClient other = new N5gEirClient("127.0.0.1", port)) {
                    assertThat(other.status("imei-" + STOLEN, null, null).status()).contains(EquipmentStatus.BLACKLISTED);
                }
            } finally {
                frames.close();
            }
        }
    }

    @Test
    void connections_beyondTheLimitAreClosedAndCounted() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (N5gEirServer server = new N5gEirServer(limits(2, 16, 0), check, meters)) {
            int port = server.start();
            N5gEirClient first = new N5gEirClient("127.0.0.1", port);
            try (N5gEirClient second = new N5gEirClient("127.0.0.1", port)) {
                assertThat(first.status("imei-" + REGISTERED, null, null).httpStatus()).isEqualTo(200);
                assertThat(second.status("imei-" + REGISTERED, null, null).httpStatus()).isEqualTo(200);
                try (N5gEirClient third = new N5gEirClient("127.0.0.1", port)) {
                    assertThatThrownBy(() -> third.status("imei-" + REGISTERED, null, null))
                            .isInstanceOf(UncheckedIOException.class);
                }
                assertThat(meters.get("ceir.sbi.connections.refused").counter().count()).isEqualTo(1);

                first.close();
                assertThat(eventually(() -> meters.get("ceir.sbi.connections.active").gauge().value() == 1)).isTrue();
                try (N5gEirClient fourth = new N5gEirClient("127.0.0.1", port)) {
                    assertThat(fourth.status("imei-" + STOLEN, null, null).httpStatus()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void idleConnections_areClosed() throws Exception {
        try (N5gEirServer server = new N5gEirServer(limits(16, 16, 1), check, new SimpleMeterRegistry());
             RawH2Client raw = new RawH2Client(server.start())) {
            raw.send(raw.preface());
            raw.send(raw.request(1, "GET", PATH + REGISTERED, true));
            assertThat(raw.readUntil(() -> raw.ended.contains(1))).isTrue();
            assertThat(raw.readUntil(() -> raw.goAway)).as("GOAWAY after sbi.idle-timeout-seconds").isTrue();
        }
    }

    @Test
    void http1Client_isClosedWithoutAnAnswerOfItsOwn() throws Exception {
        try (N5gEirServer server = new N5gEirServer(limits(16, 16, 0), check, new SimpleMeterRegistry())) {
            int port = server.start();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(200);
                socket.getOutputStream().write(("GET " + PATH + REGISTERED + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(readToEnd(socket.getInputStream())).doesNotContain("HTTP/1.1 200")
                        .doesNotContain("Exception");
            }
            try (N5gEirClient client = new N5gEirClient("127.0.0.1", port)) {
                assertThat(client.status("imei-" + REGISTERED, null, null).httpStatus()).isEqualTo(200);
            }
        }
    }

    @Test
    void oversizedHeaders_get431AndTheConnectionGoesOn() throws Exception {
        try (N5gEirServer server = new N5gEirServer(limits(16, 16, 0), check, new SimpleMeterRegistry());
             RawH2Client raw = new RawH2Client(server.start())) {
            // Past sbi.max-header-list-size Netty answers 431 with headers only, before the request
            // reaches the handler: the one answer without a ProblemDetails body. (A raw client,
            // because Netty's own would refuse to send such headers once it knows the limit.)
            raw.send(raw.preface());
            raw.send(raw.request(1, "GET", PATH + REGISTERED + "&x=" + "y".repeat(9_000), true));
            assertThat(raw.readUntil(() -> raw.statuses.containsKey(1))).isTrue();
            assertThat(raw.statuses).containsEntry(1, 431);
            raw.send(raw.request(3, "GET", PATH + REGISTERED, true));
            assertThat(raw.readUntil(() -> raw.ended.contains(3))).isTrue();
            assertThat(raw.statuses).containsEntry(3, 200);
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return out.toString(StandardCharsets.ISO_8859_1);
                }
                out.write(buffer, 0, read);
            } catch (SocketTimeoutException e) {
                // keep waiting for the server to close
            }
        }
        throw new AssertionError("the server did not close an HTTP/1.1 connection within 10 s");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
