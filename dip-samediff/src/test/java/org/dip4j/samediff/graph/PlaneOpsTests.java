package org.dip4j.samediff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.dip4j.samediff.graph.PlaneOps.LinearPlaneOp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float kernels of the plane ops equal their double kernels up to float rounding, and each
 * op's transpose is its adjoint (⟨A x, g⟩ = ⟨x, Aᵀ g⟩), on planes as small as 1 pixel wide.
 */
class PlaneOpsTests {

    private static LinearPlaneOp op(String name) {
        return switch (name) {
            case "pad1" -> new PlaneOps.ReflectionPad(1);
            case "pad2" -> new PlaneOps.ReflectionPad(2);
            default -> new PlaneOps.BilinearUpsample2x();
        };
    }

    @ParameterizedTest
    @CsvSource({"pad1, 5, 7", "pad1, 2, 2", "pad2, 6, 9", "pad2, 3, 3", "up, 4, 6", "up, 3, 1", "up, 1, 2", "up, 1, 1"})
    void floatKernelsEqualTheDoubleKernelsAndTransposesAreAdjoint(String name, int h, int w) {
        LinearPlaneOp op = op(name);
        long[] size = op.outputSize(h, w);
        int n = h * w;
        int m = (int) (size[0] * size[1]);
        Random random = new Random(n * 31L + m);
        double[] x = random.doubles(n, -1, 1).toArray();
        double[] g = random.doubles(m, -1, 1).toArray();

        double[] ax = new double[m];
        double[] atg = new double[n];
        op.forward(x, h, w, ax);
        op.transpose(g, h, w, atg);
        assertThat(dot(ax, g)).as("adjoint").isCloseTo(dot(x, atg), org.assertj.core.api.Assertions.within(1e-12));

        float[] axF = new float[m];
        float[] atgF = new float[n];
        java.util.Arrays.fill(atgF, Float.NaN); // the transpose must write every value, not add to old ones
        op.forward(toFloat(x), h, w, axF);
        op.transpose(toFloat(g), h, w, atgF);
        assertThat(maxDifference(axF, ax)).as("forward").isLessThan(1e-6);
        assertThat(maxDifference(atgF, atg)).as("transpose").isLessThan(1e-6);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static double maxDifference(float[] actual, double[] expected) {
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
        }
        return worst;
    }
}
