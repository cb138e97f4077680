package org.dip4j.samediff.engine;

import java.util.Map;
import org.dip4j.api.Image;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a run.
 *
 * @param task the task id
 * @param iterations iterations completed
 * @param seconds wall time of the optimisation
 * @param interrupted whether the run was stopped before its last iteration
 * @param restores how often the divergence guard restored the parameters
 * @param metrics the metrics of the final output (NaN where a metric does not apply)
 * @param output the final output: the network on the unperturbed input
 * @param smoothedOutput the exponential moving average of the outputs
 * @param earlyStop what early stopping chose, or null when it was off or had no full window yet
 */
public record RunResult(String task, int iterations, double seconds, boolean interrupted, int restores,
        Map<String, Double> metrics, Image output, Image smoothedOutput, @Nullable EarlyStop earlyStop) {

    /**
     * The output early stopping kept.
     *
     * @param iteration the iteration of the lowest windowed variance
     * @param decided whether the patience ran out (else: the best so far when the run ended)
     * @param decidedAt the iteration the choice was made at, or −1 when not decided
     * @param stopped whether the run stopped because of it
     * @param output that iteration's output
     * @param metrics its metrics
     */
    public record EarlyStop(int iteration, boolean decided, int decidedAt, boolean stopped, Image output,
            Map<String, Double> metrics) {}
}
