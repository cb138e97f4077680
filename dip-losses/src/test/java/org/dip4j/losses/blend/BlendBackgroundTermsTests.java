package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BlendBackgroundTermsTests {
    private static final double PROGRESS = 0.3;

    private static BlendFixture withOutput(BlendFixture base, double[] f) {
        return BlendFixture.of(base.channels, base.height, base.width, f, base.foreground, base.background, base.alpha);
    }

    private static double[] shifted(double[] b, int c, int plane, double... perChannel) {
        double[] f = b.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] += perChannel[Math.min(i / plane, perChannel.length - 1)];
        }
        return f;
    }

    @Test
    void pixelTermIsZeroWhenTheOutputIsTheBackground() {
        BlendFixture base = BlendFixture.random(1, 3, 16, 16);
        BlendFixture same = withOutput(base, base.background.clone());

        assertThat(same.build(new BlendPixelLoss()).value(PROGRESS)).isZero();
        assertThat(base.build(new BlendPixelLoss()).value(PROGRESS)).isPositive();
    }

    @Test
    void pixelTermIsTheBackgroundWeightedSquaredError() {
        BlendFixture f = BlendFixture.random(2, 3, 12, 16);
        double expected = HostOracle.backgroundWeighted(HostOracle.difference(f.output, f.background),
                HostOracle.annealed(f.alpha, PROGRESS), 3, 12, 16);

        assertThat(f.build(new BlendPixelLoss()).value(PROGRESS)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void lowFrequencyTermIsTheWeightedErrorOfBoxFilteredImages() {
        // 12×16: a height/width mix-up in the separable filter would show.
        BlendFixture f = BlendFixture.random(3, 3, 12, 16).with("kernel-size", 5);
        double[] low = HostOracle.filterChannels(HostOracle.difference(f.output, f.background), 3, 12, 16,
                Kernels.box(5));
        double expected = HostOracle.backgroundWeighted(low, HostOracle.annealed(f.alpha, PROGRESS), 3, 12, 16);

        assertThat(f.build(new BlendLowFrequencyLoss()).value(PROGRESS)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void lowFrequencyTermEqualsPixelTermForAConstantShiftAndIgnoresFineDetail() {
        BlendFixture base = BlendFixture.random(4, 3, 16, 16);
        BlendFixture shift = withOutput(base, shifted(base.background, 3, 256, 0.1, -0.05, 0.2));
        double[] checker = base.background.clone();
        for (int i = 0; i < checker.length; i++) {
            checker[i] += ((i % 16 + i / 16) % 2 == 0 ? 0.1 : -0.1);
        }
        BlendFixture fine = withOutput(base, checker).with("kernel-size", 5);

        assertThat(shift.build(new BlendLowFrequencyLoss()).value(PROGRESS))
                .isCloseTo(shift.build(new BlendPixelLoss()).value(PROGRESS), within(1e-12));
        assertThat(fine.build(new BlendLowFrequencyLoss()).value(PROGRESS))
                .isLessThan(0.1 * fine.build(new BlendPixelLoss()).value(PROGRESS));
    }

    @Test
    void illuminationTermIsTheWeightedErrorOfBlurredLuma() {
        BlendFixture f = BlendFixture.random(5, 3, 12, 16).with("sigma", 1.5);
        double[] d = HostOracle.difference(f.output, f.background);
        double[] luma = new double[12 * 16];
        for (int p = 0; p < luma.length; p++) {
            luma[p] = 0.299 * d[p] + 0.587 * d[192 + p] + 0.114 * d[384 + p];
        }
        double[] j = HostOracle.filterChannels(luma, 1, 12, 16, Kernels.gaussian(1.5));
        double expected = HostOracle.backgroundWeighted(j, HostOracle.annealed(f.alpha, PROGRESS), 1, 12, 16);

        assertThat(f.build(new BlendIlluminationLoss()).value(PROGRESS)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void illuminationTermIgnoresAColourChangeOfEqualLuma() {
        BlendFixture base = BlendFixture.random(6, 3, 16, 16);
        // 0.299·0.587 − 0.587·0.299 = 0: a hue shift with no luma change.
        BlendFixture hue = withOutput(base, shifted(base.background, 3, 256, 0.587 * 0.2, -0.299 * 0.2, 0.0));
        BlendFixture grey = withOutput(base, shifted(base.background, 3, 256, 0.1));

        assertThat(hue.build(new BlendIlluminationLoss()).value(PROGRESS)).isCloseTo(0.0, within(1e-20));
        assertThat(hue.build(new BlendPixelLoss()).value(PROGRESS)).isPositive();
        // A grey shift of 0.1 changes luma by 0.1 everywhere: the same as the per-sample error.
        assertThat(grey.build(new BlendIlluminationLoss()).value(PROGRESS))
                .isCloseTo(grey.build(new BlendPixelLoss()).value(PROGRESS), within(1e-12));
    }
}
