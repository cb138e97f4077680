package org.dip4j.losses.blend;

import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.losses.GraphOps;
import org.dip4j.spi.AuxiliaryImages;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L_aniso = E_x[w·|∇_t F − ∇_t B|] with w = 4α_t(1 − α_t) and ∇_t X = t_x·∂_x X + t_y·∂_y X the
 * derivative along the background's texture tangent t(x) of {@link StructureTensor}, whose
 * tensor is smoothed with a Gaussian of {@code tensor-sigma} px. t is computed on the host from
 * B's values and enters the graph as two constants.
 */
public final class BlendAnisotropicLoss extends BlendTerm {
    @Override
    public String id() {
        return "blend-aniso";
    }

    @Override
    public String description() {
        return "blending: texture continuity along the background's structure-tensor tangent";
    }

    @Override
    SDVariable define(BlendInputs in) {
        Image background = Images.fromArray(BlendInputs.valueOf(in.background, AuxiliaryImages.BACKGROUND));
        StructureTensor.Tangent t = StructureTensor.tangent(background, in.graph.settings().getDouble("tensor-sigma"));
        SDVariable tx = in.constant("tangent-x", Nd4j.createFromArray(t.tx()).reshape(1, 1, t.height(), t.width()));
        SDVariable ty = in.constant("tangent-y", Nd4j.createFromArray(t.ty()).reshape(1, 1, t.height(), t.width()));
        SDVariable[] gf = GraphOps.forwardDifferences(in.output, in.height, in.width);
        SDVariable[] gb = GraphOps.forwardDifferences(in.background, in.height, in.width);
        SDVariable along = gf[0].sub(gb[0]).mul(tx).add(gf[1].sub(gb[1]).mul(ty));
        SDVariable w = BlendMixLoss.transitionWeight(GraphOps.topLeft(in.alphaT, in.height, in.width));
        return GraphOps.weightedMean(in.sd, in.graph.name("value"), w, in.sd.math().abs(along));
    }
}
