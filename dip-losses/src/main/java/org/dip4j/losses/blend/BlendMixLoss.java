package org.dip4j.losses.blend;

import org.dip4j.losses.GraphOps;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * L_blend = E_x[w·‖∇F − (α_t∇A + (1 − α_t)∇B)‖₁] with w = 4α_t(1 − α_t): in the transition band
 * the output's gradient follows the α_t-weighted mix of the two sources' gradients.
 */
public final class BlendMixLoss extends BlendTerm {
    @Override
    public String id() {
        return "blend-mix";
    }

    @Override
    public String description() {
        return "blending: transition-band gradient mix, E[4a(1-a) |grad F - (a grad A + (1-a) grad B)|_1]";
    }

    @Override
    SDVariable define(BlendInputs in) {
        SDVariable a = GraphOps.topLeft(in.alphaT, in.height, in.width);
        SDVariable[] gf = GraphOps.forwardDifferences(in.output, in.height, in.width);
        SDVariable[] ga = GraphOps.forwardDifferences(in.foreground, in.height, in.width);
        SDVariable[] gb = GraphOps.forwardDifferences(in.background, in.height, in.width);
        SDVariable targetX = gb[0].add(a.mul(ga[0].sub(gb[0])));
        SDVariable targetY = gb[1].add(a.mul(ga[1].sub(gb[1])));
        SDVariable l1 = GraphOps.l1(in.sd, gf[0].sub(targetX), gf[1].sub(targetY));
        return GraphOps.weightedMean(in.sd, in.graph.name("value"), transitionWeight(a), l1);
    }

    /** w = 4α(1 − α): 1 where α = ½, 0 where α is 0 or 1. */
    static SDVariable transitionWeight(SDVariable alpha) {
        return alpha.mul(alpha.rsub(1.0)).mul(4.0);
    }
}
