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
            return Planes.perPlane(opName(), in[0], out[0], (a, b) -> forward(a, h, w, b));
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
            return Planes.perPlane(op.opName() + "_bp", in[1], out[0], (g, gx) -> op.transpose(g, h, w, gx));
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
    }
}
