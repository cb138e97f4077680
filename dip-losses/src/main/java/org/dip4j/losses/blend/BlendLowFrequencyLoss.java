package org.dip4j.losses.blend;

import org.dip4j.losses.GraphOps;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * L_low-freq = E_x[(1 − α_t)·‖G(F) − G(B)‖²] with G a {@code kernel-size}² box average
 * (replicate border). G is linear, so the graph filters F − B once.
 */
public final class BlendLowFrequencyLoss extends BlendTerm {
    @Override
    public String id() {
        return "blend-lowfreq";
    }

    @Override
    public String description() {
        return "blending: background low frequencies, E[(1-alpha_t)(G(F)-G(B))^2], G a large box average";
    }

    @Override
    SDVariable define(BlendInputs in) {
        SeparableBlur g = SeparableBlur.of(in, "box", Kernels.box(in.graph.settings().getInt("kernel-size")));
        SDVariable low = g.apply(in.sd, in.output.sub(in.background), in.channels, in.height, in.width);
        return GraphOps.weightedMean(in.sd, in.graph.name("value"), in.alphaT.rsub(1.0), in.sd.math().square(low));
    }
}
