package org.dip4j.metrics.blend;

import java.util.OptionalDouble;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;

/**
 * Metric {@code bsi}: boundary smoothness index in the blend transition region (seed A4). See {@link BlendMetrics} for the definition and reference.conf
 * ({@code dip.metrics.bsi}) for the settings. Empty when the auxiliary images {@code fg},
 * {@code bg} and {@code mask} are absent or the transition region is empty.
 */
public final class BsiMetric implements Metric {
    @Override
    public String id() {
        return "bsi";
    }

    @Override
    public String description() {
        return "boundary smoothness index in the blend transition region (seed A4)";
    }

    @Override
    public OptionalDouble evaluate(MetricInputs inputs) {
        return BlendInputs.from(inputs).map(b -> {
            BlendMetricOptions o = BlendMetricOptions.from(inputs.settings(), id());
            double v = BlendMetrics.bsi(b.fused(), b.mask(), b.alpha(), o);
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        }).orElse(OptionalDouble.empty());
    }
}
