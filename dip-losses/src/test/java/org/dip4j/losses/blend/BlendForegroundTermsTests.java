package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlendForegroundTermsTests {
    private static final double PROGRESS = 0.6;

    private static BlendFixture withOutput(BlendFixture base, double[] f) {
        return BlendFixture.of(base.channels, base.height, base.width, f, base.foreground, base.background, base.alpha);
    }

    private static double[] affine(double[] a, double scale, double offset) {
        double[] f = new double[a.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = scale * a[i] + offset;
        }
        return f;
    }

    @Test
    void gradientTermIsZeroWhenTheOutputIsTheForegroundOrItsColourShift() {
        BlendFixture base = BlendFixture.random(1, 3, 16, 16);
        double[] shifted = base.foreground.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.05 * (i / 256 + 1); // a different constant per channel
        }

        assertThat(withOutput(base, base.foreground.clone()).build(new BlendGradientLoss()).value(PROGRESS)).isZero();
        assertThat(withOutput(base, shifted).build(new BlendGradientLoss()).value(PROGRESS))
                .isCloseTo(0.0, within(1e-15));
        assertThat(base.build(new BlendGradientLoss()).value(PROGRESS)).isPositive();
    }

    @Test
    void gradientTermAveragesTheWeightedL1OverPooledScales() {
        BlendFixture f = BlendFixture.random(2, 3, 12, 16).with("scales", List.of(1, 2));
        double[] alphaT = HostOracle.annealed(f.alpha, PROGRESS);
        double full = HostOracle.gradientL1(f.output, f.foreground, alphaT, 3, 12, 16);
        double half = HostOracle.gradientL1(HostOracle.pool(f.output, 3, 12, 16, 2),
                HostOracle.pool(f.foreground, 3, 12, 16, 2), HostOracle.pool(alphaT, 1, 12, 16, 2), 3, 6, 8);

        assertThat(f.build(new BlendGradientLoss()).value(PROGRESS)).isCloseTo((full + half) / 2, within(1e-12));
    }

    @Test
    void directionTermVanishesForParallelGradientsAndDoublesForOpposite() {
        BlendFixture base = BlendFixture.random(3, 3, 16, 16);
        double[] alphaT = HostOracle.annealed(base.alpha, PROGRESS);
        double meanAlpha = 0;
        for (int y = 0; y < 15; y++) {
            for (int x = 0; x < 15; x++) {
                meanAlpha += alphaT[y * 16 + x] / 225;
            }
        }

        double parallel = withOutput(base, affine(base.foreground, 0.5, 0.2)).build(new BlendDirectionLoss())
                .value(PROGRESS);
        double parallelTinyEps = withOutput(base, affine(base.foreground, 0.5, 0.2)).with("epsilon", 1e-14)
                .build(new BlendDirectionLoss()).value(PROGRESS);
        double opposite = withOutput(base, affine(base.foreground, -1, 1)).build(new BlendDirectionLoss())
                .value(PROGRESS);
        double unrelated = base.build(new BlendDirectionLoss()).value(PROGRESS);

        // The ε in the norms leaves a residue of order ε/|∇|² where gradients are small.
        assertThat(parallelTinyEps).isCloseTo(0.0, within(1e-7));
        assertThat(parallel).isCloseTo(0.0, within(1e-3));
        assertThat(opposite).isCloseTo(2 * meanAlpha, within(1e-3));
        assertThat(unrelated).isBetween(0.5 * meanAlpha, 1.5 * meanAlpha);
    }
}
