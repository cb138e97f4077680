package org.dip4j.losses;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.SplittableRandom;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One loss built into a double-precision graph whose prediction is a variable: value, gradient, finite differences. */
final class LossHarness {
    private final SameDiff sd = SameDiff.create();
    private final SDVariable prediction;
    private final SDVariable loss;

    LossHarness(Loss lossPlugin, INDArray prediction, INDArray observation, @Nullable INDArray mask, Config settings) {
        this.prediction = sd.var("prediction", prediction.dup());
        SDVariable obs = sd.constant("observation", observation.dup());
        SDVariable m = mask == null ? null : sd.constant("mask", mask.dup());
        LossGraph graph = LossGraph.builder(sd).output(this.prediction).observation(obs).mask(m)
                .settings(settings).build();
        this.loss = lossPlugin.define(graph);
        sd.setLossVariables(loss.name());
    }

    /** The loss's default settings, as the engine would pass them. */
    static Config settingsOf(String id) {
        return ConfigFactory.load().getConfig("dip.losses." + id);
    }

    double value() {
        return sd.output(Map.of(), loss.name()).get(loss.name()).getDouble(0);
    }

    INDArray gradient() {
        return sd.calculateGradients(Map.of(), prediction.name()).get(prediction.name()).dup();
    }

    /**
     * Compares the analytic gradient with central differences (step 1e-6) at {@code samples}
     * random elements; the relative error must stay below 1e-5.
     */
    void assertGradientMatchesFiniteDifferences(int samples, long seed) {
        INDArray analytic = gradient().reshape(-1);
        // A c-order reshape is a view: writing into it perturbs the variable's own array.
        INDArray flat = prediction.getArr().reshape(-1);
        long n = flat.length();
        SplittableRandom random = new SplittableRandom(seed);
        double h = 1e-6;
        double largest = 0;
        for (int k = 0; k < samples; k++) {
            long i = random.nextLong(n);
            double original = flat.getDouble(i);
            flat.putScalar(i, original + h);
            double up = value();
            flat.putScalar(i, original - h);
            double down = value();
            flat.putScalar(i, original);
            double numeric = (up - down) / (2 * h);
            double a = analytic.getDouble(i);
            largest = Math.max(largest, Math.abs(numeric));
            double tolerance = 1e-5 * Math.max(Math.abs(a), Math.abs(numeric)) + 1e-10;
            assertThat(Math.abs(a - numeric)).as("gradient at element %d: analytic %g, numeric %g", i, a, numeric)
                    .isLessThanOrEqualTo(tolerance);
        }
        // Guards the check itself: a perturbation that never reached the graph would pass with zeros.
        assertThat(largest).as("largest finite difference").isGreaterThan(1e-6);
    }

    /** A 1×c×h×w array of uniform [0, 1) samples. */
    static INDArray uniform(SplittableRandom random, int c, int h, int w) {
        double[] s = new double[c * h * w];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextDouble();
        }
        return Nd4j.createFromArray(s).reshape('c', 1, c, h, w).castTo(DataType.DOUBLE);
    }

    /** A 1×1×h×w mask of 0 and 1 with about {@code missing} of it 0. */
    static INDArray mask(SplittableRandom random, int h, int w, double missing) {
        double[] s = new double[h * w];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextDouble() < missing ? 0.0 : 1.0;
        }
        return Nd4j.createFromArray(s).reshape('c', 1, 1, h, w).castTo(DataType.DOUBLE);
    }
}
