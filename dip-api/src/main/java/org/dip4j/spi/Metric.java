package org.dip4j.spi;

import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * An image quality measure, computed on the host every logged iteration and at the end.
 * Returns empty when it does not apply (no ground truth, no mask).
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Metric extends Plugin {
    OptionalDouble evaluate(MetricInputs inputs);

    /** Whether larger values are better (true for PSNR and SSIM); used to pick the best iteration. */
    default boolean higherIsBetter() {
        return true;
    }
}
