package org.dip4j.tasks.blend;

import org.dip4j.api.Image;

/**
 * The soft transition map α of supplement A3: the binary mask low-pass filtered {@code passes}
 * times with a (2r + 1)² box average (separable, edge pixels replicated beyond the border).
 * Repeated box filtering converges to a Gaussian; n passes of radius r have standard deviation
 * σ = √(n·((2r + 1)² − 1)/12), so the transition band is about 2σ wide on each side of the mask
 * edge. α is 1 deeper than n·r pixels inside the mask, 0 as far outside, and stays in [0, 1].
 */
public final class SoftTransitionMap {
    private SoftTransitionMap() {}

    /** α from a 1×H×W mask of 0 and 1. */
    public static Image of(Image mask, int radius, int passes) {
        if (mask.channels() != 1) {
            throw new IllegalArgumentException("the mask must have one channel, got " + mask.shape());
        }
        if (radius < 0 || passes < 0) {
            throw new IllegalArgumentException("alpha radius and passes must be >= 0, got " + radius + ", " + passes);
        }
        int h = mask.height();
        int w = mask.width();
        double[] plane = mask.toArray();
        for (int p = 0; p < passes; p++) {
            plane = boxAlongX(plane, h, w, radius);
            plane = boxAlongY(plane, h, w, radius);
        }
        return Image.of(1, h, w, plane).clip01();
    }

    /** The standard deviation in pixels of {@code passes} box filters of {@code radius}. */
    public static double sigma(int radius, int passes) {
        int size = 2 * radius + 1;
        return Math.sqrt(passes * (size * size - 1) / 12.0);
    }

    private static double[] boxAlongX(double[] in, int h, int w, int r) {
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += in[y * w + Math.min(w - 1, Math.max(0, x + k))];
                }
                out[y * w + x] = s / (2 * r + 1);
            }
        }
        return out;
    }

    private static double[] boxAlongY(double[] in, int h, int w, int r) {
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += in[Math.min(h - 1, Math.max(0, y + k)) * w + x];
                }
                out[y * w + x] = s / (2 * r + 1);
            }
        }
        return out;
    }
}
