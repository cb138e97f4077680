package org.dip4j.metrics.blend;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The transition region Ω_T of a blend, which the report leaves open. We define it from a
 * soft map α: Ω_T = {x : low &lt; α(x) &lt; high}. When the problem supplies α (auxiliary image
 * {@code alpha}) it is used; otherwise α is the coarse 0/1 mask low-passed by a Gaussian of
 * standard deviation σ (scipy {@code gaussian_filter(mask, σ, mode='nearest', truncate=4)}). With
 * σ = 5 and 0.05/0.95 this is a band of about ±8 px around the mask edge.
 *
 * @param sigma Gaussian σ in pixels for α from the mask
 * @param low lower bound on α, exclusive
 * @param high upper bound on α, exclusive
 */
public record TransitionRegion(double sigma, double low, double high) {
    public TransitionRegion {
        if (!(sigma > 0) || !(low < high)) {
            throw new InvalidInputException("transition region needs sigma > 0 and low < high, got sigma=" + sigma
                    + ", low=" + low + ", high=" + high);
        }
    }

    /** α = the mask (thresholded at 0.5) low-passed by the Gaussian, 1×H×W. */
    public Image softMask(Image mask) {
        double[] m = Planes.first(mask);
        for (int i = 0; i < m.length; i++) {
            m[i] = m[i] > 0.5 ? 1.0 : 0.0;
        }
        return Image.of(1, mask.height(), mask.width(), Planes.gaussianNearest(m, mask.height(), mask.width(), sigma));
    }

    /** Ω_T as a flag per pixel: from {@code alpha} when given, else from {@link #softMask(Image)}. */
    public boolean[] pixels(Image mask, @Nullable Image alpha) {
        Image a = alpha != null ? alpha : softMask(mask);
        if (a.height() != mask.height() || a.width() != mask.width()) {
            throw new InvalidInputException("alpha " + a.shape() + " does not match mask " + mask.shape());
        }
        double[] v = Planes.first(a);
        boolean[] in = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            in[i] = v[i] > low && v[i] < high;
        }
        return in;
    }
}
