package org.dip4j.tasks.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.dip4j.api.Image;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Lanczos2Downsampler}: kernel taps of the reference's {@code get_kernel}, forward pass and gradient. */
class Lanczos2DownsamplerTests {

    /** Computed with the reference's {@code get_kernel} (10 decimals). */
    private static final double[] TAPS_X4 = {
        -0.0010653827, -0.0097517015, -0.0203839875, -0.0148778908, 0.0245940645, 0.0986584995,
        0.1831152829, 0.2397111157, 0.2397111157, 0.1831152829, 0.0986584995, 0.0245940645,
        -0.0148778908, -0.0203839875, -0.0097517015, -0.0010653827};

    private static final double[] HALF_TAPS_X8 = {
        -0.0001277801, -0.0012314476, -0.0034526636, -0.0063929505, -0.0092034886, -0.0106779148,
        -0.0094572631, -0.0043141022, 0.0055412246, 0.0202016093, 0.0389170282, 0.0601067341,
        0.0815427361, 0.1006796712, 0.1150719347, 0.1227966721};

    @Test
    void kernelTapsForFactor4AreTheReferences() {
        double[] k = Lanczos2Downsampler.kernel(4);

        assertThat(k).hasSize(16);
        for (int i = 0; i < 16; i++) {
            assertThat(k[i]).as("tap %d", i).isCloseTo(TAPS_X4[i], within(1e-9));
        }
    }

    @Test
    void kernelTapsForFactor8AreTheReferencesMirrored() {
        double[] k = Lanczos2Downsampler.kernel(8);

        assertThat(k).hasSize(32);
        for (int i = 0; i < 16; i++) {
            assertThat(k[i]).as("tap %d", i).isCloseTo(HALF_TAPS_X8[i], within(1e-9));
            assertThat(k[31 - i]).as("tap %d", 31 - i).isCloseTo(HALF_TAPS_X8[i], within(1e-9));
        }
    }

    @Test
    void paddingAndSizeFollowTheFactor() {
        assertThat(new Lanczos2Downsampler(4).padding()).isEqualTo(6);
        assertThat(new Lanczos2Downsampler(8).padding()).isEqualTo(12);
        assertThat(new Lanczos2Downsampler(8).kernelSize()).isEqualTo(32);
        assertThatThrownBy(() -> new Lanczos2Downsampler(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even factor");
    }

    @Test
    void forwardPassEqualsPlainJavaForFactor4() {
        checkForward(4, 3, 32, 40, 11L);
    }

    @Test
    void forwardPassEqualsPlainJavaForFactor8() {
        checkForward(8, 3, 48, 32, 12L);
    }

    @Test
    void hostDownsampleEqualsTheGraphsForwardPass() {
        for (int factor : new int[] {4, 8}) {
            INDArray input = randomArray(new long[] {1, 3, 32, 48}, new Random(factor));
            SameDiff sd = SameDiff.create();
            INDArray graph = new Lanczos2Downsampler(factor).degrade(sd, sd.constant("x", input)).eval();
            Image host = new Lanczos2Downsampler(factor).downsample(org.dip4j.api.Images.fromArray(input));

            assertThat(host.shape()).isEqualTo("3×" + 32 / factor + "×" + 48 / factor);
            double[] g = graph.dup().reshape(-1).toDoubleVector();
            double[] h = host.toArray();
            for (int i = 0; i < g.length; i++) {
                assertThat(h[i]).as("factor %d sample %d", factor, i).isCloseTo(g[i], within(1e-12));
            }
        }
    }

    @Test
    void constantImageStaysConstant() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("x", Nd4j.valueArrayOf(new long[] {1, 3, 32, 32}, 0.3, DataType.DOUBLE));
        INDArray out = new Lanczos2Downsampler(4).degrade(sd, x).eval();

        assertThat(out.shape()).containsExactly(1, 3, 8, 8);
        for (double v : out.dup().reshape(-1).toDoubleVector()) {
            assertThat(v).isCloseTo(0.3, within(1e-12));
        }
    }

    @Test
    void gradientOfSquaredErrorMatchesFiniteDifferences() {
        int factor = 4;
        long[] shape = {1, 3, 32, 32};
        Random random = new Random(5);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", randomArray(shape, random));
        SDVariable y = sd.constant("y", randomArray(new long[] {1, 3, 8, 8}, random));
        SDVariable loss = sd.sum("loss", sd.math().square(new Lanczos2Downsampler(factor).degrade(sd, x).sub(y)));
        sd.setLossVariables(loss);

        INDArray analytic = org.dip4j.samediff.check.GradientCheck.quietly(() -> sd.calculateGradients(Map.of(), "x").get("x").dup());
        INDArray xs = x.getArr();
        double eps = 1e-6;
        double maxRelative = 0;
        // Corners, edges (the replicated pixels) and random interior samples.
        int[][] probes = new int[32][];
        int n = 0;
        for (int c = 0; c < 3; c++) {
            probes[n++] = new int[] {c, 0, 0};
            probes[n++] = new int[] {c, 31, 31};
            probes[n++] = new int[] {c, 0, 17};
            probes[n++] = new int[] {c, 20, 31};
        }
        while (n < probes.length) {
            probes[n++] = new int[] {random.nextInt(3), random.nextInt(32), random.nextInt(32)};
        }
        for (int[] p : probes) {
            double original = xs.getDouble(0, p[0], p[1], p[2]);
            xs.putScalar(new long[] {0, p[0], p[1], p[2]}, original + eps);
            double plus = sd.output(Map.of(), "loss").get("loss").getDouble(0);
            xs.putScalar(new long[] {0, p[0], p[1], p[2]}, original - eps);
            double minus = sd.output(Map.of(), "loss").get("loss").getDouble(0);
            xs.putScalar(new long[] {0, p[0], p[1], p[2]}, original);
            double numeric = (plus - minus) / (2 * eps);
            double a = analytic.getDouble(0, p[0], p[1], p[2]);
            double relative = Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric));
            maxRelative = Math.max(maxRelative, relative);
            assertThat(relative).as("d loss / d x%s: analytic %s, numeric %s", java.util.Arrays.toString(p), a, numeric)
                    .isLessThan(1e-5);
        }
        assertThat(maxRelative).isLessThan(1e-5);
    }

    private static void checkForward(int factor, int channels, int h, int w, long seed) {
        INDArray input = randomArray(new long[] {1, channels, h, w}, new Random(seed));
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("x", input);
        INDArray out = new Lanczos2Downsampler(factor, channels).degrade(sd, x).eval();

        assertThat(out.shape()).containsExactly(1, channels, h / factor, w / factor);
        double[][][] expected = plainDownsample(input, factor);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h / factor; i++) {
                for (int j = 0; j < w / factor; j++) {
                    assertThat(out.getDouble(0, c, i, j)).isCloseTo(expected[c][i][j], within(1e-12));
                }
            }
        }
    }

    /** Replication padding then a strided correlation with the outer-product kernel, in loops. */
    private static double[][][] plainDownsample(INDArray x, int factor) {
        int channels = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        double[] k = Lanczos2Downsampler.kernel(factor);
        int pad = (k.length - factor) / 2;
        double[][][] out = new double[channels][h / factor][w / factor];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h / factor; i++) {
                for (int j = 0; j < w / factor; j++) {
                    double s = 0;
                    for (int a = 0; a < k.length; a++) {
                        int yy = clamp(i * factor + a - pad, h);
                        for (int b = 0; b < k.length; b++) {
                            int xx = clamp(j * factor + b - pad, w);
                            s += k[a] * k[b] * x.getDouble(0, c, yy, xx);
                        }
                    }
                    out[c][i][j] = s;
                }
            }
        }
        return out;
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }

    private static INDArray randomArray(long[] shape, Random random) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        long n = a.length();
        for (long i = 0; i < n; i++) {
            a.putScalar(i, random.nextDouble());
        }
        return a;
    }
}
