package org.dip4j.metrics;

import org.dip4j.spi.MetricInputs;

/**
 * {@code psnr}: PSNR of the whole output against the clean image, as inpainting reports it;
 * empty without ground truth.
 */
public final class PsnrWholeImageMetric extends AbstractPsnrMetric {
    public PsnrWholeImageMetric() {
        super("psnr", "PSNR of the whole output against the clean image (inpainting)",
                MetricInputs::groundTruth, MetricInputs::output, WHOLE_IMAGE);
    }
}
