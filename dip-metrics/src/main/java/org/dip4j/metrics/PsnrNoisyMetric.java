package org.dip4j.metrics;

import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr_noisy}: PSNR of the prediction against the noisy observation, the reference's
 * {@code psrn_noisy} for denoising (and what its backtracking watches).
 */
public final class PsnrNoisyMetric extends AbstractPsnrMetric {
    public PsnrNoisyMetric() {
        super("psnr_noisy", "PSNR of the prediction against the degraded observation (denoising)",
                MetricInputs::observation, MetricInputs::prediction, WHOLE_IMAGE);
    }
}
