package org.dip4j.tasks.blend.baseline;

import org.dip4j.api.Image;
import org.dip4j.tasks.blend.baseline.Pyramid.Plane;

/**
 * Laplacian pyramid blending (Burt and Adelson 1983) in double precision, with OpenCV's
 * {@code pyrDown}/{@code pyrUp}: Gaussian pyramids G0..Gn of fg, bg and the 0/1 mask;
 * L_k = G_k − pyrUp(G_{k+1}) and L_n = G_n; LS_k = Gm_k·La_k + (1 − Gm_k)·Lb_k; collapsed from
 * the top with R = pyrUp(R) + LS_k; finally clipped to [0, 1].
 */
public final class LaplacianBlend implements Blender {
    private final int levels;

    /** Blending with {@code levels} pyramid reductions (the golden {@code laplacian_pyr5} uses 5). */
    public LaplacianBlend(int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("levels must be ≥ 0, got " + levels);
        }
        this.levels = levels;
    }

    @Override
    public Image blend(Image fg, Image bg, Image mask) {
        BlendInputsCheck.check(fg, bg, mask);
        int h = fg.height();
        int w = fg.width();
        boolean[] in = BlendInputsCheck.inside(mask);
        double[] m = new double[h * w];
        for (int i = 0; i < m.length; i++) {
            m[i] = in[i] ? 1.0 : 0.0;
        }
        Plane[] gm = gaussian(new Plane(m, h, w));
        double[] out = new double[fg.size()];
        for (int c = 0; c < fg.channels(); c++) {
            Plane[] la = laplacian(gaussian(plane(fg, c)));
            Plane[] lb = laplacian(gaussian(plane(bg, c)));
            Plane r = null;
            for (int k = levels; k >= 0; k--) {
                Plane ls = mix(gm[k], la[k], lb[k]);
                if (r == null) {
                    r = ls;
                } else {
                    Plane up = Pyramid.up(r, ls.h(), ls.w());
                    double[] v = new double[ls.v().length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = up.v()[i] + ls.v()[i];
                    }
                    r = new Plane(v, ls.h(), ls.w());
                }
            }
            Plane top = java.util.Objects.requireNonNull(r, "a pyramid has at least one level");
            for (int i = 0; i < h * w; i++) {
                out[c * h * w + i] = Math.min(1.0, Math.max(0.0, top.v()[i]));
            }
        }
        return Image.of(fg.channels(), h, w, out);
    }

    private Plane[] gaussian(Plane p) {
        Plane[] g = new Plane[levels + 1];
        g[0] = p;
        for (int k = 1; k <= levels; k++) {
            g[k] = Pyramid.down(g[k - 1]);
        }
        return g;
    }

    private Plane[] laplacian(Plane[] g) {
        Plane[] l = new Plane[levels + 1];
        l[levels] = g[levels];
        for (int k = 0; k < levels; k++) {
            Plane up = Pyramid.up(g[k + 1], g[k].h(), g[k].w());
            double[] v = new double[g[k].v().length];
            for (int i = 0; i < v.length; i++) {
                v[i] = g[k].v()[i] - up.v()[i];
            }
            l[k] = new Plane(v, g[k].h(), g[k].w());
        }
        return l;
    }

    private static Plane mix(Plane m, Plane a, Plane b) {
        double[] v = new double[m.v().length];
        for (int i = 0; i < v.length; i++) {
            double mi = m.v()[i];
            v[i] = mi * a.v()[i] + (1 - mi) * b.v()[i];
        }
        return new Plane(v, m.h(), m.w());
    }

    private static Plane plane(Image img, int c) {
        int h = img.height();
        int w = img.width();
        double[] v = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = img.get(c, y, x);
            }
        }
        return new Plane(v, h, w);
    }
}
