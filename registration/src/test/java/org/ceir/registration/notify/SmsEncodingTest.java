package org.ceir.registration.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmsEncodingTest {

    /** The text of a message back from its parts, as a phone joins them. */
    static String join(List<SmsEncoding.Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SmsEncoding.Part part : parts) {
            byte[] data = part.userData();
            int skip = part.hasHeader() ? (data[0] & 0xff) + 1 : 0;
            out.write(data, skip, data.length - skip);
        }
        return new String(out.toByteArray(), parts.get(0).dataCoding() == SmsEncoding.UCS2
                ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }

    @Test
    void encode_shortEnglishIsOneDefaultAlphabetSms() {
        List<SmsEncoding.Part> parts = SmsEncoding.encode("Register your phone by 01.12.2026.", 7);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).dataCoding()).isEqualTo(SmsEncoding.DEFAULT_ALPHABET);
        assertThat(parts.get(0).hasHeader()).isFalse();
    }

    @Test
    void encode_azerbaijaniIsUcs2AndSplitWithConcatenationHeaders() {
        String text = Templates.shipped().template(NoticeKind.GRACE_FIRST, "az");
        List<SmsEncoding.Part> parts = SmsEncoding.encode(text, 42);
        assertThat(parts).hasSizeGreaterThan(1);
        for (int i = 0; i < parts.size(); i++) {
            byte[] data = parts.get(i).userData();
            assertThat(parts.get(i).dataCoding()).isEqualTo(SmsEncoding.UCS2);
            assertThat(Arrays.copyOf(data, 6)).containsExactly(0x05, 0x00, 0x03, 42, parts.size(), i + 1);
            assertThat(data.length).isLessThanOrEqualTo(140);
        }
        assertThat(join(parts)).isEqualTo(text);
    }

    @Test
    void encode_charactersTheTwoAlphabetsDisagreeOnGoAsUcs2() {
        assertThat(SmsEncoding.encode("pay $20 @ the post office", 1).get(0).dataCoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void encode_longAsciiUses153CharacterParts() {
        String text = "x".repeat(161);
        List<SmsEncoding.Part> parts = SmsEncoding.encode(text, 1);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).userData()).hasSize(6 + 153);
        assertThat(join(parts)).isEqualTo(text);
    }
}
