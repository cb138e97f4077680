package org.dip4j.losses.blend;

/** Plain-Java evaluations of the A3 formulas, to compare the graphs with. */
final class HostOracle {
    private HostOracle() {}

    static double[] annealed(double[] alpha, double progress) {
        double[] t = new double[alpha.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = AnnealedAlpha.host(alpha[i], progress, 4.0, 1.0);
        }
        return t;
    }

    /** E[(1 − α_t)·d²] over C×H×W, d given per sample and α_t per pixel. */
    static double backgroundWeighted(double[] d, double[] alphaT, int c, int h, int w) {
        double sum = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < h * w; p++) {
                double v = d[ch * h * w + p];
                sum += (1 - alphaT[p]) * v * v;
            }
        }
        return sum / (c * h * w);
    }

    static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Each channel filtered with {@code kernel} along both axes, replicate border. */
    static double[] filterChannels(double[] x, int c, int h, int w, double[] kernel) {
        double[] out = new double[x.length];
        for (int ch = 0; ch < c; ch++) {
            double[] plane = java.util.Arrays.copyOfRange(x, ch * h * w, (ch + 1) * h * w);
            System.arraycopy(Kernels.filterPlane(plane, h, w, kernel), 0, out, ch * h * w, h * w);
        }
        return out;
    }

    /** s×s block means of a C×H×W array. */
    static double[] pool(double[] x, int c, int h, int w, int s) {
        int hs = h / s;
        int ws = w / s;
        double[] out = new double[c * hs * ws];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < hs; y++) {
                for (int xx = 0; xx < ws; xx++) {
                    double sum = 0;
                    for (int dy = 0; dy < s; dy++) {
                        for (int dx = 0; dx < s; dx++) {
                            sum += x[(ch * h + y * s + dy) * w + xx * s + dx];
                        }
                    }
                    out[(ch * hs + y) * ws + xx] = sum / (s * s);
                }
            }
        }
        return out;
    }

    /** E[α·(|Δgx| + |Δgy|)] over the C×(H−1)×(W−1) difference grid, α per pixel (H×W). */
    static double gradientL1(double[] f, double[] a, double[] alpha, int c, int h, int w) {
        double sum = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h - 1; y++) {
                for (int x = 0; x < w - 1; x++) {
                    int i = (ch * h + y) * w + x;
                    double dgx = (f[i + 1] - f[i]) - (a[i + 1] - a[i]);
                    double dgy = (f[i + w] - f[i]) - (a[i + w] - a[i]);
                    sum += alpha[y * w + x] * (Math.abs(dgx) + Math.abs(dgy));
                }
            }
        }
        return sum / (c * (h - 1) * (w - 1));
    }
}
