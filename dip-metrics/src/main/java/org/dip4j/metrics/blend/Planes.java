package org.dip4j.metrics.blend;

import org.dip4j.api.Image;
import org.dip4j.internal.PlaneFilters;

/** Single planes (H×W doubles, row-major) taken from images, and a Gaussian low-pass on them. */
final class Planes {
    private Planes() {}

    /**
     * Luminance Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601) of a 3-channel image; a 1-channel
     * image is its own luminance; other channel counts use the channel mean.
     */
    static double[] luminance(Image img) {
        int h = img.height();
        int w = img.width();
        double[] y = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int x = 0; x < w; x++) {
                double v;
                if (img.channels() == 3) {
                    v = 0.299 * img.get(0, r, x) + 0.587 * img.get(1, r, x) + 0.114 * img.get(2, r, x);
                } else {
                    v = 0;
                    for (int c = 0; c < img.channels(); c++) {
                        v += img.get(c, r, x);
                    }
                    v /= img.channels();
                }
                y[r * w + x] = v;
            }
        }
        return y;
    }

    /** Channel 0 of a 1×H×W image. */
    static double[] first(Image img) {
        return img.channel(0).toArray();
    }

    /**
     * scipy {@code gaussian_filter(p, sigma, mode='nearest', truncate=4)}: separable, radius
     * int(4σ + 0.5), edge samples replicated.
     */
    static double[] gaussianNearest(double[] p, int h, int w, double sigma) {
        return PlaneFilters.separable(p, h, w, PlaneFilters.gaussianKernel(sigma, 4.0), PlaneFilters.Border.NEAREST);
    }

    static int clamp(int i, int n) {
        return Math.min(n - 1, Math.max(0, i));
    }
}
