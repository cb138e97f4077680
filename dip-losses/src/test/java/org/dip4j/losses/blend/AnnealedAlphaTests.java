package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.spi.LossGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AnnealedAlphaTests {
    private static final double[] ALPHA = {0.0, 0.1, 0.5, 0.9, 1.0, 0.25};

    private static double[] annealed(double progress, double scale, double power, DataType type) {
        SameDiff sd = SameDiff.create();
        SDVariable alpha = sd.constant("alpha", Nd4j.createFromArray(ALPHA).reshape(1, 1, 2, 3).castTo(type));
        SDVariable p = sd.placeHolder("progress", type);
        LossGraph g = LossGraph.builder(sd).output(alpha).observation(alpha).progress(p).build();
        SDVariable t = AnnealedAlpha.define(g, alpha, scale, power);
        INDArray out = sd.output(java.util.Map.of("progress", Nd4j.scalar(progress).castTo(type)), t.name())
                .get(t.name());
        return out.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    }

    @Test
    void atTheEndTheMapIsUnchanged() {
        assertThat(annealed(1.0, 4, 1, DataType.DOUBLE)).containsExactly(ALPHA, within(1e-12));
    }

    @Test
    void atTheStartTheMapIsRaisedToOnePlusScale() {
        double[] t = annealed(0.0, 4, 1, DataType.DOUBLE);
        for (int i = 0; i < ALPHA.length; i++) {
            assertThat(t[i]).isCloseTo(Math.pow(ALPHA[i], 5), within(1e-12));
        }
    }

    @Test
    void midwayTheGraphFollowsTheHostSchedule() {
        double[] t = annealed(0.3, 4, 2.5, DataType.DOUBLE);
        for (int i = 0; i < ALPHA.length; i++) {
            // γ = 1 + 4·0.7^2.5
            assertThat(t[i]).isCloseTo(Math.pow(ALPHA[i], 1 + 4 * Math.pow(0.7, 2.5)), within(1e-12));
            assertThat(t[i]).isCloseTo(AnnealedAlpha.host(ALPHA[i], 0.3, 4, 2.5), within(1e-12));
        }
    }

    @Test
    void worksInFloatAsTheEngineRunsIt() {
        double[] t = annealed(0.5, 4, 1, DataType.FLOAT);
        for (int i = 0; i < ALPHA.length; i++) {
            assertThat(t[i]).isCloseTo(Math.pow(ALPHA[i], 3), within(1e-6));
        }
    }

    @Test
    void sharpensTheTransitionOverTheRun() {
        // α_t rises monotonically towards α as t/T goes from 0 to 1.
        double previous = -1;
        for (double p = 0; p <= 1.0; p += 0.25) {
            double v = AnnealedAlpha.host(0.5, p, 4, 1);
            assertThat(v).isGreaterThan(previous);
            previous = v;
        }
        assertThat(previous).isEqualTo(0.5);
    }
}
