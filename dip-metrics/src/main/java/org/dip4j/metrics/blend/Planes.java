package org.dip4j.metrics.blend;

import org.dip4j.api.Image;

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
        int r = (int) (4.0 * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            k[t + r] = Math.exp(-0.5 * t * t / (sigma * sigma));
            sum += k[t + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        double[] tmp = new double[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = -r; t <= r; t++) {
                    acc += k[t + r] * p[clamp(y + t, h) * w + x];
                }
                tmp[y * w + x] = acc;
            }
        }
        double[] out = new double[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = -r; t <= r; t++) {
                    acc += k[t + r] * tmp[y * w + clamp(x + t, w)];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    static int clamp(int i, int n) {
        return Math.min(n - 1, Math.max(0, i));
    }
}
