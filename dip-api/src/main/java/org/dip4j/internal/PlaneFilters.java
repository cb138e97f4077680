package org.dip4j.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Separable filtering of one H×W plane (row-major doubles) with a symmetric 1-D kernel, rows
 * (axis 0) first as SciPy does, and the kernels the metrics and baselines use. One implementation
 * for SSIM, the blending metrics and the blending baselines, each checked against SciPy, OpenCV
 * and scikit-image golden values in its module's tests.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PlaneFilters {
    private PlaneFilters() {}

    /** How samples outside the plane are read. */
    public enum Border {
        /** SciPy {@code nearest}: the edge sample repeated. */
        NEAREST,
        /** OpenCV {@code BORDER_REFLECT_101}, SciPy {@code mirror}: … c b | a b c …. */
        REFLECT_101,
        /** SciPy {@code reflect}, half-sample symmetric: … b a | a b …. */
        REFLECT;

        /** The index inside [0, n) that position {@code i} reads. */
        public int index(int i, int n) {
            if (this == NEAREST || n == 1) {
                return Math.min(n - 1, Math.max(0, i));
            }
            if (this == REFLECT) {
                int p = 2 * n;
                int m = Math.floorMod(i, p);
                return m < n ? m : p - 1 - m;
            }
            int p = 2 * n - 2;
            int m = Math.floorMod(i, p);
            return m < n ? m : p - m;
        }
    }

    /** Correlation with {@code kernel} (odd length) along the rows, then along the columns. */
    public static double[] separable(double[] src, int h, int w, double[] kernel, Border border) {
        int r = kernel.length / 2;
        double[] tmp = new double[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = -r; t <= r; t++) {
                    acc += kernel[t + r] * src[border.index(y + t, h) * w + x];
                }
                tmp[y * w + x] = acc;
            }
        }
        double[] out = new double[src.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = -r; t <= r; t++) {
                    acc += kernel[t + r] * tmp[row + border.index(x + t, w)];
                }
                out[row + x] = acc;
            }
        }
        return out;
    }

    /**
     * SciPy's {@code gaussian_filter1d} weights: exp(−x²/(2σ²)) for |x| ≤ int(truncate·σ + 0.5),
     * normalised to sum 1.
     */
    public static double[] gaussianKernel(double sigma, double truncate) {
        int r = (int) (truncate * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            k[t + r] = Math.exp(-0.5 * t * t / (sigma * sigma));
            sum += k[t + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** A box kernel of {@code size} taps, each 1/size. */
    public static double[] uniformKernel(int size) {
        double[] k = new double[size];
        Arrays.fill(k, 1.0 / size);
        return k;
    }
}
