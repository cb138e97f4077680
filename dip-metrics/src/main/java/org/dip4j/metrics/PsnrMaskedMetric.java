package org.dip4j.metrics;

import org.dip4j.api.Image;
import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_masked}: PSNR of the output against the ground truth over the missing pixels only
 * (where the known-pixel mask is 0), all channels. Empty without a mask, without ground truth, or
 * when no pixel is missing.
 */
public final class PsnrMaskedMetric extends AbstractPsnrMetric {
    public PsnrMaskedMetric() {
        super("psnr_masked", "PSNR of the output against the ground truth inside the missing region",
                MetricInputs::groundTruth, MetricInputs::output, PsnrMaskedMetric::measure);
    }

    private static double measure(Image reference, Image candidate, MetricInputs inputs) {
        Image region = missingRegion(inputs);
        return region == null ? Double.NaN : Psnr.masked(reference, candidate, region);
    }
}
