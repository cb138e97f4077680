package org.dip4j.metrics.blend;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.dip4j.metrics.Psnr;
import org.dip4j.metrics.Ssim;
import org.dip4j.metrics.blend.GradientOperator.Gradient;
import org.jspecify.annotations.Nullable;

/**
 * The blending metrics of the report's supplementary A4 as plain functions, for the metric
 * plugins, the CLI's {@code score} command and the blend table. F is the fused image, A the
 * foreground, B the background; gradients G are taken on the luminance with the configured
 * {@link GradientOperator}; Ω_T is the {@link TransitionRegion}. A mean over an empty Ω_T is NaN.
 *
 * <ul>
 *   <li>GFF = mean over Ω_T of Q(x) = (2·G_F·G_S + ε²)/(G_F² + G_S² + ε²) · (1 + cos(θ_F − θ_S))/2,
 *       with G_S = max(G_A, G_B) and θ_S the direction of whichever of A and B is stronger (A on ties).
 *       ε² stabilises flat areas as C1/C2 do in SSIM; where G_F or G_S is zero the direction term
 *       is 1 (no direction to disagree with).</li>
 *   <li>GFP = mean over all N pixels of G_F / (max(G_A, G_B) + ε).</li>
 *   <li>BSI = mean over Ω_T of 1 / (|G_F − Gauss_σ(G_F)| + ε), Gauss_σ the Gaussian low-pass of the
 *       gradient magnitude with σ = {@code smoothing-sigma}.</li>
 *   <li>SSIM_T = mean over Ω_T of the SSIM map of F against B, averaged over channels.</li>
 *   <li>PSNR_bg = 10·log10(1 / MSE) of F against B over the pixels outside Ω_T and outside the
 *       mask (all channels): how well the blend keeps the background where nothing should change.</li>
 * </ul>
 */
public final class BlendMetrics {
    private BlendMetrics() {}

    /** GFF with the default settings of {@code gff}. */
    public static double gff(Image fused, Image fg, Image bg, Image mask) {
        return gff(fused, fg, bg, mask, null, BlendMetricOptions.defaults("gff"));
    }

    /** Gradient-based fusion factor over Ω_T; higher is better, at most 1. */
    public static double gff(Image fused, Image fg, Image bg, Image mask, @Nullable Image alpha, BlendMetricOptions o) {
        check(fused, fg, bg, mask);
        int h = fused.height();
        int w = fused.width();
        Gradient f = o.gradient().apply(Planes.luminance(fused), h, w);
        Gradient a = o.gradient().apply(Planes.luminance(fg), h, w);
        Gradient b = o.gradient().apply(Planes.luminance(bg), h, w);
        boolean[] region = o.transition().pixels(mask, alpha);
        double c = o.epsilon() * o.epsilon();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < region.length; i++) {
            if (!region[i]) {
                continue;
            }
            boolean aWins = a.magnitude()[i] >= b.magnitude()[i];
            double gs = aWins ? a.magnitude()[i] : b.magnitude()[i];
            double sx = aWins ? a.gx()[i] : b.gx()[i];
            double sy = aWins ? a.gy()[i] : b.gy()[i];
            double gf = f.magnitude()[i];
            double strength = (2 * gf * gs + c) / (gf * gf + gs * gs + c);
            double cos = gf == 0 || gs == 0 ? 1.0 : (f.gx()[i] * sx + f.gy()[i] * sy) / (gf * gs);
            sum += strength * (1 + cos) / 2;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** GFP with the default settings of {@code gfp}. */
    public static double gfp(Image fused, Image fg, Image bg) {
        return gfp(fused, fg, bg, BlendMetricOptions.defaults("gfp"));
    }

    /** Gradient fusion performance over all pixels; higher means more source variation kept. */
    public static double gfp(Image fused, Image fg, Image bg, BlendMetricOptions o) {
        checkSame(fused, fg, "foreground");
        checkSame(fused, bg, "background");
        int h = fused.height();
        int w = fused.width();
        double[] f = o.gradient().apply(Planes.luminance(fused), h, w).magnitude();
        double[] a = o.gradient().apply(Planes.luminance(fg), h, w).magnitude();
        double[] b = o.gradient().apply(Planes.luminance(bg), h, w).magnitude();
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            sum += f[i] / (Math.max(a[i], b[i]) + o.epsilon());
        }
        return sum / f.length;
    }

    /** BSI with the default settings of {@code bsi}. */
    public static double bsi(Image fused, Image mask) {
        return bsi(fused, mask, null, BlendMetricOptions.defaults("bsi"));
    }

    /** Boundary smoothness index over Ω_T; higher means smoother gradients, at most 1/ε. */
    public static double bsi(Image fused, Image mask, @Nullable Image alpha, BlendMetricOptions o) {
        checkMask(fused, mask);
        int h = fused.height();
        int w = fused.width();
        double[] g = o.gradient().apply(Planes.luminance(fused), h, w).magnitude();
        double[] smooth = Planes.gaussianNearest(g, h, w, o.smoothingSigma());
        boolean[] region = o.transition().pixels(mask, alpha);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < g.length; i++) {
            if (region[i]) {
                sum += 1.0 / (Math.abs(g[i] - smooth[i]) + o.epsilon());
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** SSIM_T with the default settings of {@code ssim_masked}. */
    public static double ssimMasked(Image fused, Image bg, Image mask) {
        return ssimMasked(fused, bg, mask, null, BlendMetricOptions.defaults("ssim_masked"));
    }

    /** Mean over Ω_T of the channel-averaged SSIM map of the fused image against the background. */
    public static double ssimMasked(Image fused, Image bg, Image mask, @Nullable Image alpha, BlendMetricOptions o) {
        checkSame(fused, bg, "background");
        checkMask(fused, mask);
        Image map = Ssim.map(fused, bg, o.ssimVariant());
        boolean[] region = o.transition().pixels(mask, alpha);
        int w = fused.width();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < region.length; i++) {
            if (!region[i]) {
                continue;
            }
            double s = 0;
            for (int c = 0; c < map.channels(); c++) {
                s += map.get(c, i / w, i % w);
            }
            sum += s / map.channels();
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** PSNR_bg with the default settings of {@code psnr_bg}. */
    public static double psnrBackground(Image fused, Image bg, Image mask) {
        return psnrBackground(fused, bg, mask, null, BlendMetricOptions.defaults("psnr_bg"));
    }

    /**
     * PSNR (data range 1, all channels) of the fused image against the background over the pixels
     * outside Ω_T and outside the mask, where a blend should leave the background as it is;
     * +∞ when they are equal there, NaN when no pixel is left.
     */
    public static double psnrBackground(Image fused, Image bg, Image mask, @Nullable Image alpha,
            BlendMetricOptions o) {
        checkSame(fused, bg, "background");
        checkMask(fused, mask);
        boolean[] transition = o.transition().pixels(mask, alpha);
        double[] m = Planes.first(mask);
        double[] region = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            region[i] = !transition[i] && m[i] <= 0.5 ? 1.0 : 0.0;
        }
        return Psnr.masked(bg, fused, Image.of(1, mask.height(), mask.width(), region));
    }

    private static void check(Image fused, Image fg, Image bg, Image mask) {
        checkSame(fused, fg, "foreground");
        checkSame(fused, bg, "background");
        checkMask(fused, mask);
    }

    private static void checkSame(Image fused, Image other, String what) {
        if (!fused.sameShape(other)) {
            throw new InvalidInputException("the fused image " + fused.shape() + " and the " + what + " "
                    + other.shape() + " must have the same shape");
        }
    }

    private static void checkMask(Image fused, Image mask) {
        if (mask.height() != fused.height() || mask.width() != fused.width()) {
            throw new InvalidInputException("mask " + mask.shape() + " does not match the fused image " + fused.shape());
        }
    }
}
