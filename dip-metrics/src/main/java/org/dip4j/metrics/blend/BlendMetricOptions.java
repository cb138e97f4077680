package org.dip4j.metrics.blend;

import com.typesafe.config.Config;
import org.dip4j.metrics.MetricSettings;
import org.dip4j.metrics.Ssim;

/**
 * The settings of the blending metrics, read from {@code dip.metrics.<id>} (see reference.conf).
 * A metric ignores the fields it does not use.
 *
 * @param gradient the gradient operator on the luminance ({@code gradient})
 * @param epsilon the stabiliser ε, on the gradient scale (intensity per pixel) ({@code epsilon})
 * @param transition the transition region Ω_T ({@code transition.sigma/low/high})
 * @param smoothingSigma BSI's Gaussian σ for the smoothed gradient magnitude ({@code smoothing-sigma})
 * @param ssimVariant the SSIM window of {@code ssim_masked} ({@code variant})
 */
public record BlendMetricOptions(GradientOperator gradient, double epsilon, TransitionRegion transition,
        double smoothingSigma, Ssim.Variant ssimVariant) {

    /** The options of metric {@code metricId} from its settings, missing keys taken from reference.conf. */
    public static BlendMetricOptions from(Config settings, String metricId) {
        Config c = MetricSettings.withDefaults(settings, metricId);
        // Every blending metric's block in reference.conf holds all keys; each metric uses its own.
        return new BlendMetricOptions(
                GradientOperator.fromConfig(c.getString("gradient")),
                c.getDouble("epsilon"),
                new TransitionRegion(c.getDouble("transition.sigma"), c.getDouble("transition.low"),
                        c.getDouble("transition.high")),
                c.getDouble("smoothing-sigma"),
                Ssim.Variant.fromConfig(c.getString("variant")));
    }

    /** The reference.conf defaults of metric {@code metricId}. */
    public static BlendMetricOptions defaults(String metricId) {
        return from(com.typesafe.config.ConfigFactory.empty(), metricId);
    }
}
