package org.dip4j.tasks.blend.baseline;

import org.dip4j.internal.PlaneFilters;

import org.dip4j.api.Image;

/**
 * Feathered alpha compositing: α = the mask low-passed by a Gaussian (scipy
 * {@code gaussian_filter(m, sigma, mode='nearest', truncate)}), {@code out = α·fg + (1 − α)·bg}.
 * The golden {@code alpha_feather_s5} uses σ = 5, truncate 4 (41 taps).
 */
public final class FeatherBlend implements Blender {
    private final double[] kernel;

    /** Feathering with Gaussian σ (pixels) truncated at {@code truncate}·σ. */
    public FeatherBlend(double sigma, double truncate) {
        if (!(sigma > 0) || !(truncate > 0)) {
            throw new IllegalArgumentException("sigma and truncate must be positive");
        }
        this.kernel = PlaneFilters.gaussianKernel(sigma, truncate);
    }

    /** The soft mask α, 1×H×W. */
    public Image alpha(Image mask) {
        double[] m = new double[mask.height() * mask.width()];
        boolean[] in = BlendInputsCheck.inside(mask);
        for (int i = 0; i < m.length; i++) {
            m[i] = in[i] ? 1.0 : 0.0;
        }
        double[] a = PlaneFilters.separable(m, mask.height(), mask.width(), kernel, PlaneFilters.Border.NEAREST);
        return Image.of(1, mask.height(), mask.width(), a);
    }

    @Override
    public Image blend(Image fg, Image bg, Image mask) {
        BlendInputsCheck.check(fg, bg, mask);
        Image a = alpha(mask);
        return Image.generate(fg.channels(), fg.height(), fg.width(), (c, y, x) -> {
            double al = a.get(0, y, x);
            return al * fg.get(c, y, x) + (1 - al) * bg.get(c, y, x);
        });
    }
}
