package org.dip4j.metrics.blend;

import java.util.OptionalDouble;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;

/**
 * Metric {@code gfp}: gradient fusion performance: fused gradient over the stronger source gradient (seed A4). See {@link BlendMetrics} for the definition and reference.conf
 * ({@code dip.metrics.gfp}) for the settings. Empty when the auxiliary images {@code fg},
 * {@code bg} and {@code mask} are absent or the transition region is empty.
 */
public final class GfpMetric implements Metric {
    @Override
    public String id() {
        return "gfp";
    }

    @Override
    public String description() {
        return "gradient fusion performance: fused gradient over the stronger source gradient (seed A4)";
    }

    @Override
    public OptionalDouble evaluate(MetricInputs inputs) {
        return BlendInputs.from(inputs).map(b -> {
            BlendMetricOptions o = BlendMetricOptions.from(inputs.settings(), id());
            double v = BlendMetrics.gfp(b.fused(), b.fg(), b.bg(), o);
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        }).orElse(OptionalDouble.empty());
    }
}
