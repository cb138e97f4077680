package org.dip4j.spi;

import java.nio.file.Path;
import org.apiguardian.api.API;
import org.dip4j.api.Image;

/**
 * A finished run, as {@link Task#writeReport} sees it.
 *
 * @param problem the problem the run solved
 * @param output the final output (the network on the unperturbed input)
 * @param smoothedOutput the moving average of the outputs
 * @param iterations iterations completed
 * @param seconds wall time of the optimisation
 * @param folder the run folder, where reports go
 * @param metrics the run's metrics with the run's settings: a report's numbers agree with
 *     {@code metrics.csv}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunOutcome(Problem problem, Image output, Image smoothedOutput, int iterations, double seconds,
        Path folder, MetricEvaluator metrics) {

    /** A run whose metrics have their default settings (the metrics visible to this class's loader). */
    public RunOutcome(Problem problem, Image output, Image smoothedOutput, int iterations, double seconds,
            Path folder) {
        this(problem, output, smoothedOutput, iterations, seconds, folder,
                MetricEvaluator.defaults(Thread.currentThread().getContextClassLoader()));
    }
}
