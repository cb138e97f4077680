package org.dip4j.tasks.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.junit.jupiter.api.Test;

class SoftTransitionMapTests {
    private static final Image HALF = Image.generate(1, 8, 64, (c, y, x) -> x < 32 ? 1.0 : 0.0);

    @Test
    void zeroPassesKeepTheBinaryMask() {
        assertThat(SoftTransitionMap.of(HALF, 5, 0)).isEqualTo(HALF);
    }

    @Test
    void theBandIsSymmetricAboutTheMaskEdgeAndMonotone() {
        Image alpha = SoftTransitionMap.of(HALF, 3, 3);

        for (int k = 0; k < 12; k++) {
            // α(31 − k) + α(32 + k) = 1 for a straight edge away from the image border.
            assertThat(alpha.get(0, 4, 31 - k) + alpha.get(0, 4, 32 + k)).isCloseTo(1.0, within(1e-12));
        }
        for (int x = 1; x < 64; x++) {
            assertThat(alpha.get(0, 4, x)).isLessThanOrEqualTo(alpha.get(0, 4, x - 1));
        }
        // Full support n·r = 9 px: α is exactly 1 and 0 beyond it.
        assertThat(alpha.get(0, 4, 22)).isEqualTo(1.0);
        assertThat(alpha.get(0, 4, 41)).isEqualTo(0.0);
        assertThat(alpha.get(0, 4, 23)).isLessThan(1.0);
    }

    @Test
    void repeatedBoxesHaveTheStatedWidth() {
        // The step response's derivative is the combined filter; its spread must match σ.
        Image alpha = SoftTransitionMap.of(Image.generate(1, 1, 200, (c, y, x) -> x < 100 ? 1.0 : 0.0), 4, 3);
        double mean = 0;
        double second = 0;
        for (int x = 1; x < 200; x++) {
            double weight = alpha.get(0, 0, x - 1) - alpha.get(0, 0, x);
            mean += weight * (x - 0.5);
            second += weight * (x - 0.5) * (x - 0.5);
        }
        double variance = second - mean * mean;

        assertThat(Math.sqrt(variance)).isCloseTo(SoftTransitionMap.sigma(4, 3), within(1e-9));
        assertThat(SoftTransitionMap.sigma(8, 4)).isCloseTo(9.798, within(1e-3));
    }
}
