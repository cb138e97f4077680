package org.dip4j.samediff.graph;

import java.util.List;
import org.dip4j.samediff.plan.PlanStep;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * BatchNorm on the map's own statistics followed by LeakyReLU, as one op for the plan executor:
 * {@code y = lrelu(γ·(x − μ)/σ + β)} per channel of a 1×C×H×W map, with outputs y, μ and 1/σ
 * (the last two for the gradient). Its gradient is {@link Gradient}: both run as Java kernels
 * ({@link BatchNormLeakyReluKernel}) that make two passes over each channel while it is in cache,
 * where the native ops make about a dozen passes over the whole map.
 */
public final class BatchNormLeakyRelu extends PlanOnlyOp {
    static final String NAME = "dip4j_batchnorm_lrelu";

    /** For SameDiff's copies. */
    public BatchNormLeakyRelu() {
    }

    BatchNormLeakyRelu(SameDiff sd, SDVariable x, SDVariable gamma, SDVariable beta, double epsilon, double slope) {
        super(sd, new SDVariable[] {x, gamma, beta}, epsilon, slope);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 3;
    }

    @Override
    public List<LongShapeDescriptor> outputShapes(INDArray[] in) {
        long c = in[0].size(1);
        return List.of(LongShapeDescriptor.fromShape(in[0].shape(), in[0].dataType()),
                LongShapeDescriptor.fromShape(new long[] {c}, in[0].dataType()),
                LongShapeDescriptor.fromShape(new long[] {c}, in[0].dataType()));
    }

    @Override
    public PlanStep bind(INDArray[] in, INDArray[] out) {
        return BatchNormLeakyReluKernel.forward(in[0], in[1], in[2], out[0], out[1], out[2], tArguments.get(0),
                tArguments.get(1));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable[] in = args();
        SDVariable[] out = outputVariables();
        // Inputs x, γ, β; the gradients of μ and 1/σ (outputs only the gradient reads) are not used.
        return List.of(new Gradient(sameDiff, new SDVariable[] {in[0], in[1], in[2], out[0], out[1], out[2],
                gradients.get(0)}, tArguments.get(1)).outputVariables());
    }

    /** Inputs x, γ, β, y, μ, 1/σ, dL/dy; outputs dL/dx, dL/dγ, dL/dβ. */
    public static final class Gradient extends PlanOnlyOp {
        static final String NAME = "dip4j_batchnorm_lrelu_bp";

        /** For SameDiff's copies. */
        public Gradient() {
        }

        Gradient(SameDiff sd, SDVariable[] inputs, double slope) {
            super(sd, inputs, slope);
        }

        @Override
        public String opName() {
            return NAME;
        }

        @Override
        public int getNumOutputs() {
            return 3;
        }

        @Override
        public List<LongShapeDescriptor> outputShapes(INDArray[] in) {
            return List.of(LongShapeDescriptor.fromShape(in[0].shape(), in[0].dataType()),
                    LongShapeDescriptor.fromShape(in[1].shape(), in[1].dataType()),
                    LongShapeDescriptor.fromShape(in[2].shape(), in[2].dataType()));
        }

        @Override
        public PlanStep bind(INDArray[] in, INDArray[] out) {
            return BatchNormLeakyReluKernel.backward(in[0], in[1], in[3], in[4], in[5], in[6], out[0], out[1], out[2],
                    tArguments.get(0));
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            throw new UnsupportedOperationException("no second derivative of " + NAME);
        }
    }
}
