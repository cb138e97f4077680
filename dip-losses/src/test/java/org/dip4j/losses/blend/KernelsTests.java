package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelsTests {
    @Test
    void gaussianIsNormalisedSymmetricAndThreeSigmaWide() {
        double[] k = Kernels.gaussian(2.0);

        assertThat(k).hasSize(13);
        assertThat(Arrays.stream(k).sum()).isCloseTo(1.0, within(1e-15));
        for (int i = 0; i < k.length; i++) {
            assertThat(k[i]).isEqualTo(k[k.length - 1 - i]);
        }
        assertThat(k[6] / k[7]).isCloseTo(Math.exp(1.0 / 8), within(1e-12));
    }

    @Test
    void filterMatrixRowsSumToOneEvenWhenTheKernelIsWiderThanTheSignal() {
        double[][] m = Kernels.matrix(5, Kernels.box(9));

        for (double[] row : m) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-15));
        }
        // Row 0 of a 9-tap box on 5 samples: taps −4..4 fold onto 0 five times, then 1..4 once.
        assertThat(m[0]).containsExactly(new double[] {5 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0}, within(1e-15));
    }

    @Test
    void boxSizeMustBeOdd() {
        assertThatThrownBy(() -> Kernels.box(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    }
}
