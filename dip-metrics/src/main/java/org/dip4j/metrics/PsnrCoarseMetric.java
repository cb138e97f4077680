package org.dip4j.metrics;

import org.dip4j.api.Image;
import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_coarse}: {@link Psnr#coarse coarse PSNR} of the output against the ground truth over
 * the missing region (where the known-pixel mask is 0), after mean-pooling by the {@code factor}
 * setting. Empty without a mask, without ground truth, or when no pooled block is mostly missing.
 */
public final class PsnrCoarseMetric extends AbstractPsnrMetric {
    /** Setting: side of the square pooling blocks. */
    static final String FACTOR = "factor";

    public PsnrCoarseMetric() {
        super("psnr_coarse", "PSNR of the block-pooled output against the ground truth inside the missing region",
                MetricInputs::groundTruth, MetricInputs::output, PsnrCoarseMetric::measure);
    }

    private static double measure(Image reference, Image candidate, MetricInputs inputs) {
        Image region = missingRegion(inputs);
        return region == null
                ? Double.NaN
                : Psnr.coarse(reference, candidate, region, inputs.settings().getInt(FACTOR));
    }
}
