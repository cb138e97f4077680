package org.dip4j.samediff.engine;

import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exponential moving average of the network's outputs ({@code dip.run.ema}), the
 * reference's "smoothed" result: {@code a ← decay·a + (1 − decay)·output}, starting from the
 * first output.
 */
final class OutputAverage {
    private final double decay;
    private @Nullable INDArray average;

    OutputAverage(double decay) {
        this.decay = decay;
    }

    void add(INDArray output) {
        INDArray a = average;
        if (a == null) {
            average = output.dup();
        } else {
            a.muli(decay).addi(output.mul(1 - decay));
        }
    }

    /** The average so far, or null before the first output. */
    @Nullable INDArray value() {
        return average;
    }

    void save(CheckpointCodec.Section out) {
        if (average != null) {
            out.putWhole(average);
        }
    }

    void restore(CheckpointCodec.Section in) {
        INDArray saved = in.whole();
        average = saved == null ? null : saved.dup();
    }
}
