package org.dip4j.losses.blend;

import org.dip4j.losses.GraphOps;
import org.nd4j.autodiff.samediff.SDVariable;

/** L_pixel = E_x[(1 − α_t)·‖F − B‖²]: keeps the background outside the foreground. */
public final class BlendPixelLoss extends BlendTerm {
    @Override
    public String id() {
        return "blend-pixel";
    }

    @Override
    public String description() {
        return "blending: background pixels, E[(1-alpha_t)(F-B)^2]";
    }

    @Override
    SDVariable define(BlendInputs in) {
        SDVariable squared = in.sd.math().square(in.output.sub(in.background));
        return GraphOps.weightedMean(in.sd, in.graph.name("value"), in.alphaT.rsub(1.0), squared);
    }
}
