package org.dip4j.samediff.graph;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.reduce.Moments;

/**
 * Per-channel mean and biased variance of an NCHW map in one pass (ND4J's native {@code moments}),
 * for {@link NativeBatchNorm} only: it passes no gradient back, because the batch norm's own
 * gradient already accounts for how the statistics depend on the input.
 */
public final class BatchStatistics extends Moments {
    private static final int[] ALL_BUT_CHANNELS = {0, 2, 3};

    /** For SameDiff's clones. */
    public BatchStatistics() {
    }

    BatchStatistics(SameDiff sd, SDVariable x) {
        super(sd, x, ALL_BUT_CHANNELS, false);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        return List.of();
    }
}
