package org.dip4j.metrics;

import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_lr}: PSNR of the prediction (the downsampled output) against the low-resolution
 * observation, the reference's {@code PSNR_LR} for super-resolution.
 */
public final class PsnrLrMetric extends AbstractPsnrMetric {
    public PsnrLrMetric() {
        super("psnr_lr", "PSNR of the downsampled output against the low-resolution observation (SR)",
                MetricInputs::observation, MetricInputs::prediction, WHOLE_IMAGE);
    }
}
