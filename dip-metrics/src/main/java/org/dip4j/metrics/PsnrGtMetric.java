package org.dip4j.metrics;

import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_gt}: PSNR of the output against the ground truth, the reference's {@code psrn_gt};
 * empty without ground truth.
 */
public final class PsnrGtMetric extends AbstractPsnrMetric {
    public PsnrGtMetric() {
        super("psnr_gt", "PSNR of the output against the ground truth (denoising)",
                MetricInputs::groundTruth, MetricInputs::output, WHOLE_IMAGE);
    }
}
