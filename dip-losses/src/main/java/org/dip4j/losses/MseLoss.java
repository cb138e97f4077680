package org.dip4j.losses;

import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Mean squared error between the (degraded) output and the observation, over all C×H×W
 * samples: the original DIP data term ({@code torch.nn.MSELoss()} in the reference).
 */
public final class MseLoss implements Loss {
    @Override
    public String id() {
        return "mse";
    }

    @Override
    public String description() {
        return "mean squared error against the observation (original DIP)";
    }

    @Override
    public SDVariable define(LossGraph graph) {
        SDVariable diff = graph.prediction().sub(graph.observation());
        return graph.sameDiff().mean(graph.name("mse"), graph.sameDiff().math().square(diff));
    }
}
