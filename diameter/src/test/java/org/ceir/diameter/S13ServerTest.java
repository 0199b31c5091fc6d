package org.ceir.diameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.check.Outcome;
import org.ceir.core.status.EquipmentStatus;
import org.ceir.diameter.codec.ApplicationId;
import org.ceir.diameter.codec.Avp;
import org.ceir.diameter.codec.AvpCode;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.CapabilitiesExchangeAnswer;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.CommandCode;
import org.ceir.diameter.codec.DeviceWatchdogAnswer;
import org.ceir.diameter.codec.DeviceWatchdogRequest;
import org.ceir.diameter.codec.DiameterHeader;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DisconnectCause;
import org.ceir.diameter.codec.DisconnectPeerAnswer;
import org.ceir.diameter.codec.DisconnectPeerRequest;
import org.ceir.diameter.codec.ErrorAnswer;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.Origin;
import org.ceir.diameter.codec.ResultCode;
import org.ceir.diameter.codec.VendorId;
import org.ceir.diameter.codec.VendorSpecificApplicationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The S13 server over real TCP on loopback: the base protocol, ECR → ECA, and every refusal. */
class S13ServerTest {
    private static final String WHITE = "35209900176148";
    private static final String BLACK = "35209900176149";
    private static final String GREY = "35209900176150";
    private static final String UNKNOWN = "35209900176151";

    private final SimpleMeterRegistry registry = TestServers.registry();
    private final TableCheck check = new TableCheck()
            .with(BLACK, Outcome.BLACKLISTED).with(GREY, Outcome.GREYLISTED).with(UNKNOWN, Outcome.UNKNOWN);
    private S13Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start() {
        server = TestServers.start(check, registry);
        return server.start();
    }

    private int start(ServerLimits limits) {
        server = TestServers.start(check, registry, limits);
        return server.start();
    }

    private double disconnects(String reason) {
        return TestServers.count(registry, "ceir.diameter.disconnects", "reason", reason);
    }

    @Test
    void check_eachOutcome_equipmentStatusOrExperimentalResult() {
        try (S13Client client = S13Client.connect(TestServers.client(start()))) {
            assertThat(client.capabilities().capabilities().supports(ApplicationId.S13)).isTrue();

            assertThat(client.check(WHITE, null).join().equipmentStatus()).contains(EquipmentStatus.WHITELISTED);
            assertThat(client.check(BLACK, null).join().equipmentStatus()).contains(EquipmentStatus.BLACKLISTED);
            assertThat(client.check(GREY, null).join().equipmentStatus()).contains(EquipmentStatus.GREYLISTED);
            MeIdentityCheckAnswer unknown = client.check(UNKNOWN, null).join();
            assertThat(unknown.result()).isEqualTo(ResultCode.EQUIPMENT_UNKNOWN);
            assertThat(unknown.isExperimentalResult()).isTrue();
            assertThat(unknown.equipmentStatus()).isEmpty();
        }
        assertThat(TestServers.count(registry, "ceir.diameter.checks", "outcome", "blacklisted")).isEqualTo(1);
        assertThat(TestServers.count(registry, "ceir.diameter.checks", "outcome", "unknown")).isEqualTo(1);
    }

    @Test
    void check_withImsi_reachesTheEngineWithThePeersOperator() {
        try (S13Client client = S13Client.connect(TestServers.client(start()))) {
            MeIdentityCheckAnswer answer = client.check(WHITE + "0", "01", "400011234567890").join();

            assertThat(answer.result()).isEqualTo(ResultCode.SUCCESS);
            assertThat(answer.originHost()).isEqualTo(TestServers.HOST);
        }
        assertThat(check.lastImsi()).isEqualTo("400011234567890");
        assertThat(check.lastOperator()).isEqualTo("azercell");
    }

    @Test
    void check_peerMatchedByRealm_countsUnderThatOperator() {
        int port = start();
        S13ClientSettings settings = S13ClientSettings.of("127.0.0.1", port, "any-mme.example",
                "EPC.MNC002.MCC400.3GPPNETWORK.ORG", TestServers.REALM);
        try (S13Client client = S13Client.connect(settings)) {
            client.check(WHITE, null).join();
        }
        assertThat(check.lastOperator()).isEqualTo("bakcell");
    }

    @Test
    void check_tenThousandInFlight_everyAnswerMatchesItsRequest() {
        try (S13Client client = S13Client.connect(TestServers.client(start()))) {
            List<CompletableFuture<MeIdentityCheckAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                answers.add(client.check(i % 2 == 0 ? WHITE : BLACK, null));
            }
            Set<String> sessions = new HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                MeIdentityCheckAnswer answer = answers.get(i).join();
                assertThat(answer.equipmentStatus())
                        .contains(i % 2 == 0 ? EquipmentStatus.WHITELISTED : EquipmentStatus.BLACKLISTED);
                sessions.add(answer.sessionId().orElseThrow());
            }
            assertThat(sessions).hasSize(10_000);
        }
        assertThat(check.checks()).isEqualTo(10_000);
    }

    @Test
    void connect_unknownPeer_refusedWithUnknownPeerAndClosed() {
        int port = start();
        S13ClientSettings stranger = S13ClientSettings.of("127.0.0.1", port, "mme.elsewhere", "elsewhere",
                TestServers.REALM);

        assertThatThrownBy(() -> S13Client.connect(stranger))
                .isInstanceOfSatisfying(S13ClientException.class,
                        e -> assertThat(e.resultCode()).isEqualTo(ResultCode.UNKNOWN_PEER))
                .hasMessageContaining("Origin-Host mme.elsewhere of realm elsewhere is not a configured peer");
        assertThat(disconnects("unknown_peer")).isEqualTo(1);
    }

    @Test
    void cer_withoutS13_noCommonApplicationAndClosed() throws IOException {
        try (RawPeer peer = new RawPeer(start())) {
            Capabilities s6aOnly = new Capabilities(RawPeer.MME, List.of(InetAddress.getLoopbackAddress()),
                    VendorId.NONE, "mme", OptionalLong.empty(), List.of(VendorId.TGPP), List.of(), List.of(),
                    List.of(), List.of(VendorSpecificApplicationId.auth(VendorId.TGPP, ApplicationId.valueOf(16777251))),
                    OptionalLong.empty());
            peer.send(CapabilitiesExchangeRequest.create(s6aOnly, 5, 6).toMessage());

            CapabilitiesExchangeAnswer cea = CapabilitiesExchangeAnswer.from(peer.receive());

            assertThat(cea.resultCode()).isEqualTo(ResultCode.NO_COMMON_APPLICATION);
            assertThat(cea.header().isError()).isFalse();
            assertThat(cea.header().hopByHop()).isEqualTo(5);
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(disconnects("no_common_application")).isEqualTo(1);
    }

    @Test
    void cer_relayApplication_accepted() throws IOException {
        try (RawPeer peer = new RawPeer(start())) {
            Capabilities dra = new Capabilities(RawPeer.MME, List.of(InetAddress.getLoopbackAddress()),
                    VendorId.NONE, "dra", OptionalLong.empty(), List.of(), List.of(ApplicationId.RELAY), List.of(),
                    List.of(), List.of(), OptionalLong.empty());
            peer.send(CapabilitiesExchangeRequest.create(dra, 5, 6).toMessage());

            assertThat(CapabilitiesExchangeAnswer.from(peer.receive()).resultCode()).isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void cer_demandingTls_noCommonSecurity() throws IOException {
        try (RawPeer peer = new RawPeer(start())) {
            Capabilities tls = RawPeer.capabilities(RawPeer.MME);
            tls = new Capabilities(tls.origin(), tls.hostIpAddresses(), tls.vendorId(), tls.productName(),
                    tls.originStateId(), tls.supportedVendorIds(), tls.authApplicationIds(), List.of(1L),
                    tls.acctApplicationIds(), tls.vendorSpecificApplicationIds(), tls.firmwareRevision());
            peer.send(CapabilitiesExchangeRequest.create(tls, 5, 6).toMessage());

            assertThat(CapabilitiesExchangeAnswer.from(peer.receive()).resultCode())
                    .isEqualTo(ResultCode.NO_COMMON_SECURITY);
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void cer_missingHostIpAddress_missingAvpWithExample() throws IOException {
        try (RawPeer peer = new RawPeer(start())) {
            DiameterMessage cer = CapabilitiesExchangeRequest.create(RawPeer.capabilities(RawPeer.MME), 5, 6)
                    .toMessage();
            List<Avp> avps = new ArrayList<>(cer.avps());
            avps.removeIf(avp -> avp.is(AvpCode.HOST_IP_ADDRESS));
            peer.send(DiameterMessage.of(cer.header(), avps));

            CapabilitiesExchangeAnswer cea = CapabilitiesExchangeAnswer.from(peer.receive());

            assertThat(cea.resultCode()).isEqualTo(ResultCode.MISSING_AVP);
            assertThat(cea.failedAvps()).singleElement()
                    .satisfies(avp -> assertThat(avp.is(AvpCode.HOST_IP_ADDRESS)).isTrue());
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(TestServers.count(registry, "ceir.diameter.errors", "result", "DIAMETER_MISSING_AVP")).isEqualTo(1);
    }

    @Test
    void ecr_beforeCer_unknownPeerWithEBitAndClosed() throws IOException {
        try (RawPeer peer = new RawPeer(start())) {
            peer.send(RawPeer.ecr(9, WHITE, null).toMessage());

            ErrorAnswer answer = ErrorAnswer.from(peer.receive());

            assertThat(answer.header().isError()).isTrue();
            assertThat(answer.resultCode()).isEqualTo(ResultCode.UNKNOWN_PEER);
            assertThat(answer.sessionId()).contains(RawPeer.MME.host() + ";1;9");
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(check.checks()).isZero();
        assertThat(disconnects("not_open")).isEqualTo(1);
    }

    @Test
    void ecr_missingTerminalInformation_missingAvpWithFailedAvp() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            DiameterMessage ecr = RawPeer.ecr(9, WHITE, null).toMessage();
            List<Avp> avps = new ArrayList<>(ecr.avps());
            avps.removeIf(avp -> avp.is(AvpCode.TERMINAL_INFORMATION));
            peer.send(DiameterMessage.of(ecr.header(), avps));

            MeIdentityCheckAnswer eca = MeIdentityCheckAnswer.from(peer.receive());

            assertThat(eca.result()).isEqualTo(ResultCode.MISSING_AVP);
            assertThat(eca.header().isError()).isFalse();
            assertThat(eca.sessionId()).contains(RawPeer.MME.host() + ";1;9");
            assertThat(eca.failedAvps()).singleElement()
                    .satisfies(avp -> assertThat(avp.is(AvpCode.TERMINAL_INFORMATION)).isTrue());
            assertThat(eca.errorMessage()).contains("ECR has no Terminal-Information AVP");
            peer.send(RawPeer.ecr(10, WHITE, null).toMessage());
            assertThat(MeIdentityCheckAnswer.from(peer.receive()).result())
                    .as("the connection survives a bad request").isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void ecr_proxyInfo_copiedIntoTheAnswerInOrder() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            Avp first = Avp.grouped(AvpCode.PROXY_INFO, List.of(Avp.utf8(AvpCode.PROXY_HOST, "dra1"),
                    Avp.of(AvpCode.PROXY_STATE, new byte[] {1})));
            Avp second = Avp.grouped(AvpCode.PROXY_INFO, List.of(Avp.utf8(AvpCode.PROXY_HOST, "dra2"),
                    Avp.of(AvpCode.PROXY_STATE, new byte[] {2, 2})));
            DiameterMessage ecr = RawPeer.ecr(9, BLACK, null).toMessage();
            List<Avp> avps = new ArrayList<>(ecr.avps());
            avps.add(first);
            avps.add(second);
            peer.send(DiameterMessage.of(ecr.header(), avps));

            MeIdentityCheckAnswer eca = MeIdentityCheckAnswer.from(peer.receive());

            assertThat(eca.equipmentStatus()).contains(EquipmentStatus.BLACKLISTED);
            assertThat(eca.proxyInfo()).containsExactly(first, second);
            assertThat(eca.header().hopByHop()).isEqualTo(9);
            assertThat(eca.header().endToEnd()).isEqualTo(9);
        }
    }

    @Test
    void ecr_anotherRealm_realmNotServed() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            peer.send(org.ceir.diameter.codec.MeIdentityCheckRequest.create("s;1", RawPeer.MME, "other.realm",
                    WHITE, null, null, 3, 3).toMessage());

            ErrorAnswer answer = ErrorAnswer.from(peer.receive());

            assertThat(answer.header().isError()).isTrue();
            assertThat(answer.resultCode()).isEqualTo(ResultCode.REALM_NOT_SERVED);
        }
    }

    @Test
    void unknownCommand_commandUnsupportedWithEBit() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            peer.send(DiameterMessage.of(DiameterHeader.request(CommandCode.valueOf(316), ApplicationId.valueOf(16777251),
                    true, 4, 4), List.of(Avp.utf8(AvpCode.SESSION_ID, "s;4"))));

            ErrorAnswer answer = ErrorAnswer.from(peer.receive());

            assertThat(answer.header().isError()).isTrue();
            assertThat(answer.header().command().value()).isEqualTo(316);
            assertThat(answer.resultCode()).isEqualTo(ResultCode.COMMAND_UNSUPPORTED);
            assertThat(answer.sessionId()).contains("s;4");
        }
    }

    @Test
    void dwr_answeredWithDwa() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            peer.send(DeviceWatchdogRequest.create(RawPeer.MME, OptionalLong.of(1), 7, 7).toMessage());

            DeviceWatchdogAnswer dwa = DeviceWatchdogAnswer.from(peer.receive());

            assertThat(dwa.resultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThat(dwa.header().hopByHop()).isEqualTo(7);
            assertThat(dwa.origin().host()).isEqualTo(TestServers.HOST);
        }
    }

    @Test
    void dpr_answeredWithDpaThenClosed() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            peer.send(DisconnectPeerRequest.create(RawPeer.MME, DisconnectCause.REBOOTING, 8, 8).toMessage());

            assertThat(DisconnectPeerAnswer.from(peer.receive()).resultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(disconnects("peer_disconnected")).isEqualTo(1);
    }

    @Test
    void dpr_undefinedCause_invalidAvpValueThenClosed() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            peer.send(DiameterMessage.of(DiameterHeader.request(CommandCode.DISCONNECT_PEER, ApplicationId.COMMON,
                    false, 8, 8), List.of(RawPeer.MME.hostAvp(), RawPeer.MME.realmAvp(),
                    Avp.enumerated(AvpCode.DISCONNECT_CAUSE, 9))));

            DisconnectPeerAnswer dpa = DisconnectPeerAnswer.from(peer.receive());

            assertThat(dpa.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
            assertThat(dpa.failedAvps()).singleElement().satisfies(avp -> assertThat(avp.enumerated()).isEqualTo(9));
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void engineThrows_unableToComplyAndCounted() {
        check.failWith(new IllegalStateException("snapshot not loaded"));
        try (S13Client client = S13Client.connect(TestServers.client(start()))) {
            MeIdentityCheckAnswer answer = client.check(WHITE, null).join();

            assertThat(answer.result()).isEqualTo(ResultCode.UNABLE_TO_COMPLY);
            assertThat(answer.equipmentStatus()).isEmpty();
        }
        assertThat(registry.find("ceir.diameter.check.failures").counter().count()).isEqualTo(1);
    }

    @Test
    void oversizedMessage_invalidMessageLengthThenClosed() throws IOException {
        try (RawPeer peer = RawPeer.open(start())) {
            byte[] header = org.ceir.diameter.codec.DiameterEncoder.toBytes(RawPeer.ecr(5, WHITE, null).toMessage());
            header[1] = 0x01; // length 65,536 + …: over the 4,096 limit
            peer.send(header);

            ErrorAnswer answer = ErrorAnswer.from(peer.receive());

            assertThat(answer.resultCode()).isEqualTo(ResultCode.INVALID_MESSAGE_LENGTH);
            assertThat(answer.header().hopByHop()).isEqualTo(5);
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(disconnects("framing")).isEqualTo(1);
    }

    @Test
    void watchdog_silentPeer_getsDwrThenIsClosed() throws IOException {
        try (RawPeer peer = RawPeer.open(start(TestServers.fastLimits(Duration.ofMillis(200))))) {
            DiameterMessage dwr = peer.receive();

            assertThat(dwr.header().isRequest()).isTrue();
            assertThat(DeviceWatchdogRequest.from(dwr).origin().host()).isEqualTo(TestServers.HOST);
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(disconnects("watchdog_timeout")).isEqualTo(1);
    }

    @Test
    void watchdog_answeredDwr_keepsTheConnection() throws IOException {
        try (RawPeer peer = RawPeer.open(start(TestServers.fastLimits(Duration.ofMillis(200))))) {
            for (int i = 0; i < 3; i++) {
                DiameterMessage dwr = peer.receive();
                peer.send(DeviceWatchdogAnswer.to(dwr.header(), ResultCode.SUCCESS, RawPeer.MME, OptionalLong.empty())
                        .toMessage());
            }
            peer.send(RawPeer.ecr(3, WHITE, null).toMessage());
            DiameterMessage answer = peer.receive();
            while (answer.header().command() == CommandCode.DEVICE_WATCHDOG) {
                answer = peer.receive();
            }
            assertThat(MeIdentityCheckAnswer.from(answer).result()).isEqualTo(ResultCode.SUCCESS);
        }
        assertThat(disconnects("watchdog_timeout")).isZero();
    }

    @Test
    void client_answersTheServersWatchdog() throws InterruptedException {
        try (S13Client client = S13Client.connect(TestServers.client(start(TestServers.fastLimits(Duration.ofMillis(100)))))) {
            Thread.sleep(1000);

            assertThat(client.isOpen()).isTrue();
            assertThat(client.check(WHITE, null).join().result()).isEqualTo(ResultCode.SUCCESS);
        }
        assertThat(disconnects("watchdog_timeout")).isZero();
    }

    @Test
    void cerTimeout_connectionThatSaysNothing_closed() throws IOException {
        try (RawPeer peer = new RawPeer(start(TestServers.fastLimits(Duration.ofSeconds(30))))) {
            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(disconnects("cer_timeout")).isEqualTo(1);
    }

    @Test
    void messageTimeout_halfAMessage_closed() throws IOException {
        try (RawPeer peer = RawPeer.open(start(TestServers.fastLimits(Duration.ofSeconds(30))))) {
            byte[] ecr = org.ceir.diameter.codec.DiameterEncoder.toBytes(RawPeer.ecr(5, WHITE, null).toMessage());
            peer.send(java.util.Arrays.copyOf(ecr, ecr.length / 2));

            assertThat(peer.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(disconnects("message_timeout")).isEqualTo(1);
    }

    @Test
    void connectionLimit_extraConnectionsClosed() throws IOException {
        int port = start();
        List<RawPeer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                peers.add(RawPeer.open(port));
            }
            try (RawPeer ninth = new RawPeer(port)) {
                assertThat(ninth.closedWithin(Duration.ofSeconds(5))).isTrue();
            }
            peers.get(0).send(RawPeer.ecr(1, WHITE, null).toMessage());
            assertThat(MeIdentityCheckAnswer.from(peers.get(0).receive()).result()).isEqualTo(ResultCode.SUCCESS);
        } finally {
            for (RawPeer peer : peers) {
                peer.close();
            }
        }
        assertThat(disconnects("connection_limit")).isEqualTo(1);
        assertThat(registry.find("ceir.diameter.connections").gauge().value()).isBetween(0.0, 8.0);
    }

    @Test
    void close_sendsDprToOpenPeersAndTheyLeave() throws InterruptedException {
        S13Client client = S13Client.connect(TestServers.client(start()));
        try {
            server.close();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (client.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(client.isOpen()).isFalse();
        } finally {
            client.close();
        }
        assertThat(disconnects("server_shutdown")).isEqualTo(1);
    }

    @Test
    void start_portInUse_saysWhichSettingToChange() {
        int port = start();
        S13Server second = new S13Server(TestServers.settings().withPort(port), check, registry);

        assertThatThrownBy(second::start).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
                .hasMessageContaining("diameter.port");
    }

    @Test
    void origin_isTheSettingsIdentity() throws IOException {
        try (RawPeer peer = new RawPeer(start())) {
            peer.send(CapabilitiesExchangeRequest.create(RawPeer.capabilities(RawPeer.MME), 1, 1).toMessage());
            Origin origin = CapabilitiesExchangeAnswer.from(peer.receive()).capabilities().origin();

            assertThat(origin.host()).isEqualTo(TestServers.HOST);
            assertThat(origin.realm()).isEqualTo(TestServers.REALM);
        }
    }
}
