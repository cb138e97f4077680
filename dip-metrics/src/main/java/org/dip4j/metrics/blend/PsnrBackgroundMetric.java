package org.dip4j.metrics.blend;

import java.util.OptionalDouble;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;

/**
 * Metric {@code psnr_bg}: PSNR of the blend against the background outside the transition region
 * and outside the mask, where the background should be kept. See {@link BlendMetrics} and
 * reference.conf ({@code dip.metrics.psnr_bg}). Empty when {@code fg}, {@code bg} or {@code mask}
 * is absent or no pixel is left.
 */
public final class PsnrBackgroundMetric implements Metric {
    @Override
    public String id() {
        return "psnr_bg";
    }

    @Override
    public String description() {
        return "PSNR of the blend against the background outside the transition region and the mask (dB)";
    }

    @Override
    public OptionalDouble evaluate(MetricInputs inputs) {
        return BlendInputs.from(inputs).map(b -> {
            BlendMetricOptions o = BlendMetricOptions.from(inputs.settings(), id());
            double v = BlendMetrics.psnrBackground(b.fused(), b.bg(), b.mask(), b.alpha(), o);
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        }).orElse(OptionalDouble.empty());
    }
}
