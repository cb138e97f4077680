package org.dip4j.metrics;

import org.dip4j.api.Image;

/**
 * Peak signal-to-noise ratio with data range 1, in dB, on images in [0, 1]: the whole image, a
 * region, block-pooled, or the luma of the SR evaluation script.
 *
 * <p>Every variant is {@code 10·log10(1 / MSE)} with the MSE accumulated in double precision, so
 * identical images give {@code +Infinity}. Reference and candidate must have the same shape.
 *
 * <p><b>Regions</b> are 1×H×W images of the candidate's height and width; a pixel belongs to the
 * region when its value is above 0.5 (for a 0/1 mask: where it is 1), and then all of its
 * channels count. A region with no pixel in it gives {@code NaN}: there is nothing to measure.
 */
public final class Psnr {
    private Psnr() {}

    /**
     * PSNR over all samples, as scikit-image's {@code peak_signal_noise_ratio(a, b, data_range=1)}.
     */
    public static double psnr(Image reference, Image candidate) {
        requireSameShape(reference, candidate);
        double sum = 0;
        for (int c = 0; c < reference.channels(); c++) {
            for (int y = 0; y < reference.height(); y++) {
                for (int x = 0; x < reference.width(); x++) {
                    double d = reference.get(c, y, x) - candidate.get(c, y, x);
                    sum += d * d;
                }
            }
        }
        return fromMse(sum / reference.size());
    }

    /**
     * PSNR over the pixels of {@code region} and all channels:
     * {@code MSE = Σ_{p∈R} Σ_c (a − b)² / (C·|R|)}. {@code NaN} when the region is empty.
     */
    public static double masked(Image reference, Image candidate, Image region) {
        requireSameShape(reference, candidate);
        requireRegionFor(region, reference);
        double sum = 0;
        long pixels = 0;
        for (int y = 0; y < reference.height(); y++) {
            for (int x = 0; x < reference.width(); x++) {
                if (!inRegion(region, y, x)) {
                    continue;
                }
                pixels++;
                for (int c = 0; c < reference.channels(); c++) {
                    double d = reference.get(c, y, x) - candidate.get(c, y, x);
                    sum += d * d;
                }
            }
        }
        if (pixels == 0) {
            return Double.NaN;
        }
        return fromMse(sum / ((double) pixels * reference.channels()));
    }

    /**
     * Coarse PSNR: both images and the region are cropped to multiples of {@code factor} (keeping
     * the top-left corner), mean-pooled over non-overlapping {@code factor × factor} blocks, and
     * compared with {@link #masked} over the pooled pixels whose pooled region is strictly above
     * 0.5 (with factor 4, blocks with at least 9 of their 16 pixels in the region).
     * {@code NaN} when no block qualifies.
     */
    public static double coarse(Image reference, Image candidate, Image region, int factor) {
        requireSameShape(reference, candidate);
        requireRegionFor(region, reference);
        if (factor < 1) {
            throw new IllegalArgumentException("pooling factor must be at least 1, got " + factor);
        }
        int h = reference.height() - reference.height() % factor;
        int w = reference.width() - reference.width() % factor;
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("image %s is smaller than one %d×%d block"
                    .formatted(reference.shape(), factor, factor));
        }
        return masked(blockMean(reference, h, w, factor), blockMean(candidate, h, w, factor),
                blockMean(region, h, w, factor));
    }

    /**
     * PSNR of the luma, as the script that produced the paper's SR numbers computes it: on RGB in
     * [0, 1], {@code Y = 0.299 R + 0.587 G + 0.114 B}, rescaled to the studio range
     * {@code (Y·(235 − 16) + 16) / 255}, with {@code borderTopLeft} rows and columns dropped at the
     * top and left and {@code borderBottomRight} at the bottom and right, then compared with data
     * range 1. The script's {@code [first+4 : last-4]} slice of a full image is borders 4 and 5.
     */
    public static double yChannel(Image reference, Image candidate, int borderTopLeft, int borderBottomRight) {
        requireSameShape(reference, candidate);
        if (reference.channels() != 3) {
            throw new IllegalArgumentException("Y-channel PSNR needs RGB images, got " + reference.shape());
        }
        if (borderTopLeft < 0 || borderBottomRight < 0) {
            throw new IllegalArgumentException("borders must not be negative, got %d and %d"
                    .formatted(borderTopLeft, borderBottomRight));
        }
        int h = reference.height() - borderTopLeft - borderBottomRight;
        int w = reference.width() - borderTopLeft - borderBottomRight;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("borders %d and %d leave nothing of %s"
                    .formatted(borderTopLeft, borderBottomRight, reference.shape()));
        }
        return psnr(studioLuma(reference).crop(borderTopLeft, borderTopLeft, h, w),
                studioLuma(candidate).crop(borderTopLeft, borderTopLeft, h, w));
    }

    /** {@code 10·log10(1 / mse)}: {@code +Infinity} for an MSE of 0. */
    public static double fromMse(double mse) {
        return 10 * Math.log10(1.0 / mse);
    }

    private static Image studioLuma(Image rgb) {
        return Image.generate(1, rgb.height(), rgb.width(), (c, y, x) -> {
            double luma = 0.299 * rgb.get(0, y, x) + 0.587 * rgb.get(1, y, x) + 0.114 * rgb.get(2, y, x);
            return (luma * (235 - 16) + 16) / 255;
        });
    }

    /** The top-left {@code h × w} of {@code image}, averaged over {@code f × f} blocks. */
    private static Image blockMean(Image image, int h, int w, int f) {
        double area = (double) f * f;
        return Image.generate(image.channels(), h / f, w / f, (c, by, bx) -> {
            double sum = 0;
            for (int y = by * f; y < (by + 1) * f; y++) {
                for (int x = bx * f; x < (bx + 1) * f; x++) {
                    sum += image.get(c, y, x);
                }
            }
            return sum / area;
        });
    }

    private static boolean inRegion(Image region, int y, int x) {
        return region.get(0, y, x) > 0.5;
    }

    private static void requireSameShape(Image reference, Image candidate) {
        if (!reference.sameShape(candidate)) {
            throw new IllegalArgumentException(
                    "PSNR needs images of one shape, but the reference is %s and the candidate %s"
                            .formatted(reference.shape(), candidate.shape()));
        }
    }

    private static void requireRegionFor(Image region, Image image) {
        if (region.channels() != 1 || region.height() != image.height() || region.width() != image.width()) {
            throw new IllegalArgumentException("region must be 1×%d×%d to fit images of %s, got %s"
                    .formatted(image.height(), image.width(), image.shape(), region.shape()));
        }
    }
}
