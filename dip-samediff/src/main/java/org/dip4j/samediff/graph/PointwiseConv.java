package org.dip4j.samediff.graph;

import java.util.List;
import org.dip4j.samediff.plan.JavaStep;
import org.dip4j.samediff.plan.PlanStep;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 1×1 convolution of a 1×C×H×W map as one matrix product, y = Wᵀ·x + b with W (1×1×C×O) seen
 * as C×O and x as C×HW, for the plan executor. ND4J's convolution copies its input, output and
 * gradients into and out of oneDNN's blocked layouts on every call, which costs more than the
 * arithmetic of a 1×1 convolution (a 32-channel map at 128²: 1.6 ms forward against 0.85 ms as a
 * product). The gradient is two more products and a row sum: dx = W·dy, dW = x·dyᵀ, db = dy·1.
 */
public final class PointwiseConv extends PlanOnlyOp {
    static final String NAME = "dip4j_pointwise_conv";

    /** For SameDiff's copies. */
    public PointwiseConv() {
    }

    PointwiseConv(SameDiff sd, SDVariable x, SDVariable w, @Nullable SDVariable b) {
        super(sd, b == null ? new SDVariable[] {x, w} : new SDVariable[] {x, w, b});
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
        long[] s = in[0].shape();
        return List.of(LongShapeDescriptor.fromShape(new long[] {s[0], in[1].size(3), s[2], s[3]}, in[0].dataType()));
    }

    @Override
    public PlanStep bind(INDArray[] in, INDArray[] out) {
        Matrices m = Matrices.of(in[0], in[1], out[0]);
        INDArray bias = in.length > 2 ? in[2].reshape('c', in[2].length(), 1) : null;
        return new JavaStep("pointwise_conv", () -> {
            Nd4j.gemm(m.weights, m.map, m.result, true, false, 1.0, 0.0);
            if (bias != null) {
                m.result.addiColumnVector(bias);
            }
        });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable[] in = args();
        SDVariable[] gradientInputs = new SDVariable[in.length + 1];
        System.arraycopy(in, 0, gradientInputs, 0, in.length);
        gradientInputs[in.length] = gradients.get(0);
        return List.of(new Gradient(sameDiff, gradientInputs).outputVariables());
    }

    /** The operands as matrices: x as C×HW, W as C×O, y (or dy) as O×HW; views, no copies. */
    private record Matrices(INDArray map, INDArray weights, INDArray result) {
        static Matrices of(INDArray x, INDArray w, INDArray y) {
            return new Matrices(x.reshape('c', x.size(1), x.size(2) * x.size(3)), w.reshape('c', w.size(2), w.size(3)),
                    y.reshape('c', y.size(1), y.size(2) * y.size(3)));
        }
    }

    /** Inputs x, W, [b,] dL/dy; outputs dL/dx, dL/dW, [dL/db]. */
    public static final class Gradient extends PlanOnlyOp {
        static final String NAME = "dip4j_pointwise_conv_bp";

        /** For SameDiff's copies. */
        public Gradient() {
        }

        Gradient(SameDiff sd, SDVariable[] inputs) {
            super(sd, inputs);
        }

        @Override
        public String opName() {
            return NAME;
        }

        @Override
        public int getNumOutputs() {
            return args().length - 1;
        }

        @Override
        public List<LongShapeDescriptor> outputShapes(INDArray[] in) {
            return in.length == 4
                    ? List.of(shapeOf(in[0]), shapeOf(in[1]), shapeOf(in[2]))
                    : List.of(shapeOf(in[0]), shapeOf(in[1]));
        }

        private static LongShapeDescriptor shapeOf(INDArray a) {
            return LongShapeDescriptor.fromShape(a.shape(), a.dataType());
        }

        @Override
        public PlanStep bind(INDArray[] in, INDArray[] out) {
            INDArray dy = in[in.length - 1];
            Matrices forward = Matrices.of(in[0], in[1], dy);
            Matrices gradient = Matrices.of(out[0], out[1], dy);
            INDArray biasGradient = out.length > 2 ? out[2].reshape('c', out[2].length(), 1) : null;
            INDArray ones = biasGradient == null ? null : Nd4j.ones(dy.dataType(), forward.result.size(1), 1);
            return new JavaStep("pointwise_conv_bp", () -> {
                Nd4j.gemm(forward.weights, forward.result, gradient.map, false, false, 1.0, 0.0); // dx = W·dy
                Nd4j.gemm(forward.map, forward.result, gradient.weights, false, true, 1.0, 0.0); // dW = x·dyᵀ
                if (biasGradient != null) {
                    Nd4j.gemm(forward.result, ones, biasGradient, false, false, 1.0, 0.0); // db = dy·1
                }
            });
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            throw new UnsupportedOperationException("no second derivative of " + NAME);
        }
    }
}
