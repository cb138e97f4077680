package org.dip4j.metrics;

import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_gt_sm}: PSNR of the moving average of the output against the ground truth, the
 * reference's {@code psrn_gt_sm}; empty without ground truth.
 */
public final class PsnrGtSmoothedMetric extends AbstractPsnrMetric {
    public PsnrGtSmoothedMetric() {
        super("psnr_gt_sm", "PSNR of the smoothed (moving-average) output against the ground truth",
                MetricInputs::groundTruth, MetricInputs::smoothedOutput, WHOLE_IMAGE);
    }
}
