package org.ceir.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TrackingNumbersProperties {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Property
    void normalize_acceptsEveryNumberItMakes() {
        String tracking = TrackingNumbers.next();
        assertThat(TrackingNumbers.normalize(tracking)).isEqualTo(tracking);
        assertThat(TrackingNumbers.normalize(" " + tracking.toLowerCase(java.util.Locale.ROOT) + " ")).isEqualTo(tracking);
    }

    @Property
    void normalize_catchesEverySingleMistypedCharacter(@ForAll @IntRange(min = 2, max = 10) int position,
                                                       @ForAll @IntRange(min = 1, max = 31) int shift) {
        String tracking = TrackingNumbers.next();
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(tracking.charAt(position)) + shift) % ALPHABET.length());
        String typo = tracking.substring(0, position) + wrong + tracking.substring(position + 1);

        assertThatThrownBy(() -> TrackingNumbers.normalize(typo)).isInstanceOf(AppealException.class);
    }

    @Property
    void normalize_catchesSwappedNeighbours(@ForAll @IntRange(min = 2, max = 9) int position) {
        String tracking = TrackingNumbers.next();
        char a = tracking.charAt(position);
        char b = tracking.charAt(position + 1);
        String swapped = tracking.substring(0, position) + b + a + tracking.substring(position + 2);

        if (a != b) {
            assertThatThrownBy(() -> TrackingNumbers.normalize(swapped)).isInstanceOf(AppealException.class);
        }
    }
}
