package org.ceir.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ImeiProperties {

    @Property
    void fifteenDigitFormRoundTrips(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long key) {
        Imei imei = Imei.ofKey(key);
        assertThat(Imei.parse(imei.toString())).isEqualTo(imei);
        assertThat(Imei.parse(imei.body()).key()).isEqualTo(key);
        assertThat(Imei.networkKey(imei.toString())).isEqualTo(key);
    }

    @Property
    void anyOtherCheckDigitIsRefusedWithTheRightOne(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long key,
                                                   @ForAll @IntRange(min = 1, max = 9) int offset) {
        Imei imei = Imei.ofKey(key);
        int wrong = (imei.checkDigit() + offset) % 10;
        assertThatThrownBy(() -> Imei.parse(imei.body() + wrong))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("check digit should be " + imei.checkDigit() + ", not " + wrong);
    }

    @Property
    void luhnCatchesEverySingleDigitError(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long key,
                                          @ForAll @IntRange(min = 0, max = 13) int position,
                                          @ForAll @IntRange(min = 1, max = 9) int delta) {
        char[] digits = Imei.formatKey(key).toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + delta) % 10);
        long changed = Long.parseLong(new String(digits));
        assertThat(Luhn.checkDigit(changed)).isNotEqualTo(Luhn.checkDigit(key));
    }

    @Property
    void imeisvRoundTrips(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long key,
                          @ForAll @IntRange(min = 0, max = 99) int svn) {
        String sv = Imei.formatKey(key) + (svn < 10 ? "0" : "") + svn;
        Imei imei = Imei.parse(sv);
        assertThat(imei.key()).isEqualTo(key);
        assertThat(imei.imeisv()).contains(sv);
        assertThat(Imei.parse("imeisv-" + sv)).isEqualTo(imei);
    }
}
