package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class EquipmentStatusQueryProperties {
    private final EquipmentStatusQuery query = new EquipmentStatusQuery();

    @Provide
    Arbitrary<String> imeis() {
        return Arbitraries.strings().numeric().ofLength(15);
    }

    @Provide
    Arbitrary<String> imsis() {
        return Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(15);
    }

    /** Percent-encodes a random choice of characters, in either case of hex digit, as clients may. */
    private static String encodeSome(String text, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (random.nextInt(3) == 0) {
                String hex = String.format(Locale.ROOT, "%02x", (int) c);
                out.append('%').append(random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Property
    void parse_anyPercentEncodingGivesTheSameDigits(@ForAll("imeis") String imei, @ForAll("imsis") String imsi,
                                                    @ForAll("imsis") String msisdn, @ForAll long seed) {
        String text = encodeSome("pei", seed) + "=" + encodeSome("imei-" + imei, seed + 1) + "&"
                + encodeSome("supi", seed + 2) + "=" + encodeSome("imsi-" + imsi, seed + 3) + "&gpsi="
                + encodeSome("msisdn-" + msisdn, seed + 4);
        assertThat(query.parse(text, 0, text.length())).as(text).isTrue();
        assertThat(query.imei()).hasToString(imei);
        assertThat(query.imsi()).hasToString(imsi);
        assertThat(query.msisdn()).hasToString(msisdn);
    }

    @Property(tries = 5_000)
    void parse_anythingIsEitherGoodOrExplained(@ForAll @StringLength(max = 120) String text) {
        if (query.parse(text, 0, text.length())) {
            assertThat(query.peiForm()).isNotNull();
        } else {
            assertThat(query.problemKind()).isNotNull();
            assertThat(query.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.param()).startsWith("query ");
                assertThat(p.reason()).isNotBlank();
            });
        }
    }

    @Property(tries = 5_000)
    void parse_queryShapedNoiseIsEitherGoodOrExplained(
            @ForAll("queryNoise") String text) {
        parse_anythingIsEitherGoodOrExplained(text);
    }

    @Provide
    Arbitrary<String> queryNoise() {
        Arbitrary<String> pieces = Arbitraries.of("pei", "supi", "gpsi", "supported-features", "=", "&", "%", "%2",
                "%2D", "imei-", "imeisv-", "imsi-", "msisdn-", "mac-", "eui-", "nai-", "extid-", "@", "-", "0a",
                "352099001761481", "4000112345", "99450", "x", "");
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }
}
