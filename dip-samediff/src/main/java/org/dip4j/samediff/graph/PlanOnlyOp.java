package org.dip4j.samediff.graph;

import java.util.ArrayList;
import java.util.List;
import org.dip4j.samediff.plan.PlanKernel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * An op with no native counterpart, run by the plan executor through its {@link PlanKernel}.
 * SameDiff M2.1 builds the gradient on a copy of the graph made through the op's serialised form,
 * looked up by op name; {@link NativeOps#install()} registers every such class under its name.
 * Its settings must therefore live in the op's arguments (t-args), which the copy keeps.
 */
abstract class PlanOnlyOp extends DynamicCustomOp implements PlanKernel {
    /** For SameDiff's copies. */
    PlanOnlyOp() {
    }

    PlanOnlyOp(SameDiff sd, SDVariable[] inputs, double... tArgs) {
        super(null, sd, inputs);
        addTArgument(tArgs);
    }

    /** No native op: a fixed hash keeps ND4J from looking one up. */
    @Override
    public long opHash() {
        return 0;
    }

    @Override
    public abstract int getNumOutputs();

    /** Everything is in the t-args; ND4J has no descriptor of this op to read properties from. */
    @Override
    public java.util.Map<String, Object> propertiesForFunction() {
        return java.util.Map.of();
    }

    @Override
    public void setPropertiesForFunction(java.util.Map<String, Object> properties) {
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        List<DataType> out = new ArrayList<>();
        for (int i = 0; i < getNumOutputs(); i++) {
            out.add(inputTypes.get(0));
        }
        return out;
    }

    /** {@code inputs} followed by {@code gradient}: the inputs of a convolution's gradient op. */
    static SDVariable[] withGradient(SDVariable[] inputs, SDVariable gradient) {
        SDVariable[] all = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        all[inputs.length] = gradient;
        return all;
    }

    /**
     * A convolution gradient's output shapes from its inputs x, W, [b,] dL/dy: dL/dx, dL/dW and
     * [dL/db] shaped as x, W and b.
     */
    static List<LongShapeDescriptor> parameterGradientShapes(org.nd4j.linalg.api.ndarray.INDArray[] in) {
        List<LongShapeDescriptor> out = new ArrayList<>();
        for (int i = 0; i < in.length - 1; i++) {
            out.add(LongShapeDescriptor.fromShape(in[i].shape(), in[i].dataType()));
        }
        return out;
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        if (oc == null) {
            throw new UnsupportedOperationException(opName() + " runs only in the plan executor");
        }
        return outputShapes(oc.getInputArrays().toArray(new org.nd4j.linalg.api.ndarray.INDArray[0]));
    }
}
