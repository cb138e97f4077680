package org.dip4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MaskedMseLossTests {
    private final SplittableRandom random = new SplittableRandom(11);
    private final INDArray prediction = LossHarness.uniform(random, 3, 16, 16);
    private final INDArray observation = LossHarness.uniform(random, 3, 16, 16);
    private final INDArray mask = LossHarness.mask(random, 16, 16, 0.3);

    private LossHarness harness(INDArray pred, INDArray obs, INDArray m) {
        return new LossHarness(new MaskedMseLoss(), pred, obs, m, LossHarness.settingsOf("masked-mse"));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        harness(prediction, observation, mask).assertGradientMatchesFiniteDifferences(64, 1);
    }

    @Test
    void gradientIsZeroAtMissingPixels() {
        INDArray g = harness(prediction, observation, mask).gradient();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if (mask.getDouble(0, 0, y, x) == 0) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(g.getDouble(0, c, y, x)).isZero();
                    }
                }
            }
        }
    }

    @Test
    void valueEqualsMeanOverAllSamplesOfMaskedSquaredResidual() {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    double r = mask.getDouble(0, 0, y, x)
                            * (prediction.getDouble(0, c, y, x) - observation.getDouble(0, c, y, x));
                    sum += r * r;
                }
            }
        }
        assertThat(harness(prediction, observation, mask).value()).isCloseTo(sum / (3 * 16 * 16), within(1e-14));
    }

    @Test
    void isZeroWhenPredictionEqualsObservation() {
        assertThat(harness(observation, observation, mask).value()).isZero();
    }

    @Test
    void missingPixelsDoNotAffectTheValue() {
        double before = harness(prediction, observation, mask).value();
        INDArray otherObservation = observation.dup();
        INDArray otherPrediction = prediction.dup();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if (mask.getDouble(0, 0, y, x) == 0) {
                    for (int c = 0; c < 3; c++) {
                        otherObservation.putScalar(new long[] {0, c, y, x}, 5.0);
                        otherPrediction.putScalar(new long[] {0, c, y, x}, -3.0);
                    }
                }
            }
        }
        assertThat(harness(otherPrediction, otherObservation, mask).value()).isCloseTo(before, within(1e-15));
    }

    @Test
    void withoutMaskIsPlainMse() {
        double expected = prediction.sub(observation).muli(prediction.sub(observation)).meanNumber().doubleValue();
        assertThat(harness(prediction, observation, null).value()).isCloseTo(expected, within(1e-14));
    }
}
