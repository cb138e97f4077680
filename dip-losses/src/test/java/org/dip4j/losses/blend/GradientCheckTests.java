package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;

import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

class GradientCheckTests {
    @Test
    void catchesAnOpWhoseGradientIsWrong() {
        // SameDiff M2.1's built-in MSE ignores the upstream gradient, so −0.5·MSE gets MSE's gradient.
        Loss broken = new Loss() {
            @Override
            public String id() {
                return "broken-mse";
            }

            @Override
            public SDVariable define(LossGraph graph) {
                return graph.sameDiff().loss().meanSquaredError(graph.auxiliary("bg"), graph.output(), null).mul(-0.5);
            }
        };
        BlendFixture.Built built = BlendFixture.random(1, 3, 8, 8).build(broken);

        assertThat(GradientCheck.maxRelativeError(built, 0.5, 4, 2, 3)).isGreaterThan(0.5);
    }
}
