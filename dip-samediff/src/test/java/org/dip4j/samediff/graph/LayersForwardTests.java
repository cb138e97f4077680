package org.dip4j.samediff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The blocks compute what their PyTorch counterparts compute, checked against plain Java. */
class LayersForwardTests {

    private static INDArray run(int c, int h, int w, INDArray input, java.util.function.BiFunction<Layers, FeatureMap, FeatureMap> block) {
        SameDiff sd = SameDiff.create();
        Layers layers = new Layers(sd, DataType.DOUBLE, new SplittableRandom(1));
        SDVariable x = sd.var("x", input);
        FeatureMap y = block.apply(layers, new FeatureMap(x, c, h, w));
        return sd.output(Map.of(), y.variable().name()).get(y.variable().name());
    }

    @Test
    void reflectionPadMirrorsWithoutRepeatingTheEdge() {
        INDArray in = LayersGradientTests.randomArray(new SplittableRandom(3), 1, 1, 4, 5);
        INDArray out = run(1, 4, 5, in, (l, x) -> l.reflectionPad(x, 2));
        assertThat(out.shape()).containsExactly(1, 1, 8, 9);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 9; x++) {
                int sy = reflect(y - 2, 4);
                int sx = reflect(x - 2, 5);
                assertThat(out.getDouble(0, 0, y, x)).isEqualTo(in.getDouble(0, 0, sy, sx));
            }
        }
    }

    @Test
    void bilinearUpsamplingMatchesHalfPixelCentres() {
        INDArray in = LayersGradientTests.randomArray(new SplittableRandom(4), 1, 2, 3, 4);
        INDArray out = run(2, 3, 4, in, (l, x) -> l.upsample2(x, Upsampling.BILINEAR));
        assertThat(out.shape()).containsExactly(1, 2, 6, 8);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 8; x++) {
                    assertThat(out.getDouble(0, c, y, x)).isCloseTo(bilinear(in, c, y, x, 3, 4), within(1e-12));
                }
            }
        }
    }

    @Test
    void batchNormNormalisesEachChannelWithTheBiasedVariance() {
        INDArray in = LayersGradientTests.randomArray(new SplittableRandom(5), 1, 3, 4, 4);
        INDArray out = run(3, 4, 4, in, (l, x) -> l.batchNorm("bn", x));
        for (int c = 0; c < 3; c++) {
            INDArray ch = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c));
            assertThat(ch.meanNumber().doubleValue()).isCloseTo(0, within(1e-12));
            double var = ch.mul(ch).meanNumber().doubleValue();
            INDArray raw = in.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c));
            double rawVar = raw.varNumber().doubleValue() * 15 / 16; // biased
            assertThat(var).isCloseTo(rawVar / (rawVar + 1e-5), within(1e-9));
        }
    }

    private static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        return i >= n ? 2 * (n - 1) - i : i;
    }

    /** PyTorch's bilinear ×2 with align_corners=False: source coordinate (i + 0.5)/2 − 0.5, clamped. */
    private static double bilinear(INDArray in, int c, int oy, int ox, int h, int w) {
        double sy = Math.max(0, (oy + 0.5) / 2 - 0.5);
        double sx = Math.max(0, (ox + 0.5) / 2 - 0.5);
        int y0 = (int) Math.floor(sy);
        int x0 = (int) Math.floor(sx);
        int y1 = Math.min(y0 + 1, h - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double fy = sy - y0;
        double fx = sx - x0;
        return (1 - fy) * ((1 - fx) * in.getDouble(0, c, y0, x0) + fx * in.getDouble(0, c, y0, x1))
                + fy * ((1 - fx) * in.getDouble(0, c, y1, x0) + fx * in.getDouble(0, c, y1, x1));
    }
}
