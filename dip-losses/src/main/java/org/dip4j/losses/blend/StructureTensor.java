package org.dip4j.losses.blend;

import org.dip4j.api.Image;

/**
 * The background's dominant texture direction, computed on the host once per run (B is constant).
 *
 * <p>With forward differences gx, gy on the (H−1)×(W−1) grid of {@link GraphOps#forwardDifferences},
 * summed over channels: J_xx = G_σ * Σ gx², J_xy = G_σ * Σ gx·gy, J_yy = G_σ * Σ gy² (Gaussian
 * G_σ, replicate border). θ = ½·atan2(2J_xy, J_xx − J_yy) is the direction of strongest change
 * and t = (−sin θ, cos θ) (x, y components) the tangent along the texture. Where B is flat, θ = 0.
 */
public final class StructureTensor {
    private StructureTensor() {}

    /**
     * The tangent field t(x) of an image on its (H−1)×(W−1) difference grid.
     *
     * @param tx x components, row-major (H−1)×(W−1)
     * @param ty y components, row-major (H−1)×(W−1)
     */
    public record Tangent(double[] tx, double[] ty, int height, int width) {}

    /** The tangent field of {@code image} with the tensor smoothed by a Gaussian of {@code sigma} px. */
    public static Tangent tangent(Image image, double sigma) {
        int h = image.height() - 1;
        int w = image.width() - 1;
        double[] jxx = new double[h * w];
        double[] jxy = new double[h * w];
        double[] jyy = new double[h * w];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double here = image.get(c, y, x);
                    double gx = image.get(c, y, x + 1) - here;
                    double gy = image.get(c, y + 1, x) - here;
                    int i = y * w + x;
                    jxx[i] += gx * gx;
                    jxy[i] += gx * gy;
                    jyy[i] += gy * gy;
                }
            }
        }
        double[] kernel = Kernels.gaussian(sigma);
        jxx = Kernels.filterPlane(jxx, h, w, kernel);
        jxy = Kernels.filterPlane(jxy, h, w, kernel);
        jyy = Kernels.filterPlane(jyy, h, w, kernel);
        double[] tx = new double[h * w];
        double[] ty = new double[h * w];
        for (int i = 0; i < tx.length; i++) {
            double theta = 0.5 * Math.atan2(2 * jxy[i], jxx[i] - jyy[i]);
            tx[i] = -Math.sin(theta);
            ty[i] = Math.cos(theta);
        }
        return new Tangent(tx, ty, h, w);
    }
}
