package org.dip4j.metrics;

import java.util.OptionalDouble;
import java.util.function.Function;
import org.dip4j.api.Image;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.jspecify.annotations.Nullable;

/**
 * Skeleton of the PSNR plugins: each picks a reference and a candidate from the inputs and hands
 * them to one {@link Psnr} variant. The metric is empty when the reference is missing or the
 * variant has nothing to measure (it returned {@code NaN}).
 */
abstract class AbstractPsnrMetric implements Metric {
    /** One PSNR variant; {@code NaN} means "does not apply to these inputs". */
    @FunctionalInterface
    interface Variant {
        double measure(Image reference, Image candidate, MetricInputs inputs);
    }

    /** The plain whole-image PSNR. */
    static final Variant WHOLE_IMAGE = (reference, candidate, inputs) -> Psnr.psnr(reference, candidate);

    private final String id;
    private final String description;
    private final Function<MetricInputs, @Nullable Image> reference;
    private final Function<MetricInputs, Image> candidate;
    private final Variant variant;

    AbstractPsnrMetric(String id, String description, Function<MetricInputs, @Nullable Image> reference,
            Function<MetricInputs, Image> candidate, Variant variant) {
        this.id = id;
        this.description = description;
        this.reference = reference;
        this.candidate = candidate;
        this.variant = variant;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final OptionalDouble evaluate(MetricInputs inputs) {
        Image ref = reference.apply(inputs);
        if (ref == null) {
            return OptionalDouble.empty();
        }
        double value = variant.measure(ref, candidate.apply(inputs), inputs);
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * The pixels the known-pixel mask marks as missing ({@code 1 − mask}), or null without a mask.
     */
    static @Nullable Image missingRegion(MetricInputs inputs) {
        Image mask = inputs.mask();
        return mask == null ? null : mask.map(v -> 1 - v);
    }
}
