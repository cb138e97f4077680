package org.dip4j.metrics.blend;

import java.util.OptionalDouble;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;

/**
 * Metric {@code ssim_masked}: SSIM of the blend against the background in the transition region (seed A4). See {@link BlendMetrics} for the definition and reference.conf
 * ({@code dip.metrics.ssim_masked}) for the settings. Empty when the auxiliary images {@code fg},
 * {@code bg} and {@code mask} are absent or the transition region is empty.
 */
public final class SsimMaskedMetric implements Metric {
    @Override
    public String id() {
        return "ssim_masked";
    }

    @Override
    public String description() {
        return "SSIM of the blend against the background in the transition region (seed A4)";
    }

    @Override
    public OptionalDouble evaluate(MetricInputs inputs) {
        return BlendInputs.from(inputs).map(b -> {
            BlendMetricOptions o = BlendMetricOptions.from(inputs.settings(), id());
            double v = BlendMetrics.ssimMasked(b.fused(), b.bg(), b.mask(), b.alpha(), o);
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        }).orElse(OptionalDouble.empty());
    }
}
