package org.ceir.diameter.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The decoder against bytes written by hand (Wire#ecr, annotated field by field), and against the
 * same bytes with one field corrupted, each with the exact error RFC 6733 prescribes.
 */
class DiameterMessageDecoderTest {

    private static DiameterMessage decode(byte[] bytes) {
        return DiameterMessageDecoder.decode(Hex.buffer(bytes));
    }

    private static DiameterException ecrError(byte[] bytes) {
        DiameterMessage message = decode(bytes);
        if (message.failure() != null) {
            return message.failure();
        }
        try {
            MeIdentityCheckRequest.from(message);
        } catch (DiameterException e) {
            return e;
        }
        throw new AssertionError("no error for " + message);
    }

    @Test
    void decode_ecrFromTheWire() {
        DiameterMessage message = decode(Wire.ecr());

        assertThat(message.failure()).isNull();
        assertThat(message.header().command()).isEqualTo(CommandCode.ME_IDENTITY_CHECK);
        assertThat(message.header().application()).isEqualTo(ApplicationId.S13);
        assertThat(message.header().isRequest()).isTrue();
        assertThat(message.header().isProxiable()).isTrue();
        assertThat(message.header().hopByHop()).isEqualTo(1);
        assertThat(message.header().endToEnd()).isEqualTo(2);
        assertThat(message.avps()).hasSize(7);
        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.from(message);
        assertThat(ecr.sessionId()).isEqualTo("s;1");
        assertThat(ecr.authSessionState()).isEqualTo(AuthSessionState.NO_STATE_MAINTAINED);
        assertThat(ecr.originHost()).isEqualTo("mme");
        assertThat(ecr.originRealm()).isEqualTo("op");
        assertThat(ecr.destinationRealm()).isEqualTo("eir");
        assertThat(ecr.destinationHost()).isEmpty();
        assertThat(ecr.imei()).isEqualTo(Wire.IMEI);
        assertThat(ecr.softwareVersion()).isEmpty();
        assertThat(ecr.imsi()).contains(Wire.IMSI);
        assertThat(new AsciiView().wrap(ecr.imeiAvp()).toString()).isEqualTo(Wire.IMEI);
    }

    @Test
    void decode_versionTwo_unsupportedVersion() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.VERSION] = 2;

        DiameterMessage message = decode(bytes);

        assertThat(message.failure()).isInstanceOf(DiameterFramingException.class);
        assertThat(message.failure().resultCode()).isEqualTo(ResultCode.UNSUPPORTED_VERSION);
        assertThat(message.header().hopByHop()).isEqualTo(1);
    }

    @Test
    void decode_lengthNotAMultipleOfFour_invalidMessageLength() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.LENGTH + 2] = (byte) 0x8f;

        DiameterMessage message = decode(bytes);

        assertThat(message.failure().resultCode()).isEqualTo(ResultCode.INVALID_MESSAGE_LENGTH);
        assertThat(message.failure().getMessage()).contains("143 is not a multiple of 4");
    }

    @Test
    void decode_avpLongerThanTheMessage_invalidAvpLengthWithWhatIsThere() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.USER_NAME_FLAGS + 3] = (byte) 0xff; // User-Name's length: 23 -> 255

        DiameterException error = decode(bytes).failure();

        assertThat(error.resultCode()).isEqualTo(ResultCode.INVALID_AVP_LENGTH);
        assertThat(error.failedAvp().code()).isEqualTo(AvpCode.USER_NAME.code());
        assertThat(error.failedAvp().utf8()).as("the octets that are there").isEqualTo(Wire.IMSI + "\0");
        assertThat(error.getMessage()).isEqualTo("User-Name has length 255 but only 24 octets remain");
    }

    @Test
    void decode_avpShorterThanItsHeader_invalidAvpLength() {
        byte[] bytes = Wire.ecr();
        bytes[32 + 7] = 0x04; // Auth-Session-State's length: 12 -> 4

        DiameterException error = decode(bytes).failure();

        assertThat(error.resultCode()).isEqualTo(ResultCode.INVALID_AVP_LENGTH);
        assertThat(error.failedAvp().code()).isEqualTo(AvpCode.AUTH_SESSION_STATE.code());
        assertThat(error.failedAvp().dataLength()).isEqualTo(4); // zero-filled, Enumerated's length
        assertThat(error.getMessage()).contains("its header alone takes 8");
    }

    @Test
    void from_undefinedAuthSessionState_invalidAvpValueWithTheAvp() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.AUTH_SESSION_STATE_VALUE] = 7;

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
        assertThat(error.failedAvp().is(AvpCode.AUTH_SESSION_STATE)).isTrue();
        assertThat(error.failedAvp().enumerated()).isEqualTo(7);
    }

    @Test
    void from_imeiRenamed_missingAvpInsideTerminalInformation() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.IMEI_CODE + 3] = 0x7c; // IMEI (1402) -> 1404, an AVP ceir does not know

        DiameterException error = ecrError(bytes);

        // The M-bit is set on the renamed AVP, so it is the first complaint…
        assertThat(error.resultCode()).isEqualTo(ResultCode.AVP_UNSUPPORTED);
        assertThat(error.failedAvp().is(AvpCode.TERMINAL_INFORMATION)).isTrue();
        assertThat(error.failedAvp().grouped()).singleElement().satisfies(avp -> assertThat(avp.code()).isEqualTo(1404));
    }

    @Test
    void from_imeiRenamedWithoutMBit_missingImeiExampleInFailedAvp() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.IMEI_CODE + 3] = 0x7c;
        bytes[Wire.IMEI_CODE + 4] = (byte) 0x80; // V only

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.MISSING_AVP);
        assertThat(error.getMessage()).isEqualTo("Terminal-Information: Terminal-Information has no IMEI AVP");
        Avp failed = error.failedAvp();
        assertThat(failed.is(AvpCode.TERMINAL_INFORMATION)).isTrue();
        List<Avp> members = failed.grouped();
        assertThat(members).singleElement().satisfies(avp -> {
            assertThat(avp.is(AvpCode.IMEI)).isTrue();
            assertThat(avp.dataLength()).isZero();
        });
    }

    @Test
    void from_eBitInRequest_invalidHeaderBits() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.FLAGS] = (byte) 0xe0;

        assertThat(ecrError(bytes).resultCode()).isEqualTo(ResultCode.INVALID_HDR_BITS);
    }

    @Test
    void from_pBitClear_invalidHeaderBits() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.FLAGS] = (byte) 0x80;

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.INVALID_HDR_BITS);
        assertThat(error.getMessage()).isEqualTo("ECR must have the P-bit set");
    }

    @Test
    void from_anotherApplication_applicationUnsupported() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.APPLICATION + 3] = 0x23; // 16777251, S6a

        assertThat(ecrError(bytes).resultCode()).isEqualTo(ResultCode.APPLICATION_UNSUPPORTED);
    }

    @Test
    void from_sessionIdNotUtf8_invalidAvpValue() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.SESSION_ID_DATA] = (byte) 0xff;

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
        assertThat(error.failedAvp().is(AvpCode.SESSION_ID)).isTrue();
        assertThat(error.getMessage()).isEqualTo("Session-Id: not valid UTF-8");
    }

    @Test
    void from_originRealmRenamedOriginHost_occursTooManyTimes() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.ORIGIN_REALM_CODE + 3] = 0x08; // Origin-Realm (296) -> Origin-Host (264)

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.AVP_OCCURS_TOO_MANY_TIMES);
        assertThat(error.failedAvp().utf8()).isEqualTo("op");
    }

    @Test
    void from_userNameLosesItsMBitAndCode_stillAnEcrWithoutImsi() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.USER_NAME_FLAGS - 1] = 0x63; // User-Name (1) -> AVP 99, not understood
        bytes[Wire.USER_NAME_FLAGS] = 0x00;     // and optional: ignored (*[AVP])

        MeIdentityCheckRequest ecr = MeIdentityCheckRequest.from(decode(bytes));

        assertThat(ecr.imsi()).isEmpty();
    }

    @Test
    void from_unknownAvpWithMBit_avpUnsupported() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.USER_NAME_FLAGS - 1] = 0x63; // User-Name (1) -> AVP 99 with the M-bit

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.AVP_UNSUPPORTED);
        assertThat(error.failedAvp().code()).isEqualTo(99);
        assertThat(error.getMessage()).isEqualTo("AVP 99 has the M-bit set and is not understood in ECR");
    }

    @Test
    void from_imeiLongerThanItsGroup_invalidAvpLengthInsideTerminalInformation() {
        byte[] bytes = Wire.ecr();
        bytes[Wire.IMEI_CODE + 7] = 0x30; // IMEI's length 26 -> 48, and Terminal-Information holds 28

        DiameterException error = ecrError(bytes);

        assertThat(error.resultCode()).isEqualTo(ResultCode.INVALID_AVP_LENGTH);
        assertThat(error.failedAvp().is(AvpCode.TERMINAL_INFORMATION)).isTrue();
        assertThat(error.failedAvp().grouped()).singleElement()
                .satisfies(avp -> assertThat(avp.is(AvpCode.IMEI)).isTrue());
    }

    @Test
    void from_otherCommand_isTheCallersMistake() {
        DiameterMessage cer = CapabilitiesExchangeRequest.create(Fixtures.capabilities("mme", "op"), 1, 1).toMessage();

        assertThatThrownBy(() -> MeIdentityCheckRequest.from(cer)).isInstanceOf(IllegalArgumentException.class);
    }
}
