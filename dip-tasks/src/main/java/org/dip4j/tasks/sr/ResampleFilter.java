package org.dip4j.tasks.sr;

import java.util.Locale;

/**
 * The interpolation kernels of Pillow's resampler, with their support at scale 1.
 *
 * <p>When downscaling, {@link PillowResize} stretches the kernel by the scale factor so that it
 * also low-pass filters (antialiasing); when upscaling the kernel is used as is.
 */
public enum ResampleFilter {
    /** Picks one source pixel; no weights. */
    NEAREST(0.0) {
        @Override
        double weight(double x) {
            return 0.0;
        }
    },
    /** The triangle (tent) kernel, support 1. */
    BILINEAR(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
    },
    /** Keys' cubic convolution kernel with a = −0.5, support 2. */
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            final double a = -0.5;
            double ax = Math.abs(x);
            if (ax < 1.0) {
                return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1.0;
            }
            if (ax < 2.0) {
                return (((ax - 5.0) * ax + 8.0) * ax - 4.0) * a;
            }
            return 0.0;
        }
    },
    /** The Lanczos windowed sinc with a = 3, support 3 (Pillow's LANCZOS, formerly ANTIALIAS). */
    LANCZOS(3.0) {
        @Override
        double weight(double x) {
            // Half-open window [-3, 3), as Pillow evaluates it.
            return x >= -3.0 && x < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0;
        }
    };

    private final double support;

    ResampleFilter(double support) {
        this.support = support;
    }

    /** The kernel's half-width in source pixels at scale 1. */
    public double support() {
        return support;
    }

    /** The kernel's unnormalised weight at distance {@code x} (in kernel units). */
    abstract double weight(double x);

    /** The lower-case name used in settings and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }
}
