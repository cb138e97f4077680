package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EarlyStoppingTests {
    private static final long[] SHAPE = {1, 3, 4, 4};

    /** Outputs whose fluctuation shrinks until {@code turn}, then grows: the variance has its minimum there. */
    private static INDArray output(int t, int turn, SplittableRandom r) {
        double amplitude = 0.01 + Math.abs(t - turn) * 0.01;
        INDArray a = Nd4j.create(DataType.DOUBLE, SHAPE);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, 0.5 + amplitude * (r.nextDouble() - 0.5));
        }
        return a;
    }

    @Test
    void theVarianceIsThatOfTheLastWindowEvenAfterTheRingWraps() {
        EarlyStopping es = new EarlyStopping(4, 1000, SHAPE, DataType.DOUBLE);
        SplittableRandom r = new SplittableRandom(1);
        List<INDArray> all = new ArrayList<>();
        for (int t = 0; t < 11; t++) {
            INDArray o = output(t, 50, r);
            all.add(o);
            es.update(t, o);
        }
        INDArray stack = Nd4j.concat(0, all.subList(7, 11).toArray(new INDArray[0]));
        double direct = stack.var(false, 0).meanNumber().doubleValue();
        assertThat(es.variance()).isCloseTo(direct, within(1e-12));
    }

    @Test
    void itStopsPatienceIterationsAfterTheMinimumAndKeepsThatOutput() {
        int window = 5;
        int patience = 10;
        EarlyStopping es = new EarlyStopping(window, patience, SHAPE, DataType.DOUBLE);
        SplittableRandom r = new SplittableRandom(2);
        int stoppedAt = -1;
        INDArray atBest = null;
        for (int t = 0; t < 200 && stoppedAt < 0; t++) {
            INDArray o = output(t, 40, r);
            if (es.update(t, o)) {
                stoppedAt = t;
            }
            if (t == es.bestIteration()) {
                atBest = o;
            }
        }
        // The window of 5 ending near the turn at 40 has the smallest spread.
        assertThat(es.bestIteration()).isBetween(38, 46);
        assertThat(stoppedAt).isEqualTo(es.bestIteration() + patience);
        assertThat(es.bestOutput()).isEqualTo(atBest);
    }

    @Test
    void theChoiceIsFrozenOnceMadeSoALaterDeeperMinimumIsIgnored() {
        EarlyStopping es = new EarlyStopping(5, 10, SHAPE, DataType.DOUBLE);
        SplittableRandom r = new SplittableRandom(3);
        int decidedAt = -1;
        for (int t = 0; t < 200; t++) {
            // A second, flatter stretch after 120 would give a new minimum if the choice moved.
            INDArray o = t < 120 ? output(t, 40, r) : output(0, 0, r).muli(0);
            if (es.update(t, o)) {
                assertThat(decidedAt).isEqualTo(-1);
                decidedAt = t;
            }
        }
        assertThat(es.decided()).isTrue();
        assertThat(es.decidedAt()).isEqualTo(decidedAt).isEqualTo(es.bestIteration() + 10);
        assertThat(es.bestIteration()).isBetween(38, 46);
    }
}
