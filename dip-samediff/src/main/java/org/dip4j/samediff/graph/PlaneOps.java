package org.dip4j.samediff.graph;

import java.util.List;
import org.dip4j.samediff.plan.PlanStep;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * Per-plane ops of plan graphs with Java kernels: reflection padding (PyTorch's ReflectionPad2d;
 * SameDiff M2.1's REFLECT pad has a wrong gradient, and building it from slices costs 16 native
 * ops each way) and ×2 bilinear upsampling with {@code align_corners=False} (M2.1 cannot
 * differentiate its resize; the native stand-in is three ops each way). Each op's gradient is the
 * transpose of its linear map, also a Java kernel.
 */
final class PlaneOps {
    private PlaneOps() {
    }

    /** Maps h×w planes to the output planes; {@link #transpose} is its adjoint. */
    abstract static class LinearPlaneOp extends PlanOnlyOp {
        LinearPlaneOp() {
        }

        LinearPlaneOp(SameDiff sd, SDVariable x, double... tArgs) {
            super(sd, new SDVariable[] {x}, tArgs);
        }

        @Override
        public int getNumOutputs() {
            return 1;
        }

        /** Output plane size for an h×w input plane. */
        abstract long[] outputSize(long h, long w);

        abstract void forward(double[] in, int h, int w, double[] out);

        abstract void transpose(double[] gradOut, int h, int w, double[] gradIn);

        /** The same maps in float arithmetic, for float graphs (no widening copies). */
        abstract void forward(float[] in, int h, int w, float[] out);

        abstract void transpose(float[] gradOut, int h, int w, float[] gradIn);

        @Override
        public List<LongShapeDescriptor> outputShapes(INDArray[] in) {
            long[] s = in[0].shape();
            long[] hw = outputSize(s[2], s[3]);
            return List.of(LongShapeDescriptor.fromShape(new long[] {s[0], s[1], hw[0], hw[1]}, in[0].dataType()));
        }

        @Override
        public PlanStep bind(INDArray[] in, INDArray[] out) {
            int h = (int) in[0].size(2);
            int w = (int) in[0].size(3);
            return Planes.perPlane(opName(), in[0], out[0], (a, b) -> forward(a, h, w, b), (a, b) -> forward(a, h, w, b));
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            return List.of(new Transpose(sameDiff, this, args()[0], gradients.get(0)).outputVariables()[0]);
        }
    }

    /** The gradient of a {@link LinearPlaneOp}: inputs x (for its shape) and dL/dy; output dL/dx. */
    public static final class Transpose extends PlanOnlyOp {
        static final String NAME = "dip4j_plane_transpose";
        private static final double PAD = 0;
        private static final double UPSAMPLE = 1;

        /** For SameDiff's copies. */
        public Transpose() {
        }

        Transpose(SameDiff sd, LinearPlaneOp of, SDVariable x, SDVariable gradient) {
            super(sd, new SDVariable[] {x, gradient}, of instanceof ReflectionPad ? PAD : UPSAMPLE,
                    of.numTArguments() == 0 ? 0 : of.tArgs()[0]);
        }

        private LinearPlaneOp forwardOp() {
            return tArguments.get(0) == PAD ? new ReflectionPad(tArguments.get(1)) : new BilinearUpsample2x();
        }

        @Override
        public String opName() {
            return NAME;
        }

        @Override
        public int getNumOutputs() {
            return 1;
        }

        @Override
        public List<LongShapeDescriptor> outputShapes(INDArray[] in) {
            return List.of(LongShapeDescriptor.fromShape(in[0].shape(), in[0].dataType()));
        }

        @Override
        public PlanStep bind(INDArray[] in, INDArray[] out) {
            LinearPlaneOp op = forwardOp();
            int h = (int) in[0].size(2);
            int w = (int) in[0].size(3);
            return Planes.perPlane(op.opName() + "_bp", in[1], out[0], (g, gx) -> op.transpose(g, h, w, gx),
                    (g, gx) -> op.transpose(g, h, w, gx));
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            throw new UnsupportedOperationException("no second derivative of " + NAME);
        }
    }

    /** Reflection padding by p pixels on each side, as PyTorch's ReflectionPad2d (t-arg: p). */
    public static final class ReflectionPad extends LinearPlaneOp {
        static final String NAME = "dip4j_reflection_pad";

        /** For SameDiff's copies. */
        public ReflectionPad() {
        }

        ReflectionPad(double p) {
            addTArgument(p);
        }

        ReflectionPad(SameDiff sd, SDVariable x, int p) {
            super(sd, x, p);
        }

        @Override
        public String opName() {
            return NAME;
        }

        private int p() {
            return (int) (double) tArguments.get(0);
        }

        @Override
        long[] outputSize(long h, long w) {
            return new long[] {h + 2L * p(), w + 2L * p()};
        }

        private static int reflect(int i, int n) {
            return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
        }

        @Override
        void forward(double[] in, int h, int w, double[] out) {
            int p = p();
            int wo = w + 2 * p;
            for (int r = 0; r < h + 2 * p; r++) {
                int src = reflect(r - p, h) * w;
                int dst = r * wo;
                for (int c = 0; c < p; c++) {
                    out[dst + c] = in[src + reflect(c - p, w)];
                }
                System.arraycopy(in, src, out, dst + p, w);
                for (int c = w + p; c < wo; c++) {
                    out[dst + c] = in[src + reflect(c - p, w)];
                }
            }
        }

        @Override
        void transpose(double[] g, int h, int w, double[] gx) {
            int p = p();
            int wo = w + 2 * p;
            java.util.Arrays.fill(gx, 0, h * w, 0);
            for (int r = 0; r < h + 2 * p; r++) {
                int dst = reflect(r - p, h) * w;
                int src = r * wo;
                for (int c = 0; c < wo; c++) {
                    gx[dst + reflect(c - p, w)] += g[src + c];
                }
            }
        }

        @Override
        void forward(float[] in, int h, int w, float[] out) {
            int p = p();
            int wo = w + 2 * p;
            for (int r = 0; r < h + 2 * p; r++) {
                int src = reflect(r - p, h) * w;
                int dst = r * wo;
                for (int c = 0; c < p; c++) {
                    out[dst + c] = in[src + reflect(c - p, w)];
                }
                System.arraycopy(in, src, out, dst + p, w);
                for (int c = w + p; c < wo; c++) {
                    out[dst + c] = in[src + reflect(c - p, w)];
                }
            }
        }

        @Override
        void transpose(float[] g, int h, int w, float[] gx) {
            int p = p();
            int wo = w + 2 * p;
            // The h unreflected rows first, copied; then the 2p reflected rows added onto theirs.
            for (int r = p; r < h + p; r++) {
                foldRow(g, r * wo, gx, (r - p) * w, w, p, false);
            }
            for (int r = 0; r < h + 2 * p; r++) {
                if (r < p || r >= h + p) {
                    foldRow(g, r * wo, gx, reflect(r - p, h) * w, w, p, true);
                }
            }
        }

        /** Folds one padded row (wo = w + 2p values at src) onto the w values at dst. */
        private static void foldRow(float[] g, int src, float[] gx, int dst, int w, int p, boolean add) {
            if (add) {
                for (int c = 0; c < w; c++) {
                    gx[dst + c] += g[src + p + c];
                }
            } else {
                System.arraycopy(g, src + p, gx, dst, w);
            }
            for (int c = 0; c < p; c++) {
                gx[dst + reflect(c - p, w)] += g[src + c];
                gx[dst + reflect(w + c, w)] += g[src + w + p + c];
            }
        }
    }

    /** ×2 bilinear upsampling with align_corners=False (edges replicated), per plane. */
    public static final class BilinearUpsample2x extends LinearPlaneOp {
        static final String NAME = "dip4j_bilinear_upsample2x";

        /** For SameDiff's copies. */
        public BilinearUpsample2x() {
        }

        BilinearUpsample2x(SameDiff sd, SDVariable x) {
            super(sd, x);
        }

        @Override
        public String opName() {
            return NAME;
        }

        @Override
        long[] outputSize(long h, long w) {
            return new long[] {2 * h, 2 * w};
        }

        // Output index 2i takes 3/4 of input i and 1/4 of i−1; 2i+1 takes 3/4 of i and 1/4 of i+1
        // (indices clamped to the plane): PyTorch's align_corners=False sampling at a factor of 2.

        @Override
        void forward(double[] in, int h, int w, double[] out) {
            int wo = 2 * w;
            double[] rowUp = Planes.doubleScratch(2, wo);
            for (int r = 0; r < 2 * h; r++) {
                int i = r >> 1;
                int j = (r & 1) == 0 ? Math.max(i - 1, 0) : Math.min(i + 1, h - 1);
                int a = i * w;
                int b = j * w;
                for (int c = 0; c < w; c++) {
                    double v = 0.75 * in[a + c] + 0.25 * in[b + c];
                    rowUp[c] = v;
                }
                int o = r * wo;
                for (int c = 0; c < w; c++) {
                    double left = rowUp[Math.max(c - 1, 0)];
                    double right = rowUp[Math.min(c + 1, w - 1)];
                    out[o + 2 * c] = 0.75 * rowUp[c] + 0.25 * left;
                    out[o + 2 * c + 1] = 0.75 * rowUp[c] + 0.25 * right;
                }
            }
        }

        @Override
        void transpose(double[] g, int h, int w, double[] gx) {
            int wo = 2 * w;
            double[] row = Planes.doubleScratch(2, w);
            java.util.Arrays.fill(gx, 0, h * w, 0);
            for (int r = 0; r < 2 * h; r++) {
                java.util.Arrays.fill(row, 0, w, 0);
                int o = r * wo;
                for (int c = 0; c < w; c++) {
                    double even = g[o + 2 * c];
                    double odd = g[o + 2 * c + 1];
                    row[c] += 0.75 * (even + odd);
                    row[Math.max(c - 1, 0)] += 0.25 * even;
                    row[Math.min(c + 1, w - 1)] += 0.25 * odd;
                }
                int i = r >> 1;
                int j = (r & 1) == 0 ? Math.max(i - 1, 0) : Math.min(i + 1, h - 1);
                int a = i * w;
                int b = j * w;
                for (int c = 0; c < w; c++) {
                    gx[a + c] += 0.75 * row[c];
                    gx[b + c] += 0.25 * row[c];
                }
            }
        }
    
        @Override
        void forward(float[] in, int h, int w, float[] out) {
            int wo = 2 * w;
            float[] rowUp = Planes.floatScratch(3, w);
            for (int r = 0; r < 2 * h; r++) {
                int i = r >> 1;
                int j = (r & 1) == 0 ? Math.max(i - 1, 0) : Math.min(i + 1, h - 1);
                int a = i * w;
                int b = j * w;
                for (int c = 0; c < w; c++) {
                    rowUp[c] = 0.75f * in[a + c] + 0.25f * in[b + c];
                }
                int o = r * wo;
                out[o] = rowUp[0];
                for (int c = 0; c < w - 1; c++) {
                    float between = 0.25f * rowUp[c] + 0.75f * rowUp[c + 1];
                    out[o + 2 * c + 1] = 0.75f * rowUp[c] + 0.25f * rowUp[c + 1];
                    out[o + 2 * c + 2] = between;
                }
                out[o + wo - 1] = rowUp[w - 1];
            }
        }

        @Override
        void transpose(float[] g, int h, int w, float[] gx) {
            int wo = 2 * w;
            float[] row = Planes.floatScratch(3, w);
            java.util.Arrays.fill(gx, 0, h * w, 0);
            for (int r = 0; r < 2 * h; r++) {
                int o = r * wo;
                // Column c gathers output columns 2c−1, 2c, 2c+1, 2c+2 (weights ¼, ¾, ¾, ¼), clamped at the edges.
                row[0] = g[o] + 0.75f * g[o + 1] + (w > 1 ? 0.25f * g[o + 2] : 0.25f * g[o + 1]);
                for (int c = 1; c < w - 1; c++) {
                    row[c] = 0.25f * g[o + 2 * c - 1] + 0.75f * (g[o + 2 * c] + g[o + 2 * c + 1]) + 0.25f * g[o + 2 * c + 2];
                }
                if (w > 1) {
                    row[w - 1] = 0.25f * g[o + wo - 3] + 0.75f * g[o + wo - 2] + g[o + wo - 1];
                }
                int i = r >> 1;
                int j = (r & 1) == 0 ? Math.max(i - 1, 0) : Math.min(i + 1, h - 1);
                int a = i * w;
                int b = j * w;
                for (int c = 0; c < w; c++) {
                    gx[a + c] += 0.75f * row[c];
                    gx[b + c] += 0.25f * row[c];
                }
            }
        }
    }
}
