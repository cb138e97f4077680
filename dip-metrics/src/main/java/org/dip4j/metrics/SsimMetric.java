package org.dip4j.metrics;

import java.util.OptionalDouble;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;

/**
 * Metric {@code ssim}: {@link Ssim} of the output against the ground truth, empty without one.
 * Setting {@code variant} ({@code dip.metrics.ssim}) is {@code wang} by default: the Gaussian
 * 11×11 σ = 1.5 window with population covariance is the definition of Wang et al. (2004) and what
 * MATLAB's {@code ssim} and most papers report; {@code default} gives scikit-image's 7×7 default.
 */
public final class SsimMetric implements Metric {
    @Override
    public String id() {
        return "ssim";
    }

    @Override
    public String description() {
        return "structural similarity (Wang et al. 2004) of the output against the ground truth";
    }

    @Override
    public OptionalDouble evaluate(MetricInputs inputs) {
        if (inputs.groundTruth() == null) {
            return OptionalDouble.empty();
        }
        Ssim.Variant v = Ssim.Variant.fromConfig(
                MetricSettings.withDefaults(inputs.settings(), id()).getString("variant"));
        return OptionalDouble.of(Ssim.compute(inputs.groundTruth(), inputs.output(), v));
    }
}
