package org.dip4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.Config;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.dip4j.api.PluginKind;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Metric} plugin. Extend it in your plugin's tests and return the metric
 * from {@link #metric()}.
 *
 * <p>It checks a well-formed id, registration in {@code META-INF/services/org.dip4j.spi.Metric},
 * defaults in {@code reference.conf} under {@code dip.metrics.<id>}, a finite value on two
 * different images, the identity (equal images give the best value: {@code +∞} for PSNR, 1 for
 * SSIM, and never worse than for a noisy candidate), and an empty result when an input the metric
 * needs is missing.
 *
 * <p>By default {@link #inputs} compares a candidate (the output, its moving average and the
 * prediction) with a reference (the observation and the ground truth), with a mask whose left half
 * is missing. Override it for metrics that read other images, such as the blending auxiliaries.
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class MetricContractTests {
    @BeforeAll
    static void nativeBackend() {
        PluginContract.assertBackendPresent();
    }

    /** A freshly constructed instance of the metric under test. */
    protected abstract Metric metric();

    /** The settings the checks use; by default the metric's {@code reference.conf} subtree. */
    protected Config settings() {
        return PluginContract.referenceSettings(metric(), PluginKind.METRIC);
    }

    protected int channels() {
        return 3;
    }

    protected int height() {
        return 32;
    }

    protected int width() {
        return 32;
    }

    /** The metric's value for equal images when it is known ({@code +∞} for PSNR, 1 for SSIM); NaN if not. */
    protected double bestValue() {
        return Double.NaN;
    }

    /** Whether equal images give the best value; false for metrics that compare with other images. */
    protected boolean hasIdentity() {
        return true;
    }

    /** Inputs in which the metric compares {@code candidate} with {@code reference}. */
    protected MetricInputs inputs(Image reference, Image candidate) {
        Image mask = Image.generate(1, reference.height(), reference.width(),
                (c, y, x) -> x < reference.width() / 2 ? 0.0 : 1.0);
        return new MetricInputs(candidate, candidate, candidate, reference, reference, mask, Map.of(), settings());
    }

    /**
     * Inputs that lack something the metric needs, for which it must be empty; null when the
     * metric needs nothing that can be missing. By default {@link #inputs} without ground truth,
     * mask and auxiliary images.
     */
    protected @Nullable MetricInputs incompleteInputs(Image reference, Image candidate) {
        MetricInputs full = inputs(reference, candidate);
        return new MetricInputs(full.output(), full.smoothedOutput(), full.prediction(), full.observation(), null,
                null, Map.of(), full.settings());
    }

    /** A smooth random image in [0.1, 0.9]: a few random waves, so that windows have structure. */
    protected Image reference() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] waves = new double[channels() * 3][4];
        for (double[] w : waves) {
            w[0] = r.nextDouble(0.05, 0.5);
            w[1] = r.nextDouble(0.05, 0.5);
            w[2] = r.nextDouble(0, 2 * Math.PI);
            w[3] = r.nextDouble(0.05, 0.13);
        }
        return Image.generate(channels(), height(), width(), (c, y, x) -> {
            double v = 0.5;
            for (int k = 0; k < 3; k++) {
                double[] w = waves[c * 3 + k];
                v += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
            }
            return Math.max(0.1, Math.min(0.9, v));
        });
    }

    /** The reference with Gaussian noise of σ = 0.05, clipped to [0, 1]. */
    protected Image noisy(Image reference) {
        SplittableRandom r = new SplittableRandom(11);
        double[] s = reference.toArray();
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(0, Math.min(1, s[i] + 0.05 * gaussian(r)));
        }
        return Image.of(reference.channels(), reference.height(), reference.width(), s);
    }

    @Test
    public void idIsWellFormed() {
        PluginContract.assertIdWellFormed(metric());
    }

    @Test
    public void isRegisteredAsAService() {
        PluginContract.assertRegistered(metric(), Metric.class);
    }

    @Test
    public void settingsAreValidAgainstTheReferenceConf() {
        Config reference = PluginContract.referenceSettings(metric(), PluginKind.METRIC);
        PluginContract.assertSettingsValid(settings(), reference);
    }

    @Test
    public void givesAFiniteValueForDifferentImages() {
        Image ref = reference();
        OptionalDouble v = metric().evaluate(inputs(ref, noisy(ref)));
        assertThat(v).as("%s of a noisy candidate", metric().id()).isPresent();
        assertThat(v.getAsDouble()).as("%s of a noisy candidate", metric().id()).isFinite();
    }

    @Test
    public void equalImagesGiveTheBestValue() {
        assumeTrue(hasIdentity(), "the metric has no identity");
        Metric metric = metric();
        Image ref = reference();
        OptionalDouble same = metric.evaluate(inputs(ref, ref));
        OptionalDouble worse = metric.evaluate(inputs(ref, noisy(ref)));
        assertThat(same).as("%s of equal images", metric.id()).isPresent();
        assertThat(worse).as("%s of a noisy candidate", metric.id()).isPresent();
        if (metric.higherIsBetter()) {
            assertThat(same.getAsDouble()).as("%s of equal images", metric.id())
                    .isGreaterThan(worse.getAsDouble());
        } else {
            assertThat(same.getAsDouble()).as("%s of equal images", metric.id()).isLessThan(worse.getAsDouble());
        }
        double best = bestValue();
        if (Double.isInfinite(best)) {
            assertThat(same.getAsDouble()).as("%s of equal images", metric.id()).isEqualTo(best);
        } else if (!Double.isNaN(best)) {
            assertThat(same.getAsDouble()).as("%s of equal images", metric.id())
                    .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    public void isEmptyWhenARequiredInputIsMissing() {
        Image ref = reference();
        MetricInputs incomplete = incompleteInputs(ref, noisy(ref));
        assumeTrue(incomplete != null, "the metric needs no optional input");
        assertThat(metric().evaluate(java.util.Objects.requireNonNull(incomplete))).as("%s without the inputs it needs", metric().id()).isEmpty();
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
