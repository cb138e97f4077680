package org.dip4j.samediff.graph;

import java.util.List;
import org.dip4j.samediff.plan.JavaStep;
import org.dip4j.samediff.plan.PlanStep;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * A k×k convolution of a 1×C×H×W float map run by oneDNN directly ({@link OneDnnConvKernel}),
 * for the plan executor: inputs x, W (kH×kW×C×O, SameDiff's layout), optionally b; t-args stride
 * and zero padding. The gradient is {@link Gradient}.
 */
public final class OneDnnConv extends PlanOnlyOp {
    static final String NAME = "dip4j_onednn_conv";

    /** For SameDiff's copies. */
    public OneDnnConv() {
    }

    OneDnnConv(SameDiff sd, SDVariable x, SDVariable w, @Nullable SDVariable b, int stride, int padding) {
        super(sd, b == null ? new SDVariable[] {x, w} : new SDVariable[] {x, w, b}, stride, padding);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    private int stride() {
        return tArguments.get(0).intValue();
    }

    private int padding() {
        return tArguments.get(1).intValue();
    }

    @Override
    public List<LongShapeDescriptor> outputShapes(INDArray[] in) {
        OneDnnConvKernel.Geometry g = OneDnnConvKernel.Geometry.of(in[0], in[1], stride(), padding());
        return List.of(LongShapeDescriptor.fromShape(g.outputShape(), in[0].dataType()));
    }

    @Override
    public PlanStep bind(INDArray[] in, INDArray[] out) {
        OneDnnConvKernel kernel = new OneDnnConvKernel(OneDnnConvKernel.Geometry.of(in[0], in[1], stride(), padding()),
                in.length > 2);
        return new JavaStep("onednn_conv", kernel.forward(in[0], in[1], in.length > 2 ? in[2] : null, out[0]));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        return List.of(new Gradient(sameDiff, withGradient(args(), gradients.get(0)), stride(), padding()).outputVariables());
    }

    /** Inputs x, W, [b,] dL/dy; outputs dL/dx, dL/dW, [dL/db]. */
    public static final class Gradient extends PlanOnlyOp {
        static final String NAME = "dip4j_onednn_conv_bp";

        /** For SameDiff's copies. */
        public Gradient() {
        }

        Gradient(SameDiff sd, SDVariable[] inputs, int stride, int padding) {
            super(sd, inputs, stride, padding);
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
            return parameterGradientShapes(in);
        }

        @Override
        public PlanStep bind(INDArray[] in, INDArray[] out) {
            boolean bias = in.length == 4;
            OneDnnConvKernel kernel = new OneDnnConvKernel(OneDnnConvKernel.Geometry.of(in[0], in[1],
                    tArguments.get(0).intValue(), tArguments.get(1).intValue()), bias);
            return new JavaStep("onednn_conv_bp", kernel.backward(in[0], in[1], in[in.length - 1], out[0], out[1],
                    bias ? out[2] : null));
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            throw new UnsupportedOperationException("no second derivative of " + NAME);
        }
    }
}
