package org.dip4j.losses.blend;

import org.dip4j.losses.GraphOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L_illum = E_x[(1 − α_t)·(J(F) − J(B))²] with the large-scale greyscale illumination
 * J(X) = G_σ * Y(X): Y the ITU-R 601 luma 0.299R + 0.587G + 0.114B (the channel mean for images
 * that are not RGB), G_σ a Gaussian of {@code sigma} px truncated at 3σ, replicate border.
 */
public final class BlendIlluminationLoss extends BlendTerm {
    private static final double[] LUMA_601 = {0.299, 0.587, 0.114};

    @Override
    public String id() {
        return "blend-illum";
    }

    @Override
    public String description() {
        return "blending: background illumination, E[(1-alpha_t)(J(F)-J(B))^2], J = blurred luma";
    }

    @Override
    SDVariable define(BlendInputs in) {
        double[] weights = new double[in.channels];
        for (int c = 0; c < in.channels; c++) {
            weights[c] = in.channels == 3 ? LUMA_601[c] : 1.0 / in.channels;
        }
        SDVariable luma = in.constant("luma-weights", Nd4j.createFromArray(weights).reshape(1, in.channels, 1, 1));
        SDVariable grey = GraphOps.channelSum(in.sd, in.output.sub(in.background), luma);
        SeparableBlur g = SeparableBlur.of(in, "gauss", Kernels.gaussian(in.graph.settings().getDouble("sigma")));
        SDVariable illumination = g.apply(in.sd, grey, 1, in.height, in.width);
        return GraphOps.weightedMean(in.sd, in.graph.name("value"), in.alphaT.rsub(1.0),
                in.sd.math().square(illumination));
    }
}
