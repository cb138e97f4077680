package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/** The fused Java Adam against ND4J's native {@code adam_updater} + {@code subi}. */
class FusedAdamTests {
    private static final long[][] SHAPES = {{4, 3, 3, 3}, {1, 7}, {150_000}}; // the last spans three pieces

    private record Model(List<INDArray> parameters, List<INDArray> gradients, List<GradientUpdater<?>> updaters) {}

    private static Model model(Adam config) {
        Nd4j.getRandom().setSeed(7);
        List<INDArray> parameters = new ArrayList<>();
        List<INDArray> gradients = new ArrayList<>();
        List<GradientUpdater<?>> updaters = new ArrayList<>();
        for (long[] shape : SHAPES) {
            parameters.add(Nd4j.randn(DataType.FLOAT, shape));
            gradients.add(Nd4j.zeros(DataType.FLOAT, shape));
            long n = parameters.get(parameters.size() - 1).length();
            // one state buffer whose second half (V) is a view at an offset, as SameDiff allocates it
            GradientUpdater<?> u = config.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), true);
            updaters.add(u);
        }
        return new Model(parameters, gradients, updaters);
    }

    @Test
    void matchesTheNativeUpdateOverSeveralSteps() {
        Adam config = new Adam(0.01, 0.9, 0.999, 1e-8);
        Model a = model(config);
        Model b = model(config);
        List<FusedAdam.Target> targets = new ArrayList<>();
        for (int i = 0; i < SHAPES.length; i++) {
            targets.add(new FusedAdam.Target(b.parameters().get(i), b.gradients().get(i), b.updaters().get(i)));
        }
        FusedAdam fused = FusedAdam.of(targets);
        assertThat(fused).isNotNull();
        for (int iteration = 0; iteration < 4; iteration++) {
            for (int i = 0; i < SHAPES.length; i++) {
                INDArray g = Nd4j.randn(DataType.FLOAT, SHAPES[i]);
                a.gradients().get(i).assign(g);
                b.gradients().get(i).assign(g);
                a.updaters().get(i).applyUpdater(a.gradients().get(i), iteration, 0);
                a.parameters().get(i).subi(a.gradients().get(i));
            }
            fused.step(iteration, 0);
        }
        for (int i = 0; i < SHAPES.length; i++) {
            assertClose(b.parameters().get(i), a.parameters().get(i));
            for (String state : List.of(AdamUpdater.M_STATE, AdamUpdater.V_STATE)) {
                assertClose(b.updaters().get(i).getState().get(state), a.updaters().get(i).getState().get(state));
            }
        }
        // the updates moved the parameters: the comparison is not between two untouched copies
        assertThat(b.parameters().get(2).sub(model(config).parameters().get(2)).norm2Number().doubleValue()).isGreaterThan(1);
    }

    @Test
    void declinesWhatItCannotRun() {
        Adam config = new Adam(0.01, 0.9, 0.999, 1e-8);
        Model m = model(config);
        INDArray doubles = Nd4j.zeros(DataType.DOUBLE, 1, 7);
        assertThat(FusedAdam.of(List.of(new FusedAdam.Target(doubles, doubles, m.updaters().get(1))))).isNull();
        assertThat(FusedAdam.of(List.of())).isNull();
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double difference = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(difference / scale).isLessThan(1e-6);
    }
}
