package org.dip4j.losses;

import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code masked-mse}: the reference inpainting data term, the mean over all C·H·W samples of
 * {@code (mask ⊙ (prediction − observation))²}. Missing samples count in the denominator (as
 * the reference's {@code MSE(out*mask, img*mask)} does) but contribute nothing else, so neither
 * the prediction nor the observation there affects the value. The 1×1×H×W mask broadcasts over
 * the channels; without a mask this is plain MSE.
 */
public final class MaskedMseLoss implements Loss {
    @Override
    public String id() {
        return "masked-mse";
    }

    @Override
    public String description() {
        return "MSE over all samples with the missing ones zeroed (the reference inpainting loss)";
    }

    @Override
    public SDVariable define(LossGraph graph) {
        SameDiff sd = graph.sameDiff();
        SDVariable residual = graph.prediction().sub(graph.observation());
        @Nullable SDVariable mask = graph.mask();
        if (mask != null) {
            residual = residual.mul(mask);
        }
        return sd.mean(graph.name("value"), sd.math().square(residual));
    }
}
