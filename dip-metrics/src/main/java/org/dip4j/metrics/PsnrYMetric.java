package org.dip4j.metrics;

import com.typesafe.config.Config;
import org.dip4j.api.Image;
import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_y}: {@link Psnr#yChannel Y-channel PSNR} of the output against the ground truth with
 * the border crop of the script behind the paper's SR numbers; empty without ground truth.
 */
public final class PsnrYMetric extends AbstractPsnrMetric {
    /** Setting: rows and columns dropped at the top and left. */
    static final String BORDER_TOP_LEFT = "border-top-left";
    /** Setting: rows and columns dropped at the bottom and right. */
    static final String BORDER_BOTTOM_RIGHT = "border-bottom-right";

    public PsnrYMetric() {
        super("psnr_y", "PSNR of the output's luma against the ground truth's, SR evaluation-script crop",
                MetricInputs::groundTruth, MetricInputs::output, PsnrYMetric::measure);
    }

    private static double measure(Image reference, Image candidate, MetricInputs inputs) {
        Config settings = inputs.settings();
        return Psnr.yChannel(reference, candidate, settings.getInt(BORDER_TOP_LEFT),
                settings.getInt(BORDER_BOTTOM_RIGHT));
    }
}
