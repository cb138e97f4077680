package org.dip4j.tasks.sr;

import java.util.Objects;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/**
 * Pillow's {@code Image.resize} for 8-bit images, re-implemented from its description: a
 * separable convolution resampler, horizontal pass first, each pass rounding and clipping to
 * 8 bits, with weights in 22-bit fixed point.
 *
 * <p>For output pixel {@code i} the kernel is centred on source coordinate
 * {@code (i + 0.5)·scale} (scale = input size / output size). When downscaling, the kernel's
 * support is stretched by the scale (antialiasing). The weights of each output pixel are
 * normalised to sum 1 before conversion to fixed point. {@link ResampleFilter#NEAREST} instead
 * copies source pixel {@code floor((i + 0.5)·scale)}.
 *
 * <p>Samples are taken as 8-bit values ({@link Images#quantise}) and returned as {@code k/255}.
 * Reproduces the LR images of {@code super-resolution.ipynb} (Pillow's {@code ANTIALIAS}) and the
 * interpolation baselines; see the tests for how close it comes to Pillow 9.4.
 */
public final class PillowResize {
    /** Fractional bits of the fixed-point weights: 32 − 8 (sample) − 2 (headroom), as in Pillow. */
    static final int PRECISION_BITS = 22;

    private PillowResize() {}

    /** {@code image} resized to {@code width × height} with {@code filter}. */
    public static Image resize(Image image, int width, int height, ResampleFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "×" + height);
        }
        int channels = image.channels();
        int inH = image.height();
        int inW = image.width();
        double[] out = new double[channels * height * width];
        for (int c = 0; c < channels; c++) {
            int[] plane = toBytes(image, c);
            int[] resized = filter == ResampleFilter.NEAREST
                    ? nearest(plane, inW, inH, width, height)
                    : convolve(plane, inW, inH, width, height, filter);
            for (int i = 0; i < resized.length; i++) {
                out[c * height * width + i] = resized[i] / 255.0;
            }
        }
        return Image.of(channels, height, width, out);
    }

    private static int[] convolve(int[] plane, int inW, int inH, int outW, int outH, ResampleFilter filter) {
        int[] p = plane;
        int w = inW;
        // Pillow skips a pass whose size does not change.
        if (outW != inW) {
            p = horizontal(p, w, inH, Coefficients.of(inW, outW, filter));
            w = outW;
        }
        if (outH != inH) {
            p = vertical(p, w, inH, Coefficients.of(inH, outH, filter));
        }
        return p;
    }

    private static int[] horizontal(int[] in, int inW, int h, Coefficients k) {
        int outW = k.size();
        int[] out = new int[outW * h];
        for (int y = 0; y < h; y++) {
            int row = y * inW;
            for (int x = 0; x < outW; x++) {
                int[] weights = k.weights[x];
                int start = k.start[x];
                int acc = 1 << (PRECISION_BITS - 1);
                for (int j = 0; j < weights.length; j++) {
                    acc += in[row + start + j] * weights[j];
                }
                out[y * outW + x] = clip8(acc);
            }
        }
        return out;
    }

    private static int[] vertical(int[] in, int w, int inH, Coefficients k) {
        int outH = k.size();
        int[] out = new int[w * outH];
        for (int y = 0; y < outH; y++) {
            int[] weights = k.weights[y];
            int start = k.start[y];
            for (int x = 0; x < w; x++) {
                int acc = 1 << (PRECISION_BITS - 1);
                for (int j = 0; j < weights.length; j++) {
                    acc += in[(start + j) * w + x] * weights[j];
                }
                out[y * w + x] = clip8(acc);
            }
        }
        return out;
    }

    private static int[] nearest(int[] in, int inW, int inH, int outW, int outH) {
        int[] xs = nearestIndices(inW, outW);
        int[] ys = nearestIndices(inH, outH);
        int[] out = new int[outW * outH];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                out[y * outW + x] = in[ys[y] * inW + xs[x]];
            }
        }
        return out;
    }

    /** Source index {@code floor((i + 0.5)·scale)} of each output index. */
    static int[] nearestIndices(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        int[] idx = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            idx[i] = Math.min(inSize - 1, (int) Math.floor((i + 0.5) * scale));
        }
        return idx;
    }

    /** Rounds the fixed-point sum to an 8-bit sample (the rounding half was added up front). */
    private static int clip8(int acc) {
        int v = acc >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int[] toBytes(Image image, int c) {
        int h = image.height();
        int w = image.width();
        int[] p = new int[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = Images.quantise(image.get(c, y, x));
            }
        }
        return p;
    }

    /** The fixed-point weights of one pass: for output pixel i, source pixels start[i] + j. */
    static final class Coefficients {
        final int[] start;
        final int[][] weights;
        /** The same weights before fixed-point conversion, for tests. */
        final double[][] exact;

        private Coefficients(int[] start, int[][] weights, double[][] exact) {
            this.start = start;
            this.weights = weights;
            this.exact = exact;
        }

        int size() {
            return start.length;
        }

        static Coefficients of(int inSize, int outSize, ResampleFilter filter) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filter.support() * filterScale;
            double inverse = 1.0 / filterScale;
            int[] start = new int[outSize];
            int[][] fixed = new int[outSize][];
            double[][] exact = new double[outSize][];
            for (int i = 0; i < outSize; i++) {
                double centre = (i + 0.5) * scale;
                // (int) truncates toward zero, as the C cast does; negatives are clamped anyway.
                int lo = Math.max(0, (int) (centre - support + 0.5));
                int hi = Math.min(inSize, (int) (centre + support + 0.5));
                double[] k = new double[hi - lo];
                double sum = 0.0;
                for (int j = 0; j < k.length; j++) {
                    k[j] = filter.weight((j + lo - centre + 0.5) * inverse);
                    sum += k[j];
                }
                int[] f = new int[k.length];
                for (int j = 0; j < k.length; j++) {
                    if (sum != 0.0) {
                        k[j] /= sum;
                    }
                    f[j] = toFixed(k[j]);
                }
                start[i] = lo;
                fixed[i] = f;
                exact[i] = k;
            }
            return new Coefficients(start, fixed, exact);
        }

        /** Rounds half away from zero to 22 fractional bits. */
        private static int toFixed(double w) {
            double scaled = w * (1 << PRECISION_BITS);
            return w < 0 ? (int) (scaled - 0.5) : (int) (scaled + 0.5);
        }
    }
}
