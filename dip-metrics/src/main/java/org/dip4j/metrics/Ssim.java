package org.dip4j.metrics;

import java.util.Locale;
import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.dip4j.internal.PlaneFilters;

/**
 * The structural similarity index of Wang et al. (2004), following scikit-image's
 * {@code structural_similarity(a, b, channel_axis=-1, data_range=1)} to the last detail:
 * local means, variances and covariance from a separable window filter with scipy's
 * {@code reflect} border (half-sample symmetric, … b a | a b …), K1 = 0.01, K2 = 0.03,
 * C1 = K1², C2 = K2², the SSIM map cropped by the window radius before averaging, and the
 * result averaged over channels.
 *
 * <p>Both settings of the golden values are available as {@link Variant}s.
 */
public final class Ssim {
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private Ssim() {}

    /** The window settings. */
    public enum Variant {
        /**
         * scikit-image's defaults: 7×7 uniform window, sample covariance (× 49/48), crop 3.
         * Config name {@code default}.
         */
        DEFAULT_UNIFORM7("default", uniformKernel(7), 49.0 / 48.0),
        /**
         * The paper's settings: Gaussian window σ = 1.5 truncated at 3.5σ (radius 5, 11×11),
         * population covariance, crop 5. Config name {@code wang}.
         */
        WANG_GAUSSIAN("wang", gaussianKernel(1.5, 3.5), 1.0);

        private final String configName;
        private final double[] kernel;
        private final double covarianceNorm;

        Variant(String configName, double[] kernel, double covarianceNorm) {
            this.configName = configName;
            this.kernel = kernel;
            this.covarianceNorm = covarianceNorm;
        }

        /** The name used in configuration: {@code default} or {@code wang}. */
        public String configName() {
            return configName;
        }

        /** Pixels cropped from each side of the map before averaging: the window radius. */
        public int crop() {
            return kernel.length / 2;
        }

        /** The variant whose {@link #configName()} is {@code name} (case-insensitive). */
        public static Variant fromConfig(String name) {
            for (Variant v : values()) {
                if (v.configName.equals(name.toLowerCase(Locale.ROOT))) {
                    return v;
                }
            }
            throw new InvalidInputException("unknown SSIM variant '" + name + "'; use 'wang' or 'default'");
        }
    }

    /** Mean SSIM of {@code a} and {@code b}: per channel the mean of the cropped map, then the mean over channels. */
    public static double compute(Image a, Image b, Variant variant) {
        checkShapes(a, b, variant);
        int h = a.height();
        int w = a.width();
        int r = variant.crop();
        double total = 0;
        for (int c = 0; c < a.channels(); c++) {
            double[] s = channelMap(a, b, c, variant);
            double sum = 0;
            for (int y = r; y < h - r; y++) {
                for (int x = r; x < w - r; x++) {
                    sum += s[y * w + x];
                }
            }
            total += sum / ((double) (h - 2 * r) * (w - 2 * r));
        }
        return total / a.channels();
    }

    /**
     * The full, uncropped SSIM map, one plane per channel (C×H×W). Border values use the
     * reflected window as scikit-image's {@code full=True} map does.
     */
    public static Image map(Image a, Image b, Variant variant) {
        checkShapes(a, b, variant);
        int plane = a.height() * a.width();
        double[] out = new double[a.channels() * plane];
        for (int c = 0; c < a.channels(); c++) {
            System.arraycopy(channelMap(a, b, c, variant), 0, out, c * plane, plane);
        }
        return Image.of(a.channels(), a.height(), a.width(), out);
    }

    private static void checkShapes(Image a, Image b, Variant variant) {
        if (!a.sameShape(b)) {
            throw new InvalidInputException("SSIM needs images of the same shape, got " + a.shape() + " and " + b.shape());
        }
        int win = variant.kernel.length;
        if (a.height() < win || a.width() < win) {
            throw new InvalidInputException("SSIM (" + variant.configName + ") needs images of at least "
                    + win + "×" + win + " pixels, got " + a.shape());
        }
    }

    private static double[] channelMap(Image a, Image b, int c, Variant variant) {
        int h = a.height();
        int w = a.width();
        int n = h * w;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                x[yy * w + xx] = a.get(c, yy, xx);
                y[yy * w + xx] = b.get(c, yy, xx);
            }
        }
        double[] xx2 = new double[n];
        double[] yy2 = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            xx2[i] = x[i] * x[i];
            yy2[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] k = variant.kernel;
        double[] ux = filter(x, h, w, k);
        double[] uy = filter(y, h, w, k);
        double[] uxx = filter(xx2, h, w, k);
        double[] uyy = filter(yy2, h, w, k);
        double[] uxy = filter(xy, h, w, k);
        double cn = variant.covarianceNorm;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double vx = cn * (uxx[i] - ux[i] * ux[i]);
            double vy = cn * (uyy[i] - uy[i] * uy[i]);
            double vxy = cn * (uxy[i] - ux[i] * uy[i]);
            double a1 = 2 * ux[i] * uy[i] + C1;
            double a2 = 2 * vxy + C2;
            double b1 = ux[i] * ux[i] + uy[i] * uy[i] + C1;
            double b2 = vx + vy + C2;
            s[i] = (a1 * a2) / (b1 * b2);
        }
        return s;
    }

    /** Separable correlation with {@code k}, SciPy's {@code reflect} border (half-sample symmetric). */
    private static double[] filter(double[] src, int h, int w, double[] k) {
        return PlaneFilters.separable(src, h, w, k, PlaneFilters.Border.REFLECT);
    }

    private static double[] uniformKernel(int size) {
        return PlaneFilters.uniformKernel(size);
    }

    private static double[] gaussianKernel(double sigma, double truncate) {
        return PlaneFilters.gaussianKernel(sigma, truncate);
    }
}
