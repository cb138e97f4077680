package org.dip4j.metrics;

import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_hr}: PSNR of the output against the high-resolution ground truth, the reference's
 * {@code PSNR_HR} (RGB, whole image, no crop); empty without ground truth.
 */
public final class PsnrHrMetric extends AbstractPsnrMetric {
    public PsnrHrMetric() {
        super("psnr_hr", "PSNR of the output against the high-resolution ground truth (SR)",
                MetricInputs::groundTruth, MetricInputs::output, WHOLE_IMAGE);
    }
}
