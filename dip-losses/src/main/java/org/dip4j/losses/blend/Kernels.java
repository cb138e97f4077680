package org.dip4j.losses.blend;

/**
 * One-dimensional low-pass kernels (odd length, centred, summing to 1) and their application to
 * a line of samples with the edge sample replicated beyond the border (scipy's {@code nearest}).
 */
final class Kernels {
    private Kernels() {}

    /** The average of {@code size} samples; {@code size} must be odd and positive. */
    static double[] box(int size) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("a box filter needs an odd positive size, got " + size);
        }
        double[] k = new double[size];
        java.util.Arrays.fill(k, 1.0 / size);
        return k;
    }

    /** A Gaussian of standard deviation {@code sigma}, truncated at 3σ, normalised. */
    static double[] gaussian(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("a Gaussian needs sigma > 0, got " + sigma);
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * The n×n matrix M with (M·v) = kernel ⊛ v, taps beyond either end folded onto the edge sample
     * (replicate border). Every row sums to 1, so constants pass unchanged.
     */
    static double[][] matrix(int n, double[] kernel) {
        int radius = kernel.length / 2;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < kernel.length; k++) {
                int j = Math.min(n - 1, Math.max(0, i + k - radius));
                m[i][j] += kernel[k];
            }
        }
        return m;
    }

    /** Filters an h×w plane (row-major) along both axes with {@code kernel}, replicate border. */
    static double[] filterPlane(double[] plane, int h, int w, double[] kernel) {
        int radius = kernel.length / 2;
        double[] rows = new double[plane.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = 0; k < kernel.length; k++) {
                    int xx = Math.min(w - 1, Math.max(0, x + k - radius));
                    s += kernel[k] * plane[y * w + xx];
                }
                rows[y * w + x] = s;
            }
        }
        double[] out = new double[plane.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = 0; k < kernel.length; k++) {
                    int yy = Math.min(h - 1, Math.max(0, y + k - radius));
                    s += kernel[k] * rows[yy * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
