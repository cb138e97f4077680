package org.dip4j.metrics.blend;

import java.util.Locale;
import org.dip4j.api.InvalidInputException;

/**
 * How the blending metrics take gradients of the luminance. Both estimate the derivative in
 * intensity per pixel (so ε is on that scale) and replicate edge pixels at the border.
 */
public enum GradientOperator {
    /** 3×3 Sobel, divided by 8: gx = ([1 2 1]ᵀ ⊗ [−1 0 1]) / 8, gy likewise. Config name {@code sobel}. */
    SOBEL,
    /** Central differences, gx = (f(x+1) − f(x−1)) / 2. Config name {@code central}. */
    CENTRAL;

    /** The operator named {@code name} in configuration ({@code sobel} or {@code central}). */
    public static GradientOperator fromConfig(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown gradient operator '" + name + "'; use 'sobel' or 'central'");
        }
    }

    /** Horizontal and vertical derivatives and the magnitude of a plane. */
    public record Gradient(double[] gx, double[] gy, double[] magnitude) {}

    /** The gradient of an H×W plane (row-major). */
    public Gradient apply(double[] p, int h, int w) {
        double[] gx = new double[p.length];
        double[] gy = new double[p.length];
        double[] mag = new double[p.length];
        for (int y = 0; y < h; y++) {
            int ym = Planes.clamp(y - 1, h) * w;
            int yp = Planes.clamp(y + 1, h) * w;
            int y0 = y * w;
            for (int x = 0; x < w; x++) {
                int xm = Planes.clamp(x - 1, w);
                int xp = Planes.clamp(x + 1, w);
                double dx;
                double dy;
                if (this == SOBEL) {
                    dx = ((p[ym + xp] - p[ym + xm]) + 2 * (p[y0 + xp] - p[y0 + xm]) + (p[yp + xp] - p[yp + xm])) / 8.0;
                    dy = ((p[yp + xm] - p[ym + xm]) + 2 * (p[yp + x] - p[ym + x]) + (p[yp + xp] - p[ym + xp])) / 8.0;
                } else {
                    dx = (p[y0 + xp] - p[y0 + xm]) / 2.0;
                    dy = (p[yp + x] - p[ym + x]) / 2.0;
                }
                gx[y0 + x] = dx;
                gy[y0 + x] = dy;
                mag[y0 + x] = Math.hypot(dx, dy);
            }
        }
        return new Gradient(gx, gy, mag);
    }
}
