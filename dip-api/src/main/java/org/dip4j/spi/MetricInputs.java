package org.dip4j.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.jspecify.annotations.Nullable;

/**
 * The images a {@link Metric} may look at.
 *
 * @param output the network output at this iteration
 * @param smoothedOutput its exponential moving average (the reference's {@code out_avg})
 * @param prediction the output mapped by the forward model (equals {@code output} unless degraded)
 * @param observation the degraded observation
 * @param groundTruth the clean image, or null when unknown
 * @param mask 1×H×W known-pixel mask (1 = known) at observation size, or null
 * @param auxiliary the problem's extra images by name
 * @param settings the metric's own settings, {@code dip.metrics.<id>}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MetricInputs(
        Image output,
        Image smoothedOutput,
        Image prediction,
        Image observation,
        @Nullable Image groundTruth,
        @Nullable Image mask,
        Map<String, Image> auxiliary,
        Config settings) {

    /** Inputs for comparing a candidate with a reference image and nothing else. */
    public static MetricInputs compare(Image reference, Image candidate) {
        return new MetricInputs(candidate, candidate, candidate, reference, reference, null, Map.of(),
                ConfigFactory.empty());
    }

    /** The same inputs with another metric's settings. */
    public MetricInputs withSettings(Config metricSettings) {
        return new MetricInputs(output, smoothedOutput, prediction, observation, groundTruth, mask, auxiliary,
                metricSettings);
    }
}
