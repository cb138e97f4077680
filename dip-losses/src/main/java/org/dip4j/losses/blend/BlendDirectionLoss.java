package org.dip4j.losses.blend;

import org.dip4j.losses.GraphOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * L_dir = E_x[α_t·(1 − ∇F·∇A / (‖∇F‖_ε ‖∇A‖_ε))], per channel, with ‖g‖_ε = √(gx² + gy² + ε):
 * the ε ({@code epsilon}) keeps the gradient finite where F or A is flat.
 */
public final class BlendDirectionLoss extends BlendTerm {
    @Override
    public String id() {
        return "blend-dir";
    }

    @Override
    public String description() {
        return "blending: foreground gradient direction, E[alpha_t (1 - cos(grad F, grad A))]";
    }

    @Override
    SDVariable define(BlendInputs in) {
        double eps = in.graph.settings().getDouble("epsilon");
        SameDiff sd = in.sd;
        SDVariable[] gf = GraphOps.forwardDifferences(in.output, in.height, in.width);
        SDVariable[] ga = GraphOps.forwardDifferences(in.foreground, in.height, in.width);
        SDVariable dot = gf[0].mul(ga[0]).add(gf[1].mul(ga[1]));
        SDVariable cosine = dot.div(norm(sd, gf, eps).mul(norm(sd, ga, eps)));
        SDVariable weight = GraphOps.topLeft(in.alphaT, in.height, in.width);
        return GraphOps.weightedMean(sd, in.graph.name("value"), weight, cosine.rsub(1.0));
    }

    private static SDVariable norm(SameDiff sd, SDVariable[] g, double eps) {
        return sd.math().sqrt(sd.math().square(g[0]).add(sd.math().square(g[1])).add(eps));
    }
}
