package org.dip4j.tasks.blend.baseline;

import org.dip4j.internal.PlaneFilters;

/**
 * OpenCV's {@code pyrDown} and {@code pyrUp} on one plane in double precision: the 5-tap
 * binomial kernel [1 4 6 4 1]/16 applied separably with {@code BORDER_REFLECT_101}.
 */
final class Pyramid {
    private static final double[] KERNEL = {1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0};
    private static final double[] UP_KERNEL = {2 / 16.0, 8 / 16.0, 12 / 16.0, 8 / 16.0, 2 / 16.0};

    private Pyramid() {}

    /** A plane with its size. */
    record Plane(double[] v, int h, int w) {}

    /** Blur, then keep the even rows and columns: size ((h+1)/2, (w+1)/2). */
    static Plane down(Plane p) {
        double[] blurred = PlaneFilters.separable(p.v, p.h, p.w, KERNEL, PlaneFilters.Border.REFLECT_101);
        int h = (p.h + 1) / 2;
        int w = (p.w + 1) / 2;
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = blurred[(2 * y) * p.w + 2 * x];
            }
        }
        return new Plane(out, h, w);
    }

    /**
     * Put the samples on the even rows and columns of a zero 2h×2w grid, blur with 2·kernel per
     * axis (reflect-101 on that grid), and crop to {@code dstH × dstW} (which must be 2h or 2h − 1,
     * likewise for the width).
     */
    static Plane up(Plane p, int dstH, int dstW) {
        int h2 = 2 * p.h;
        int w2 = 2 * p.w;
        if (dstH > h2 || dstH < h2 - 1 || dstW > w2 || dstW < w2 - 1) {
            throw new IllegalArgumentException("pyrUp of %d×%d cannot give %d×%d".formatted(p.h, p.w, dstH, dstW));
        }
        double[] grid = new double[h2 * w2];
        for (int y = 0; y < p.h; y++) {
            for (int x = 0; x < p.w; x++) {
                grid[(2 * y) * w2 + 2 * x] = p.v[y * p.w + x];
            }
        }
        double[] blurred = PlaneFilters.separable(grid, h2, w2, UP_KERNEL, PlaneFilters.Border.REFLECT_101);
        double[] out = new double[dstH * dstW];
        for (int y = 0; y < dstH; y++) {
            System.arraycopy(blurred, y * w2, out, y * dstW, dstW);
        }
        return new Plane(out, dstH, dstW);
    }
}
