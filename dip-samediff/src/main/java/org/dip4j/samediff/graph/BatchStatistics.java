package org.dip4j.samediff.graph;

import java.util.List;
import java.util.Map;
import org.dip4j.samediff.nd4j.Nd4jAdapter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.reduce.Moments;

/**
 * Per-channel mean and biased variance of an NCHW map in one pass (ND4J's native {@code moments}),
 * for {@link NativeBatchNorm}: it passes no gradient back, because the batch norm's own gradient
 * already accounts for how the statistics depend on the input.
 *
 * <p>Once {@link NativeOps#install()} has run, SameDiff's copies of every {@code moments} op are
 * instances of this class, including those of other code. Those keep ND4J's gradient: only
 * instances this class's constructor marked ({@link NativeOps#mark}) drop it.
 */
public final class BatchStatistics extends Moments {
    private static final int[] ALL_BUT_CHANNELS = {0, 2, 3};

    /** For SameDiff's clones. */
    public BatchStatistics() {
    }

    BatchStatistics(SameDiff sd, SDVariable x) {
        super(sd, x, ALL_BUT_CHANNELS, false);
        NativeOps.mark(this);
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
        // What Moments' own copies get from the field table SameDiff keeps for ND4J's classes only.
        if (properties.get("dimensions") instanceof int[] dims) {
            dimensions = dims;
        }
        if (properties.get("keepDims") instanceof Boolean keep) {
            Nd4jAdapter.setKeepDims(this, keep);
        }
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        return NativeOps.isMarked(this) ? List.of() : super.doDiff(gradients);
    }
}
