package org.dip4j.tasks.blend.baseline;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Poisson image editing (Pérez, Gangnet and Blake 2003), the textbook discrete equations on the
 * 4-neighbour grid. With Ω the mask and N_p the 4-neighbours of p inside the image, for every
 * p ∈ Ω:
 *
 * <pre>|N_p|·f_p − Σ_{q∈N_p∩Ω} f_q = Σ_{q∈N_p∖Ω} bg_q + Σ_{q∈N_p} v_pq</pre>
 *
 * <p>with the guidance {@code v_pq = fg_p − fg_q} (NORMAL, eq. 11) or, per channel, the larger in
 * magnitude of the background and foreground differences (MIXED, eq. 13). Outside Ω the output
 * is the background. An image-border pixel simply has fewer neighbours. Each channel is solved
 * exactly in double precision by EJML's sparse Cholesky factorisation (one factorisation, all
 * channels as right-hand sides), then clipped to [0, 1].
 */
public final class PoissonBlend implements Blender {
    /** Which guidance field. */
    public enum Guidance {
        /** The foreground's gradient: seamless cloning. */
        NORMAL,
        /** Per neighbour pair, whichever of the foreground and background gradient is stronger. */
        MIXED
    }

    private static final int[] DY = {-1, 1, 0, 0};
    private static final int[] DX = {0, 0, -1, 1};

    private final Guidance guidance;

    public PoissonBlend(Guidance guidance) {
        this.guidance = guidance;
    }

    @Override
    public Image blend(Image fg, Image bg, Image mask) {
        BlendInputsCheck.check(fg, bg, mask);
        int h = fg.height();
        int w = fg.width();
        int channels = fg.channels();
        boolean[] in = BlendInputsCheck.inside(mask);
        int[] index = NestedDissection.order(in, h, w);
        int n = 0;
        for (int i : index) {
            n = Math.max(n, i + 1);
        }
        double[] out = bg.toArray();
        if (n == 0) {
            return bg;
        }
        if (!everyRegionTouchesBackground(in, h, w)) {
            throw new InvalidInputException("Poisson blending needs background pixels next to every part of the mask;"
                    + " a mask region that fills its whole connected area of the image has no boundary condition");
        }
        DMatrixSparseTriplet triplet = new DMatrixSparseTriplet(n, n, 5 * n);
        DMatrixRMaj b = new DMatrixRMaj(n, channels);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = index[y * w + x];
                if (p < 0) {
                    continue;
                }
                int neighbours = 0;
                for (int d = 0; d < 4; d++) {
                    int qy = y + DY[d];
                    int qx = x + DX[d];
                    if (qy < 0 || qy >= h || qx < 0 || qx >= w) {
                        continue;
                    }
                    neighbours++;
                    int q = index[qy * w + qx];
                    if (q >= 0) {
                        triplet.addItem(p, q, -1.0);
                    }
                    for (int c = 0; c < channels; c++) {
                        double rhs = guide(fg, bg, c, y, x, qy, qx);
                        if (q < 0) {
                            rhs += bg.get(c, qy, qx);
                        }
                        b.add(p, c, rhs);
                    }
                }
                triplet.addItem(p, p, neighbours);
            }
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(triplet, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
        if (!solver.setA(a)) {
            throw new IllegalStateException("sparse Cholesky failed on a Poisson system that should be positive definite");
        }
        DMatrixRMaj f = new DMatrixRMaj(n, channels);
        solver.solve(b, f);
        int plane = h * w;
        for (int i = 0; i < plane; i++) {
            int p = index[i];
            if (p >= 0) {
                for (int c = 0; c < channels; c++) {
                    out[c * plane + i] = Math.min(1.0, Math.max(0.0, f.get(p, c)));
                }
            }
        }
        return Image.of(channels, h, w, out);
    }

    /**
     * The system is positive definite exactly when every 4-connected component of the mask has a
     * background pixel next to it (a Dirichlet condition); otherwise it is singular.
     */
    private static boolean everyRegionTouchesBackground(boolean[] in, int h, int w) {
        boolean[] visited = new boolean[in.length];
        int[] stack = new int[in.length];
        for (int start = 0; start < in.length; start++) {
            if (!in[start] || visited[start]) {
                continue;
            }
            boolean touches = false;
            int top = 0;
            stack[top++] = start;
            visited[start] = true;
            while (top > 0) {
                int p = stack[--top];
                int y = p / w;
                int x = p % w;
                for (int d = 0; d < 4; d++) {
                    int qy = y + DY[d];
                    int qx = x + DX[d];
                    if (qy < 0 || qy >= h || qx < 0 || qx >= w) {
                        continue;
                    }
                    int q = qy * w + qx;
                    if (!in[q]) {
                        touches = true;
                    } else if (!visited[q]) {
                        visited[q] = true;
                        stack[top++] = q;
                    }
                }
            }
            if (!touches) {
                return false;
            }
        }
        return true;
    }

    private double guide(Image fg, Image bg, int c, int py, int px, int qy, int qx) {
        double dFg = fg.get(c, py, px) - fg.get(c, qy, qx);
        if (guidance == Guidance.NORMAL) {
            return dFg;
        }
        double dBg = bg.get(c, py, px) - bg.get(c, qy, qx);
        return Math.abs(dBg) > Math.abs(dFg) ? dBg : dFg;
    }
}
