package org.dip4j.api.run;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a run is about, once its network is built.
 *
 * @param task the task id
 * @param channels channels of the output
 * @param height height of the output
 * @param width width of the output
 * @param architecture the network's architecture id
 * @param parameterCount trainable parameters of the network
 * @param firstIteration the first iteration to run (0, or where a resumed run continues)
 * @param iterations the iteration count the run ends at
 * @param losses the loss terms and their weights
 * @param metrics the metric ids logged
 * @param backend the ND4J backend, device and thread count
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunStart(String task, int channels, int height, int width, String architecture, long parameterCount,
        int firstIteration, int iterations, Map<String, Double> losses, List<String> metrics, String backend) {
    public RunStart {
        losses = Map.copyOf(losses);
        metrics = List.copyOf(metrics);
    }
}
