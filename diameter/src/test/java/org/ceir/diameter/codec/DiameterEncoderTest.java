package org.ceir.diameter.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.ceir.core.status.EquipmentStatus;
import org.junit.jupiter.api.Test;

/** The encoder against bytes written by hand, and every message through encode → decode and back. */
class DiameterEncoderTest {

    private static DiameterMessage roundTrip(DiameterMessage message) {
        DiameterMessage decoded = DiameterMessageDecoder.decode(Hex.buffer(DiameterEncoder.toBytes(message)));
        assertThat(decoded.failure()).isNull();
        assertThat(decoded.header()).isEqualTo(message.header());
        assertThat(decoded.avps()).isEqualTo(message.avps());
        return decoded;
    }

    @Test
    void toBytes_ecrAsAnMmeWritesIt() {
        Origin mme = new Origin("mme", "op");
        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.create("s;1", mme, "eir", Wire.IMEI, null, Wire.IMSI, 1, 2);

        assertThat(DiameterEncoder.toBytes(ecr.toMessage())).isEqualTo(Wire.ecr());
    }

    @Test
    void toBytes_ecaWithEquipmentStatus() {
        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.from(DiameterMessageDecoder.decode(Hex.buffer(Wire.ecr())));

        byte[] eca = DiameterEncoder.toBytes(
                MeIdentityCheckAnswer.status(ecr, new Origin("eir", "eir"), EquipmentStatus.BLACKLISTED).toMessage());

        assertThat(eca).isEqualTo(Hex.bytes(
                // header: version 1, length 96, flags P (an answer keeps the request's P-bit), 324, S13
                "01", "000060", "40", "000144", "01000024",
                "00000001", "00000002",                              // the request's Hop-by-Hop and End-to-End
                "00000107", "40", "00000b", Hex.ascii("s;1"), "00",  // Session-Id, copied
                "0000010c", "40", "00000c", "000007d1",              // Result-Code 2001
                "00000115", "40", "00000c", "00000001",              // Auth-Session-State NO_STATE_MAINTAINED
                "00000108", "40", "00000b", Hex.ascii("eir"), "00",  // Origin-Host
                "00000128", "40", "00000b", Hex.ascii("eir"), "00",  // Origin-Realm
                "000005a5", "c0", "000010", "000028af", "00000001")); // Equipment-Status (1445) BLACKLISTED
    }

    @Test
    void toBytes_ecaEquipmentUnknownHasExperimentalResultAndNoResultCode() {
        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.from(DiameterMessageDecoder.decode(Hex.buffer(Wire.ecr())));

        byte[] eca = DiameterEncoder.toBytes(
                MeIdentityCheckAnswer.equipmentUnknown(ecr, new Origin("eir", "eir")).toMessage());

        assertThat(eca).isEqualTo(Hex.bytes(
                "01", "000064", "40", "000144", "01000024", "00000001", "00000002",
                "00000107", "40", "00000b", Hex.ascii("s;1"), "00",  // Session-Id
                "00000129", "40", "000020",                          // Experimental-Result (297), length 32
                "0000010a", "40", "00000c", "000028af",              //   Vendor-Id 10415
                "0000012a", "40", "00000c", "0000152e",              //   Experimental-Result-Code (298) 5422
                "00000115", "40", "00000c", "00000001",              // Auth-Session-State
                "00000108", "40", "00000b", Hex.ascii("eir"), "00",  // Origin-Host
                "00000128", "40", "00000b", Hex.ascii("eir"), "00")); // Origin-Realm
    }

    @Test
    void roundTrip_ecr() {
        MeIdentityCheckRequest ecr = Fixtures.ecr(42);

        MeIdentityCheckRequest decoded = MeIdentityCheckRequest.from(roundTrip(ecr.toMessage()));

        assertThat(decoded.sessionId()).isEqualTo("mme;1;42");
        assertThat(decoded.imei()).isEqualTo(Wire.IMEI);
        assertThat(decoded.softwareVersion()).contains("01");
        assertThat(decoded.imsi()).contains(Wire.IMSI);
        assertThat(decoded.header().hopByHop()).isEqualTo(42);
        assertThat(decoded.header().endToEnd()).isEqualTo(1042);
    }

    @Test
    void roundTrip_ecaForEveryStatus() {
        MeIdentityCheckRequest ecr = Fixtures.ecr(1);
        for (EquipmentStatus status : EquipmentStatus.values()) {
            MeIdentityCheckAnswer eca = MeIdentityCheckAnswer.from(roundTrip(
                    MeIdentityCheckAnswer.status(ecr, new Origin("eir", "ceir"), status).toMessage()));

            assertThat(eca.result()).isEqualTo(ResultCode.SUCCESS);
            assertThat(eca.isExperimentalResult()).isFalse();
            assertThat(eca.equipmentStatus()).contains(status);
            assertThat(eca.sessionId()).contains("mme;1;1");
            assertThat(eca.originHost()).isEqualTo("eir");
        }
    }

    @Test
    void roundTrip_ecaEquipmentUnknown() {
        MeIdentityCheckAnswer eca = MeIdentityCheckAnswer.from(roundTrip(
                MeIdentityCheckAnswer.equipmentUnknown(Fixtures.ecr(1), new Origin("eir", "ceir")).toMessage()));

        assertThat(eca.result()).isEqualTo(ResultCode.EQUIPMENT_UNKNOWN);
        assertThat(eca.isExperimentalResult()).isTrue();
        assertThat(eca.equipmentStatus()).isEmpty();
    }

    @Test
    void roundTrip_ecaFailedCopiesFailedAvpAndProxyInfo() {
        Avp proxyInfo = Avp.grouped(AvpCode.PROXY_INFO, List.of(Avp.utf8(AvpCode.PROXY_HOST, "dra"),
                Avp.of(AvpCode.PROXY_STATE, new byte[] {1, 2, 3})));
        DiameterMessage request = DiameterMessage.of(Fixtures.ecr(5).toMessage().header(),
                List.of(Avp.utf8(AvpCode.SESSION_ID, "s;5"), proxyInfo));
        DiameterException error = DiameterException.missing(AvpCode.AUTH_SESSION_STATE, "ECR");

        MeIdentityCheckAnswer eca = MeIdentityCheckAnswer.from(roundTrip(
                MeIdentityCheckAnswer.failed(request, new Origin("eir", "ceir"), error).toMessage()));

        assertThat(eca.result()).isEqualTo(ResultCode.MISSING_AVP);
        assertThat(eca.errorMessage()).contains("ECR has no Auth-Session-State AVP");
        assertThat(eca.failedAvps()).singleElement().satisfies(avp -> {
            assertThat(avp.is(AvpCode.AUTH_SESSION_STATE)).isTrue();
            assertThat(avp.enumerated()).isZero();
        });
        assertThat(eca.proxyInfo()).containsExactly(proxyInfo);
    }

    @Test
    void roundTrip_cerAndCea() {
        Capabilities mme = Fixtures.capabilities("mme", "op");
        CapabilitiesExchangeRequest cer = CapabilitiesExchangeRequest.from(
                roundTrip(CapabilitiesExchangeRequest.create(mme, 7, 8).toMessage()));
        assertThat(cer.capabilities()).usingRecursiveComparison().isEqualTo(mme);
        assertThat(cer.capabilities().supports(ApplicationId.S13)).isTrue();

        Capabilities eir = Capabilities.s13(new Origin("eir", "ceir"), List.of(InetAddress.getLoopbackAddress()), 9,
                "ceir");
        CapabilitiesExchangeAnswer cea = CapabilitiesExchangeAnswer.from(roundTrip(CapabilitiesExchangeAnswer.to(
                cer.header(), ResultCode.UNKNOWN_PEER, eir, "not a peer", null).toMessage()));

        assertThat(cea.header().isError()).isTrue();
        assertThat(cea.resultCode()).isEqualTo(ResultCode.UNKNOWN_PEER);
        assertThat(cea.errorMessage()).contains("not a peer");
        assertThat(cea.capabilities().vendorSpecificApplicationIds()).containsExactly(VendorSpecificApplicationId.S13);
    }

    @Test
    void roundTrip_watchdogAndDisconnect() {
        Origin origin = new Origin("eir", "ceir");
        DeviceWatchdogRequest dwr = DeviceWatchdogRequest.from(
                roundTrip(DeviceWatchdogRequest.create(origin, OptionalLong.of(3), 1, 2).toMessage()));
        assertThat(dwr.originStateId()).hasValue(3);

        DeviceWatchdogAnswer dwa = DeviceWatchdogAnswer.from(roundTrip(
                DeviceWatchdogAnswer.to(dwr.header(), ResultCode.SUCCESS, origin, OptionalLong.empty()).toMessage()));
        assertThat(dwa.resultCode()).isEqualTo(ResultCode.SUCCESS);

        DisconnectPeerRequest dpr = DisconnectPeerRequest.from(roundTrip(
                DisconnectPeerRequest.create(origin, DisconnectCause.BUSY, 3, 4).toMessage()));
        assertThat(dpr.cause()).isEqualTo(DisconnectCause.BUSY);

        DisconnectPeerAnswer dpa = DisconnectPeerAnswer.from(roundTrip(
                DisconnectPeerAnswer.to(dpr.header(), ResultCode.SUCCESS, origin).toMessage()));
        assertThat(dpa.origin().host()).isEqualTo("eir");
    }

    @Test
    void roundTrip_errorAnswer() {
        DiameterMessage request = DiameterMessage.of(DiameterHeader.request(CommandCode.valueOf(999),
                ApplicationId.S13, true, 5, 6), List.of(Avp.utf8(AvpCode.SESSION_ID, "s;9")));

        ErrorAnswer answer = ErrorAnswer.from(roundTrip(ErrorAnswer.to(request, new Origin("eir", "ceir"),
                new DiameterException(ResultCode.COMMAND_UNSUPPORTED, null, "no")).toMessage()));

        assertThat(answer.header().isError()).isTrue();
        assertThat(answer.header().isProxiable()).isTrue();
        assertThat(answer.header().command().value()).isEqualTo(999);
        assertThat(answer.sessionId()).contains("s;9");
        assertThat(answer.errorMessage()).isEqualTo(Optional.of("no"));
    }

    @Test
    void encoder_inAPipelineWritesExactlyTheMessage() {
        EmbeddedChannel channel = new EmbeddedChannel(DiameterEncoder.INSTANCE);
        DiameterMessage message = Fixtures.ecr(3).toMessage();

        channel.writeOutbound(message);
        ByteBuf out = channel.readOutbound();

        byte[] written = new byte[out.readableBytes()];
        out.readBytes(written);
        out.release();
        assertThat(written).isEqualTo(DiameterEncoder.toBytes(message));
        assertThat(out.capacity()).isEqualTo(message.encodedLength());
    }
}
