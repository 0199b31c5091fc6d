package org.ceir.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RingSizesTest {

    @Test
    void sample_defaultCapIsHeavyTailedAroundTheArticlesMean() {
        RingSizes sizes = new RingSizes(RingSizes.LARGEST);
        SplittableRandom random = new SplittableRandom(1);
        int[] samples = new int[200_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sizes.sample(random);
        }
        Arrays.sort(samples);
        double mean = Arrays.stream(samples).average().orElseThrow();
        assertThat(samples[0]).isEqualTo(2);
        assertThat(samples[samples.length - 1]).isEqualTo(RingSizes.LARGEST);
        assertThat(samples[samples.length / 2]).as("median").isBetween(8, 14);
        assertThat(Arrays.stream(samples).filter(k -> k <= 10).count()).as("rings of at most 10")
                .isGreaterThan(samples.length * 45L / 100);
        assertThat(sizes.mean()).isBetween(105.0, 125.0);
        assertThat(mean).isCloseTo(sizes.mean(), org.assertj.core.data.Offset.offset(2.0));
    }

    @Property(tries = 200)
    void sample_staysWithinTwoAndTheCap(@ForAll @IntRange(min = 2, max = 2000) int cap, @ForAll long seed) {
        RingSizes sizes = new RingSizes(cap);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            assertThat(sizes.sample(random)).isBetween(2, cap);
        }
        assertThat(sizes.mean()).isBetween(2.0, (double) cap);
    }

    @Test
    void constructor_capBelowTwoIsRefused() {
        assertThatThrownBy(() -> new RingSizes(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }
}
