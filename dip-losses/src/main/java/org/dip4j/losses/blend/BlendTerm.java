package org.dip4j.losses.blend;

import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;

/** A blending loss term: reads {@link BlendInputs} from the graph and builds its scalar. */
abstract class BlendTerm implements Loss {
    @Override
    public final SDVariable define(LossGraph graph) {
        return define(BlendInputs.of(graph));
    }

    abstract SDVariable define(BlendInputs in);
}
