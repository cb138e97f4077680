package org.dip4j.metrics.blend;

import java.util.Optional;
import org.dip4j.api.Image;
import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.MetricInputs;
import org.jspecify.annotations.Nullable;

/**
 * What the blending metric plugins read from {@link MetricInputs}: the fused image is the
 * {@code prediction} (the blending task's forward model turns the network output into the blend;
 * for the report's formulation it is the output itself); {@code fg}, {@code bg}, {@code mask} (1×H×W, 1 = foreground) and the optional
 * soft map {@code alpha} come from {@link MetricInputs#auxiliary()}.
 */
record BlendInputs(Image fused, Image fg, Image bg, Image mask, @Nullable Image alpha) {

    /** The inputs, or empty when fg, bg or mask is missing (the metric then does not apply). */
    static Optional<BlendInputs> from(MetricInputs in) {
        Image fg = in.auxiliary().get(AuxiliaryImages.FOREGROUND);
        Image bg = in.auxiliary().get(AuxiliaryImages.BACKGROUND);
        Image mask = in.auxiliary().get(AuxiliaryImages.MASK);
        if (fg == null || bg == null || mask == null) {
            return Optional.empty();
        }
        return Optional.of(new BlendInputs(in.prediction(), fg, bg, mask, in.auxiliary().get(AuxiliaryImages.ALPHA)));
    }
}
