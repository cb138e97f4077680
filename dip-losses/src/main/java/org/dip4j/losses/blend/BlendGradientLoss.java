package org.dip4j.losses.blend;

import java.util.List;
import org.dip4j.losses.GraphOps;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * L_grad = 1/|S| Σ_{s∈S} E_x[α_t^(s)·‖∇F^(s) − ∇A^(s)‖₁]: the foreground's edges at several
 * scales. X^(s) is X average-pooled s×s with stride s ({@code scales}, default 1, 2, 4); ∇ the
 * forward differences of {@link GraphOps#forwardDifferences}; the L1 norm sums |Δgx| + |Δgy|.
 */
public final class BlendGradientLoss extends BlendTerm {
    @Override
    public String id() {
        return "blend-grad";
    }

    @Override
    public String description() {
        return "blending: foreground multi-scale gradients, mean_s E[alpha_t |grad F - grad A|_1]";
    }

    @Override
    SDVariable define(BlendInputs in) {
        List<Integer> scales = in.graph.settings().getIntList("scales");
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("blend-grad needs at least one scale");
        }
        SDVariable sum = null;
        for (int s : scales) {
            int h = in.height / s;
            int w = in.width / s;
            if (s < 1 || h < 2 || w < 2) {
                throw new IllegalArgumentException("blend-grad scale " + s + " does not fit a "
                        + in.height + "×" + in.width + " image");
            }
            SDVariable[] gf = GraphOps.forwardDifferences(GraphOps.averagePool(in.sd, in.output, s), h, w);
            SDVariable[] ga = GraphOps.forwardDifferences(GraphOps.averagePool(in.sd, in.foreground, s), h, w);
            SDVariable weight = GraphOps.topLeft(GraphOps.averagePool(in.sd, in.alphaT, s), h, w);
            SDVariable l1 = GraphOps.l1(in.sd, gf[0].sub(ga[0]), gf[1].sub(ga[1]));
            SDVariable term = GraphOps.weightedMean(in.sd, in.graph.name("scale-" + s), weight, l1);
            sum = sum == null ? term : sum.add(term);
        }
        return java.util.Objects.requireNonNull(sum, "blend-grad needs at least one scale")
                .div(in.graph.name("value"), scales.size());
    }
}
