package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dip4j.api.DipException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DivergenceGuardTests {
    private static INDArray filled(double value) {
        return Nd4j.valueArrayOf(new long[] {1, 1, 4, 4}, value, DataType.DOUBLE);
    }

    @Test
    void aDropBeyondTheLimitPutsTheLastGoodParametersBackAndTooManyEndTheRun() {
        INDArray w = Nd4j.valueArrayOf(new long[] {3}, 1.0, DataType.DOUBLE);
        DivergenceGuard guard = new DivergenceGuard(1.0, 2, Map.of("w", w), filled(0.5));
        List<Double> drops = new ArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void restored(int iteration, double drop, int count) {
                drops.add(drop);
            }
        };
        // Error 0.1 everywhere: PSNR 20 dB, kept as good.
        assertThat(guard.undoes(0, filled(0.4), observer)).isFalse();
        assertThat(guard.lastPsnr()).isCloseTo(20, org.assertj.core.api.Assertions.within(1e-9));
        // A step that loses 0.5 dB is within the limit: kept, and its parameters become the good ones.
        w.assign(2.0);
        assertThat(guard.undoes(1, filled(0.5 - 0.1 * Math.pow(10, 0.5 / 20)), observer)).isFalse();
        // Error 1.0: PSNR 0 dB, a drop of 19.5 dB: undone, w back to the last good value.
        w.assign(3.0);
        assertThat(guard.undoes(2, filled(1.5), observer)).isTrue();
        assertThat(w.getDouble(0)).isEqualTo(2.0);
        assertThat(drops).hasSize(1);
        assertThat(drops.get(0)).isCloseTo(19.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(guard.undoes(2, filled(1.5), observer)).isTrue();
        assertThatThrownBy(() -> guard.undoes(2, filled(1.5), observer)).isInstanceOf(DipException.class)
                .hasMessageContaining("diverged").hasMessageContaining("dip.run.backtrack.max-restores");
        assertThat(guard.restores()).isEqualTo(3);
    }
}
