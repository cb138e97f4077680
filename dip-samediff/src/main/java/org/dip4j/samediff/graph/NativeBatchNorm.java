package org.dip4j.samediff.graph;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNormDerivative;

/**
 * ND4J's native {@code batchnorm} op over the channel axis of NCHW maps, with a gradient that
 * works. M2.1's own {@code BatchNorm} loses its axis when SameDiff clones it to build the
 * gradient and then refuses to differentiate; this class keeps the axis fixed (channels) and
 * builds the native {@code batchnorm_bp}, whose input gradient already includes the paths
 * through the batch mean and variance (they come from {@link BatchStatistics}, which adds none).
 * {@link NativeOps#install()} makes SameDiff's clones of every {@code batchnorm} op instances of
 * this class; those this class did not create (no {@link NativeOps#mark}) keep ND4J's
 * behaviour.
 */
public final class NativeBatchNorm extends BatchNorm {
    private static final int[] CHANNEL_AXIS = {1};

    /** For SameDiff's clones. */
    public NativeBatchNorm() {
    }

    NativeBatchNorm(SameDiff sd, SDVariable x, SDVariable mean, SDVariable variance, SDVariable gamma,
            SDVariable beta, double epsilon) {
        super(sd, x, mean, variance, gamma, beta, epsilon, CHANNEL_AXIS);
        NativeOps.mark(this);
    }

    /** The native op's own arguments, which the copy keeps, are all this class needs. */
    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        if (!NativeOps.isMarked(this)) {
            return super.doDiff(gradient); // another's batchnorm: ND4J's behaviour, unchanged
        }
        SDVariable[] in = args();
        Gradient bp = new Gradient(sameDiff, new SDVariable[] {in[0], in[1], in[2], in[3], in[4], gradient.get(0)},
                getTArgument(0));
        SDVariable[] out = bp.outputVariables();
        // Inputs: map, mean, variance, gamma, beta. The input's gradient already includes the paths
        // through mean and variance; BatchStatistics drops the two gradients it receives for them.
        return List.of(out);
    }

    /** The native {@code batchnorm_bp}: gradients for input, mean, variance, gamma and beta. */
    static final class Gradient extends BatchNormDerivative {
        Gradient(SameDiff sd, SDVariable[] inputs, double epsilon) {
            super(sd, inputs, null, null, false, true, true, epsilon, CHANNEL_AXIS);
        }

        @Override
        public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
            return inputTypes.subList(0, 5);
        }

        @Override
        public int getNumOutputs() {
            return 5;
        }
    }
}
