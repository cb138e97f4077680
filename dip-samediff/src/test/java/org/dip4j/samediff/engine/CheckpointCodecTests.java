package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dip4j.api.DipException;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The checkpoint layout: the names of format 1, and every part back as it was saved. */
class CheckpointCodecTests {
    private static final long[] SHAPE = {1, 1, 2, 2};

    private static Map<String, INDArray> parameters(double value) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("w", Nd4j.valueArrayOf(new long[] {2, 3}, value, DataType.DOUBLE));
        p.put("b", Nd4j.valueArrayOf(new long[] {3}, value, DataType.DOUBLE));
        return p;
    }

    private static INDArray image(double value) {
        return Nd4j.valueArrayOf(SHAPE, value, DataType.DOUBLE);
    }

    @Test
    void formatOneKeepsItsNamesAndEveryPartComesBack() {
        Map<String, INDArray> params = parameters(0.25);
        INDArray observation = image(0.5);
        DivergenceGuard guard = new DivergenceGuard(0.5, 3, params, observation);
        guard.undoes(0, image(0.45), new RunObserver() {});
        OutputAverage average = new OutputAverage(0.9);
        average.add(image(0.2));
        average.add(image(0.4));
        EarlyStopping es = new EarlyStopping(2, 10, SHAPE, DataType.DOUBLE);
        es.update(0, image(0.1));
        es.update(1, image(0.3));
        es.update(2, image(0.2));

        Checkpoint c = CheckpointCodec.encode(3, 0, 7.5, SameDiff.create(), params, guard, average, es);

        // Renaming any of these breaks every checkpoint written so far: that needs a new FORMAT.
        assertThat(Checkpoint.FORMAT).isEqualTo(1);
        assertThat(c.arrays().keySet()).containsExactlyInAnyOrder("param/w", "param/b", "good/w", "good/b",
                "average", "es/ring/0", "es/ring/1", "es/sum", "es/sumsq", "es/best");
        assertThat(c.extra().stringPropertyNames()).containsExactlyInAnyOrder("elapsed-seconds", "es.filled",
                "es.best-variance", "es.best-iteration", "es.decided-at");
        assertThat(c.iteration()).isEqualTo(3);
        assertThat(c.lastPsnr()).isEqualTo(guard.lastPsnr()).isFinite();

        Map<String, INDArray> into = parameters(0);
        DivergenceGuard guard2 = new DivergenceGuard(0.5, 3, into, observation);
        OutputAverage average2 = new OutputAverage(0.9);
        EarlyStopping es2 = new EarlyStopping(2, 10, SHAPE, DataType.DOUBLE);
        CheckpointCodec.restore(c, into, guard2, average2, es2);
        assertThat(into).isEqualTo(params);
        assertThat(guard2.lastPsnr()).isEqualTo(guard.lastPsnr());
        assertThat(average2.value()).isEqualTo(average.value());
        assertThat(es2.variance()).isEqualTo(es.variance());
        assertThat(es2.bestIteration()).isEqualTo(es.bestIteration());
        assertThat(CheckpointCodec.seconds(c)).isEqualTo(7.5);
        // The restored guard holds the saved good parameters: a collapse now puts them back.
        into.get("w").assign(9);
        assertThat(guard2.undoes(3, image(5), new RunObserver() {})).isTrue();
        assertThat(into.get("w")).isEqualTo(params.get("w"));
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedByName() {
        Map<String, INDArray> params = parameters(0.25);
        INDArray observation = image(0.5);
        Checkpoint c = CheckpointCodec.encode(1, 0, 1, SameDiff.create(), params,
                new DivergenceGuard(0.5, 3, params, observation), new OutputAverage(0.9), null);
        Map<String, INDArray> other = new LinkedHashMap<>();
        other.put("conv", Nd4j.zeros(DataType.DOUBLE, 2));
        assertThatThrownBy(() -> CheckpointCodec.restore(c, other,
                new DivergenceGuard(0.5, 3, other, observation), new OutputAverage(0.9), null))
                .isInstanceOf(DipException.class).hasMessageContaining("param/conv")
                .hasMessageContaining("another network");
    }
}
