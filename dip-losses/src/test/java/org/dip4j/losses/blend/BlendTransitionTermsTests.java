package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlendTransitionTermsTests {
    private static final int C = 3;
    private static final int H = 16;
    private static final int W = 16;

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void mixTermIsZeroWhenTheOutputIsTheAlphaWeightedMix() {
        BlendFixture r = BlendFixture.random(1, C, H, W);
        double[] mix = new double[r.output.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = 0.5 * r.foreground[i] + 0.5 * r.background[i] + 0.1;
        }
        // α = ½ everywhere and t = T, so α_t = ½ and w = 1.
        BlendFixture exact = BlendFixture.of(C, H, W, mix, r.foreground, r.background, filled(H * W, 0.5));
        BlendFixture foregroundOnly = BlendFixture.of(C, H, W, r.foreground.clone(), r.foreground, r.background,
                filled(H * W, 0.5));

        assertThat(exact.build(new BlendMixLoss()).value(1.0)).isCloseTo(0.0, within(1e-15));
        assertThat(foregroundOnly.build(new BlendMixLoss()).value(1.0)).isPositive();
    }

    @Test
    void mixTermIsInactiveOutsideTheTransitionBand() {
        BlendFixture r = BlendFixture.random(2, C, H, W);
        double[] binary = new double[H * W];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = i % W < W / 2 ? 1.0 : 0.0;
        }
        BlendFixture hard = BlendFixture.of(C, H, W, r.output, r.foreground, r.background, binary);

        assertThat(hard.build(new BlendMixLoss()).value(0.5)).isCloseTo(0.0, within(1e-20));
        assertThat(hard.build(new BlendAnisotropicLoss()).value(0.5)).isCloseTo(0.0, within(1e-20));
    }

    @Test
    void anisotropicTermIgnoresChangesAcrossTheBackgroundTextureButNotAlongIt() {
        // B: stripes that vary along x only, so the texture tangent is the y axis.
        double[] b = new double[C * H * W];
        double[] alongX = new double[b.length];
        double[] alongY = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            int x = i % W;
            int y = (i / W) % H;
            b[i] = 0.5 + 0.3 * Math.sin(1.3 * x);
            alongX[i] = b[i] + 0.2 * Math.cos(0.7 * x); // changes across the stripes
            alongY[i] = b[i] + 0.2 * Math.cos(0.7 * y); // changes along the stripes
        }
        double[] alpha = BlendFixture.random(3, C, H, W).alpha;
        double[] a = BlendFixture.random(4, C, H, W).foreground;

        double across = BlendFixture.of(C, H, W, alongX, a, b, alpha).build(new BlendAnisotropicLoss()).value(0.5);
        double along = BlendFixture.of(C, H, W, alongY, a, b, alpha).build(new BlendAnisotropicLoss()).value(0.5);

        assertThat(across).isCloseTo(0.0, within(1e-15));
        assertThat(along).isGreaterThan(0.01);
    }

    @Test
    void anisotropicTermIsZeroForTheBackgroundPlusAConstant() {
        BlendFixture r = BlendFixture.random(5, C, H, W);
        double[] f = r.background.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] += 0.1;
        }
        BlendFixture shifted = BlendFixture.of(C, H, W, f, r.foreground, r.background, r.alpha);

        assertThat(shifted.build(new BlendAnisotropicLoss()).value(0.5)).isCloseTo(0.0, within(1e-15));
        assertThat(r.build(new BlendAnisotropicLoss()).value(0.5)).isPositive();
    }
}
